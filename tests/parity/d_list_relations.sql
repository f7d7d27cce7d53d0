-- \d without a name, \dt, \dv, \dm, \di, \ds, \dE and their combinations, with psql's
-- patterns and the S and + modifiers ("List of relations").
create table parent (id int primary key, code text unique);
create table child (id serial primary key, parent_id int references parent(id));
create view child_v as select id from child;
create materialized view mv as select 1 as one;
create index mv_one on mv (one);
create sequence s1;
create schema app;
create table app.t (x int);
create table app.u (x int);
comment on table parent is 'the parents';
\d
\d+
\dt
\dt+
\dv
\dv+
\dm
\di
\di+
\ds
\ds+
\dtv
\dti
\dt app.*
\dt *.t
\dt "APP".t
\dt app.?
\dt c*
\dt (parent|child)
\dv *_v
\dS pg_class
\dtS pg_am*
\dE
\di parent*
