-- ON_ERROR_STOP set in the file stops the script at the first error (exit 3).
create table s (a int);
select 1/0;
insert into s values (1);
\set ON_ERROR_STOP on
insert into s values (2);
select nope;
insert into s values (3);
