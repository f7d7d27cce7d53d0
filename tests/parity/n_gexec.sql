-- \gexec runs each value of a result as a statement; \g sends the last one again.
select format('create table %I (a int);', 'g_' || i) from generate_series(1, 3) i \gexec
select format('insert into g_%s values (%s)', i, i * 10) from generate_series(1, 3) i order by i \gexec
select 'select a from g_1', 'select 1/0', null, 'select a from g_3' \gexec
select count(*) as n from g_2;
\g
select 'plain' as p \g
