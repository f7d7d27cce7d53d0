-- \dn, \du (\dg), \l and \dx with patterns and modifiers ("List of schemas", "List of
-- roles" built by psql on the client side, "List of databases", "List of installed
-- extensions", \dx+'s "Objects in extension"; \dn NAME's publications). Only objects every fresh database and this server share are listed.
create schema app;
create schema "Mixed";
comment on schema app is 'the application';
grant usage on schema app to pg_monitor;
create publication app_pub for tables in schema app;
\dn
\dn+
\dn app
\dn "Mixed"
\dn a*
\dn+ app
\dn public
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
\dx+
\dx+ plpgsql
\dx+ nothing_here
\dx plpgsql
