create table if not exists part (who text);
insert into part values (:'who');
select 1/0;
\set who inner
