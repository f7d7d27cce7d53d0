-- psql's variables: \set, \unset, :{?name}, \gset with a prefix (NULL unsets), the
-- automatic ERROR, SQLSTATE, ROW_COUNT, LAST_ERROR_MESSAGE, LAST_ERROR_SQLSTATE.
\set greeting 'hello  world'
\echo :greeting :{?greeting} :{?nothing}
\unset greeting
\echo :{?greeting}
select 2 as a, 'x y' as b, null as c \gset p_
\echo :p_a :p_b :{?p_c}
create table r (n int);
insert into r select generate_series(1, 5);
\echo :ERROR :SQLSTATE :ROW_COUNT
select * from r where n > 3;
\echo :ROW_COUNT
select 1/0;
\echo :ERROR :SQLSTATE :ROW_COUNT :LAST_ERROR_MESSAGE :LAST_ERROR_SQLSTATE
select 1 as ok;
\echo :ERROR :SQLSTATE :LAST_ERROR_SQLSTATE
select n from r \gset
select n from r where false \gset
\echo :n
select :'p_b' as quoted, :"p_b" is null as ident from (select 1 as "x y") s;
\echo -n no newline
\echo
\qecho qecho line
\warn warn line
\setenv PARITY_ENV from  setenv
\getenv got PARITY_ENV
\echo :got
\getenv missing PARITY_NOT_SET_ANYWHERE
\echo :{?missing}
\setenv PARITY_ENV
\getenv gone PARITY_ENV
\echo :{?gone}
