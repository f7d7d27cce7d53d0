-- The unaligned format: \pset fieldsep and \f, recordsep, the zero-byte separators, the
-- title, tuples only, the footer, and NULL display.
create table pu (a int, b text);
insert into pu values (1, 'one'), (2, null);
\pset format unaligned
select * from pu order by a;
\f ,
select * from pu order by a;
\pset fieldsep ' :: '
\pset recordsep '<RS>'
select * from pu order by a;
\pset recordsep '\n'
\pset recordsep
\t
select * from pu order by a;
\t
\pset null '(null)'
\C 'Unaligned title'
select * from pu order by a;
select a from pu where false;
\pset footer off
select * from pu order by a;
\C
\pset fieldsep_zero
select * from pu order by a;
\pset recordsep_zero
select * from pu order by a;
