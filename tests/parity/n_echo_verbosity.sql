-- ECHO (queries, errors, all), VERBOSITY (terse, sqlstate), SHOW_CONTEXT.
\set ECHO queries
select 1 as a;
\echo after
\set ECHO errors
select 2 as b;
select
    1/0;
\set ECHO all
select 3 as c; -- with a comment
\set ECHO none
\set VERBOSITY terse
select nope from (select 1) s;
\set VERBOSITY sqlstate
select 1/0;
\set VERBOSITY default
do $$ begin perform 1/0; end $$;
\set SHOW_CONTEXT never
do $$ begin perform 1/0; end $$;
