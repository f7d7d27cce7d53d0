-- H: any COPY the server refuses is an ordinary error; the script goes on.
create table x(a int, g int generated always as (a * 2) stored);
copy x from stdin where a = max(a);
select 2 as two;
copy x from stdin (nonsense_option 1);
select 3 as three;
copy x (a, g) from stdin;
select 4 as four;
select 5 as five;
