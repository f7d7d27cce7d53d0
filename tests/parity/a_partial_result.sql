-- A: a statement that fails after sending rows prints only its error.
select 1/(2-g) from generate_series(1,3) g;
select 'after' as a;
