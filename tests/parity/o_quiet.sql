-- QUIET: psql's -q as a variable. Off, command tags print; on again, they do not.
\echo :QUIET
\set QUIET off
create table q (a int);
insert into q values (1), (2);
select * from q order by a;
update q set a = a + 1;
\set QUIET on
insert into q values (3);
delete from q where a = 3;
select count(*) as n from q;
