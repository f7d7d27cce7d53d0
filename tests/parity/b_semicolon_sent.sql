-- B: the text sent to the server keeps the statement's `;`.
prepare q1 as select 1;
select statement from pg_prepared_statements;
delete from;
select 'after' as a;
