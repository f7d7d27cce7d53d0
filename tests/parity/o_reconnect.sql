-- \c - in a script: a new session on the same database (settings back to defaults).
set work_mem = '1234kB';
show work_mem;
\c -
show work_mem;
create table after_reconnect (a int);
insert into after_reconnect values (1);
select * from after_reconnect;
