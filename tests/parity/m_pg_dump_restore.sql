--
-- PostgreSQL database dump
--

\restrict parity

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: app; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA app;


ALTER SCHEMA app OWNER TO postgres;

--
-- Name: norm_email(); Type: FUNCTION; Schema: app; Owner: postgres
--

CREATE FUNCTION app.norm_email() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ begin new.email := lower(new.email); return new; end $$;


ALTER FUNCTION app.norm_email() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: customer; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.customer (
    id bigint NOT NULL,
    email text NOT NULL,
    note text,
    created date DEFAULT '2020-01-02'::date
);


ALTER TABLE app.customer OWNER TO postgres;

--
-- Name: customer_id_seq; Type: SEQUENCE; Schema: app; Owner: postgres
--

CREATE SEQUENCE app.customer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE app.customer_id_seq OWNER TO postgres;

--
-- Name: customer_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: postgres
--

ALTER SEQUENCE app.customer_id_seq OWNED BY app.customer.id;


--
-- Name: orders; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.orders (
    id integer NOT NULL,
    customer_id bigint,
    total numeric(10,2),
    doc jsonb,
    tags text[],
    CONSTRAINT orders_total_check CHECK ((total >= (0)::numeric))
);


ALTER TABLE app.orders OWNER TO postgres;

--
-- Name: TABLE orders; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON TABLE app.orders IS 'orders; with a semicolon';


--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: app; Owner: postgres
--

ALTER TABLE app.orders ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: totals; Type: VIEW; Schema: app; Owner: postgres
--

CREATE VIEW app.totals AS
 SELECT orders.customer_id,
    sum(orders.total) AS total
   FROM app.orders
  GROUP BY orders.customer_id;


ALTER TABLE app.totals OWNER TO postgres;

--
-- Name: customer id; Type: DEFAULT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.customer ALTER COLUMN id SET DEFAULT nextval('app.customer_id_seq'::regclass);


--
-- Data for Name: customer; Type: TABLE DATA; Schema: app; Owner: postgres
--

COPY app.customer (id, email, note, created) FROM stdin;
1	a@x.org	tab\there	2020-01-02
2	b@x.org	\N	2020-01-02
3	c@x.org	line\nbreak \\ back	2020-01-02
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: app; Owner: postgres
--

COPY app.orders (id, customer_id, total, doc, tags) FROM stdin;
1	2	1.25	{"g": 1, "s": "é;"}	{a;b,NULL}
2	3	2.50	{"g": 2, "s": "é;"}	{a;b,NULL}
3	1	3.75	{"g": 3, "s": "é;"}	{a;b,NULL}
4	2	5.00	{"g": 4, "s": "é;"}	{a;b,NULL}
5	3	6.25	{"g": 5, "s": "é;"}	{a;b,NULL}
6	1	7.50	{"g": 6, "s": "é;"}	{a;b,NULL}
7	2	8.75	{"g": 7, "s": "é;"}	{a;b,NULL}
8	3	10.00	{"g": 8, "s": "é;"}	{a;b,NULL}
9	1	11.25	{"g": 9, "s": "é;"}	{a;b,NULL}
10	2	12.50	{"g": 10, "s": "é;"}	{a;b,NULL}
11	3	13.75	{"g": 11, "s": "é;"}	{a;b,NULL}
12	1	15.00	{"g": 12, "s": "é;"}	{a;b,NULL}
13	2	16.25	{"g": 13, "s": "é;"}	{a;b,NULL}
14	3	17.50	{"g": 14, "s": "é;"}	{a;b,NULL}
15	1	18.75	{"g": 15, "s": "é;"}	{a;b,NULL}
16	2	20.00	{"g": 16, "s": "é;"}	{a;b,NULL}
17	3	21.25	{"g": 17, "s": "é;"}	{a;b,NULL}
18	1	22.50	{"g": 18, "s": "é;"}	{a;b,NULL}
19	2	23.75	{"g": 19, "s": "é;"}	{a;b,NULL}
20	3	25.00	{"g": 20, "s": "é;"}	{a;b,NULL}
21	1	26.25	{"g": 21, "s": "é;"}	{a;b,NULL}
22	2	27.50	{"g": 22, "s": "é;"}	{a;b,NULL}
23	3	28.75	{"g": 23, "s": "é;"}	{a;b,NULL}
24	1	30.00	{"g": 24, "s": "é;"}	{a;b,NULL}
25	2	31.25	{"g": 25, "s": "é;"}	{a;b,NULL}
26	3	32.50	{"g": 26, "s": "é;"}	{a;b,NULL}
27	1	33.75	{"g": 27, "s": "é;"}	{a;b,NULL}
28	2	35.00	{"g": 28, "s": "é;"}	{a;b,NULL}
29	3	36.25	{"g": 29, "s": "é;"}	{a;b,NULL}
30	1	37.50	{"g": 30, "s": "é;"}	{a;b,NULL}
31	2	38.75	{"g": 31, "s": "é;"}	{a;b,NULL}
32	3	40.00	{"g": 32, "s": "é;"}	{a;b,NULL}
33	1	41.25	{"g": 33, "s": "é;"}	{a;b,NULL}
34	2	42.50	{"g": 34, "s": "é;"}	{a;b,NULL}
35	3	43.75	{"g": 35, "s": "é;"}	{a;b,NULL}
36	1	45.00	{"g": 36, "s": "é;"}	{a;b,NULL}
37	2	46.25	{"g": 37, "s": "é;"}	{a;b,NULL}
38	3	47.50	{"g": 38, "s": "é;"}	{a;b,NULL}
39	1	48.75	{"g": 39, "s": "é;"}	{a;b,NULL}
40	2	50.00	{"g": 40, "s": "é;"}	{a;b,NULL}
41	3	51.25	{"g": 41, "s": "é;"}	{a;b,NULL}
42	1	52.50	{"g": 42, "s": "é;"}	{a;b,NULL}
43	2	53.75	{"g": 43, "s": "é;"}	{a;b,NULL}
44	3	55.00	{"g": 44, "s": "é;"}	{a;b,NULL}
45	1	56.25	{"g": 45, "s": "é;"}	{a;b,NULL}
46	2	57.50	{"g": 46, "s": "é;"}	{a;b,NULL}
47	3	58.75	{"g": 47, "s": "é;"}	{a;b,NULL}
48	1	60.00	{"g": 48, "s": "é;"}	{a;b,NULL}
49	2	61.25	{"g": 49, "s": "é;"}	{a;b,NULL}
50	3	62.50	{"g": 50, "s": "é;"}	{a;b,NULL}
\.


--
-- Name: customer_id_seq; Type: SEQUENCE SET; Schema: app; Owner: postgres
--

SELECT pg_catalog.setval('app.customer_id_seq', 3, true);


--
-- Name: orders_id_seq; Type: SEQUENCE SET; Schema: app; Owner: postgres
--

SELECT pg_catalog.setval('app.orders_id_seq', 50, true);


--
-- Name: customer customer_email_key; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.customer
    ADD CONSTRAINT customer_email_key UNIQUE (email);


--
-- Name: customer customer_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: orders_customer; Type: INDEX; Schema: app; Owner: postgres
--

CREATE INDEX orders_customer ON app.orders USING btree (customer_id);


--
-- Name: customer customer_norm; Type: TRIGGER; Schema: app; Owner: postgres
--

CREATE TRIGGER customer_norm BEFORE INSERT OR UPDATE ON app.customer FOR EACH ROW EXECUTE FUNCTION app.norm_email();


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES app.customer(id);


--
-- PostgreSQL database dump complete
--

\unrestrict parity

