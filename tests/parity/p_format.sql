-- psql's \pset format: whole names and unique abbreviations, \a toggling between aligned
-- and unaligned (from any format), an ambiguous abbreviation refused with the setting kept.
create table pf (id int, name text, note text);
insert into pf values (1, 'alice', null), (22, 'bob', 'x|y');
\pset format aligned
select * from pf order by id;
\pset format unaligned
select * from pf order by id;
\pset format csv
select * from pf order by id;
\pset format a
select * from pf order by id;
\pset format al
select * from pf order by id;
\pset format u
select * from pf order by id;
\pset format C
select * from pf order by id;
\a
select * from pf order by id;
\a
select * from pf order by id;
\a
select id from pf where false;
select from pf;
insert into pf values (3, 'carol', 'z');
