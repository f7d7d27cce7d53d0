-- psql's confirmations for every print setting (printed unless QUIET), \pset alone
-- listing them all, and psql's errors for values it refuses.
\set QUIET off
\pset
\pset format unaligned
\pset format
\a
\pset border 2
\pset border
\pset null '(null)'
\pset null
\pset tuples_only
\t
\t on
\t off
\t maybe
\pset footer off
\pset footer
\pset title 'T'
\C
\C 'Title two'
\pset title
\f ';'
\f
\pset fieldsep_zero
\pset recordsep '#'
\pset recordsep
\pset recordsep_zero
\pset csv_fieldsep ;
\pset csv_fieldsep
\x
\x off
\x auto
\pset expanded
\pset x
\pset vertical on
\x maybe
\pset format a
\pset bogus
\pset columns 100
\pset columns 0
\pset
\set QUIET on
\pset format csv
