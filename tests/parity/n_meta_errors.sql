-- Meta command mistakes: psql reports them and goes on (exit 0 without ON_ERROR_STOP).
\elif true
\else
\endif
\frobnicate
select 'after' as a;
\if true
select 'unterminated' as u;
