-- \x and \pset expanded: psql's -[ RECORD n ]- blocks in borders 0, 1 and 2, multi-line
-- values and headers, record rules widened for the label, no rows, tuples only, a title,
-- the footer setting (expanded display prints none), \x auto (never expands when the
-- output is not a terminal), and expanded CSV and unaligned output.
create table px (id int, "long header" text, "two
lines" text);
insert into px values (1, 'x', null), (22, E'multi\nline', 'zz'), (3, repeat('w', 30), E'a\nb\nc');
\pset format aligned
\x
select * from px order by id;
select id from px where false;
\pset border 0
select * from px order by id;
\pset border 2
select * from px order by id;
select 1 as a;
\pset title 'Expanded, titled'
select * from px order by id;
select id from px where false;
\pset title
\pset footer off
\pset border 1
select * from px order by id;
\pset footer on
\t on
select * from px order by id;
\pset border 0
select * from px order by id;
\pset border 2
select * from px order by id;
\t off
\x auto
\pset border 1
select * from px order by id;
\x off
select * from px order by id;
\pset expanded on
\pset format csv
select * from px order by id;
\pset format unaligned
select * from px order by id;
\pset expanded
select * from px order by id;
