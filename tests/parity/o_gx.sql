-- parity: table
-- \gx: this one query in expanded display; the next one is a table again.
select 1 as a, 'two' as bee \gx
select 3 as c;
select 4 as d, null as e
\gx
