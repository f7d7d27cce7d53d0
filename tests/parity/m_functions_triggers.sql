-- A migration: tables, functions in every quoting style, a trigger, a procedure,
-- DO blocks (one raising an error with DETAIL and HINT, one failing inside PL/pgSQL).
create table account (
    id serial primary key,
    name text not null,
    balance numeric(12, 2) default 0,
    updated_at timestamptz
);

create function touch() returns trigger language plpgsql as $$
begin
    new.updated_at := '2020-01-01 00:00:00+00';
    return new; -- a ; inside the body
end;
$$;

create trigger account_touch before insert or update on account
    for each row execute function touch();

create or replace function add(a int, b int) returns int
    language sql immutable as 'select a + b';

create procedure bump(n int) language plpgsql as $body$
begin
    update account set balance = balance + n;
end
$body$;

CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
    SELECT x * 2;
END;

insert into account (name) values ('a'), ('b;c'), ('d''e');
call bump(5);
select id, name, balance, updated_at at time zone 'UTC' as updated from account order by id;
select add(1, 2) as three, twice(21) as answer;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM account ORDER BY id LOOP
        UPDATE account SET name = upper(r.name) WHERE id = r.id;
    END LOOP;
END $$;

do language plpgsql $$ begin perform 1 / 0; exception when division_by_zero then null; end $$;

DO $$ BEGIN RAISE EXCEPTION 'custom failure: %', 42 USING DETAIL = 'some  detail', HINT = 'a  hint'; END $$;

DO $$ BEGIN PERFORM nope FROM account; END $$;

select name from account order by id;
