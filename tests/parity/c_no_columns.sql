-- C: a result with no columns.
select from generate_series(1,3);
select 'after' as a;
