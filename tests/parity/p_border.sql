-- \pset border 0, 1, 2 (and larger, printed as 2) in the aligned format: multi-line
-- values and headers, right-aligned numbers, NULLs, no rows, no columns, tabs.
create table pb (n int, "two
lines" text, amount numeric, t text);
insert into pb values (1, E'one\nvalue', 1.5, null), (-22, 'x', null, E'tab\there'), (333, null, 10, '');
\pset format aligned
\pset border 0
select * from pb order by n;
select n from pb where false;
select from pb;
\pset border 2
select * from pb order by n;
select n from pb where false;
select from pb;
select;
\pset border 7
select n, t from pb order by n;
\pset border 1
select * from pb order by n;
select from pb;
