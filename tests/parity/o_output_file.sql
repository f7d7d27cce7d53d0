-- \o FILE: query results (and \qecho) go to the file until \o alone; \echo stays on stdout.
-- \g FILE sends one query's results there. (/dev/null keeps the checkout clean.)
create table o (a int, b text);
insert into o values (1, 'one'), (2, 'two');
select 'before' as where_;
\o /dev/null
select * from o order by a;
\qecho qecho follows the output
\echo echo goes to stdout
select count(*) as hidden from o;
\o
select 'after' as where_;
select 'one query' as hidden \g /dev/null
select 'stdout again' as shown;
\g
select 'gx in a file' as hidden \gx /dev/null
\o /nonexistent-dir/file.txt
select 'still on stdout' as shown;
select 1 as x \g /nonexistent-dir/file.txt
select 2 as y;
