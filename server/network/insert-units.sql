-- Inserts one chunk of isolation units with their dominator-tree interval.
INSERT INTO network_units (unit, pre, post, simple)
SELECT (u->>'unit')::int, (u->>'pre')::int, (u->>'post')::int, (u->>'simple')::boolean
FROM json_array_elements($1::json) u
