-- VERBOSITY verbose: the SQLSTATE, the object names, and libpq's
-- `LOCATION:  routine, file:line` (the same server gives the same line).
create table v (a int not null, b int check (b > 0));
\set VERBOSITY verbose
select 1/0;
insert into v values (null, 1);
insert into v values (1, -1);
select nope from v;
selec 1;
do $$ begin raise exception 'custom' using hint = 'h'; end $$;
\set VERBOSITY default
select 1/0;
