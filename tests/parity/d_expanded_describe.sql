-- \d NAME is never expanded (psql's describeOneTableDetails turns \x off for it);
-- listings and queries around it are.
create table xt (a int primary key, b text not null default 'x');
\x on
\d xt
\dt xt
select 1 as a, 'two' as b;
\x auto
\d xt
\x off
\d xt
