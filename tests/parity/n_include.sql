-- \ir runs a file beside this one, \i one relative to the working directory; errors
-- name the included file and its line; variables cross the boundary.
\set who outer
\ir include/part.sql
\echo back in :who
\i include/part.sql
select count(*) as parts from part;
