-- \o |command and \g |command: results go to the command's stdin; \o alone closes it and
-- waits for it, so its output comes first. Everything on stdout here comes from the pipes
-- (psql's own stdout is buffered apart from its children's).
create table p (a int, b text);
insert into p values (1, 'one'), (2, 'two');
\o | sed 's/^/piped: /'
select * from p order by a;
\qecho qecho goes through the pipe too
select count(*) as n from p;
\o
select b from p where a = 2 \g | sed 's/^/g: /'
select a from p order by a \g |tr 12 xy
