-- \dn, \du (\dg), \l and \dx with patterns and modifiers ("List of schemas", "List of
-- roles" built by psql on the client side, "List of databases", "List of installed
-- extensions"). Only objects every fresh database and this server share are listed.
create schema app;
create schema "Mixed";
comment on schema app is 'the application';
grant usage on schema app to pg_monitor;
\dn
\dn+
\dn app
\dn "Mixed"
\dn a*
\du postgres
\du+ postgres
\dg postgres
\duS pg_monitor
\du pg_read_all_*
\l template0
\list template0
\l template?
\dx
\dx plpgsql
\dx nothing_here
