-- \dp (and \z): table, column and policy privileges ("Access privileges").
create table t (id int primary key, secret text, note text);
create view v as select id from t;
create sequence s;
grant select on t to pg_monitor;
grant select (id, note), update (note) on t to pg_read_all_data;
grant usage on sequence s to pg_monitor;
alter table t enable row level security;
create policy t_read on t for select to pg_monitor using (id > 0);
create policy t_write on t as restrictive for insert with check (note is not null);
\dp
\dp t
\z v
\dp nothing_here
