-- I: the server's error message verbatim (runs of spaces kept).
select '  tru e '::boolean;
select 'after' as a;
