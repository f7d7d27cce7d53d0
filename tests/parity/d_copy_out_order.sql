-- D: COPY TO STDOUT and \copy TO STDOUT come out in script order.
copy (select 1) to stdout;
\copy (select 2) to stdout
select 3 as three;
copy (select 4) to stdout;
