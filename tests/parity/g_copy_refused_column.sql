-- G: a refused COPY shows the COPY's own error.
create table x(a int);
copy x (xyz) from stdin;
select 2 as two;
