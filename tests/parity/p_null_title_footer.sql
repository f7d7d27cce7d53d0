-- \pset null in every format, \pset title and \C (centred above the aligned table, on its
-- own line when wider), \pset footer and \t / \pset tuples_only, together.
create table pn (id int, label text);
insert into pn values (1, null), (2, 'two');
\pset null '[NULL]'
\pset format aligned
select * from pn order by id;
\pset format csv
select * from pn order by id;
\pset format unaligned
select * from pn order by id;
\pset format aligned
\C 'Short'
select * from pn order by id;
\C 'A title much wider than the table below it'
select * from pn order by id;
\pset title 'Bordered'
\pset border 2
select * from pn order by id;
\pset footer off
select * from pn order by id;
\pset footer
\pset tuples_only on
select * from pn order by id;
\pset tuples_only off
\pset title
\pset null ''
select * from pn order by id;
insert into pn values (3, 'three');
