-- The CSV format's own settings: csv_fieldsep (quoting values that hold it), NULL display,
-- tuples only, expanded name,value lines, and no title or footer.
create table pc (a int, "b;c" text, d text);
insert into pc values (1, 'x;y', null), (2, 'p,q', 'say "hi"');
\pset format csv
\pset title 'never printed in CSV'
\pset csv_fieldsep ;
select * from pc order by a;
\pset csv_fieldsep ab
\pset csv_fieldsep '"'
\pset null NUL
select * from pc order by a;
\t
select * from pc order by a;
\t
\x
select * from pc order by a;
\x
\pset csv_fieldsep ','
select * from pc order by a;
