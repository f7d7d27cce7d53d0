-- Errors as psql reports them: the line the statement ended on, LINE n: with the
-- caret (tabs, several lines, long lines cut around the caret), DETAIL, HINT.
select 1 +
	nope;
create table u (id int primary key);
insert into u values (1);
insert into u values (1);
select 'a very long line to make the excerpt of the error cut on both sides of it', 1 + 'x' as not_a_number, 'and a long tail that goes on and on';
select 'x'::int;
selct 1;
select 'after' as a;
