-- COPY … FROM STDIN data in text and CSV, the rest of the COPY's line, a data error,
-- and data that runs to the end of the file.
create table item (id int primary key, body text, price numeric, tags text[]);

COPY item (id, body, price, tags) FROM stdin; select 'after the data' as note;
1	semi;colon 'quote' $$ -- not a comment	1.5	{a,b}
2	\N	\N	\N
3	tab\there\nnewline \\ backslash é	-2	{}
\.

copy item from stdin with (format csv, header true);
id,body,price,tags
4,"csv, ""quoted""
multi-line",7,"{x,""y z""}"
5,,,
\.

copy item from stdin;
6	ok	1	{}
seven	bad	1	{}
\.

select id, body, price, tags from item order by id;
select count(*) as n from item;

copy item (id, body) from stdin;
8	at the end
9	without the terminator
