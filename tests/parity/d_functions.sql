-- \df and its kinds (a, n, p, t, w), patterns and + ("List of functions").
create function add(a int, b int) returns int language sql immutable as 'select a + b';
create function add(a text, b text) returns text language sql as 'select a || b';
create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create function sfunc(int, int) returns int language sql as 'select $1 + $2';
create aggregate total(int) (sfunc = sfunc, stype = int);
create procedure noop() language sql as 'select 1';
create function setof_ints(n int) returns setof int language sql stable parallel safe as 'select generate_series(1, n)';
create schema app;
create function app.hidden() returns int language sql as 'select 1';
comment on function touch() is 'a trigger function';
\df
\df+
\dfa
\dfn
\dfp
\dft
\dfw
\dfnt
\df add
\df app.*
\df *.hidden
\dfS int4pl
