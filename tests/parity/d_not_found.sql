-- What psql does when a describe command finds nothing: \d NAME fails (the error
-- counts for ON_ERROR_STOP; -q silences the message), a listing prints its message
-- without failing (or, under -q, its empty table).
\d
\dt
\d nope
\dt nope*
\dv nope
\df nope
\dn nope
\dp nope
\du nope
create table t (a int);
\d
\set ON_ERROR_STOP on
\d t
\d nope
select 'not reached' as r;
