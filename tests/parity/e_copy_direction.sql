-- E: the server, not the statement's text, decides the COPY direction.
create table t(a int);
copy t from stdout;
1
2
\.
copy (select 1) to stdin;
select * from t order by a;
