-- F: the splitter follows standard_conforming_strings as the server reports it.
set standard_conforming_strings = off;
set escape_string_warning = off;
select 'a\'b' as x, 'c\'d' as y; select 1 as one;
reset standard_conforming_strings;
select 'e\' as z;
