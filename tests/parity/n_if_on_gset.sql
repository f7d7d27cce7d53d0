-- \if on a \gset variable, as CI migration scripts do; nested \if, \elif, \else;
-- skipped branches send nothing.
select count(*) > 0 as has_tables from pg_tables where schemaname = 'public' \gset
\if :has_tables
\echo has tables
\else
\echo empty database
create table t (a int);
\endif
select exists (select 1 from pg_tables where tablename = 't') as t_exists \gset
\if :t_exists
    insert into t values (1);
    \if false
        insert into t values (99);
        \if true
            insert into t values (97);
        \endif
    \elif :{?t_exists}
        insert into t values (2);
    \else
        insert into t values (98);
    \endif
\elif true
    insert into t values (96);
\endif
\if maybe
    insert into t values (95);
\elif off
    insert into t values (94);
\else
    insert into t values (3);
\endif
select a from t order by a;
