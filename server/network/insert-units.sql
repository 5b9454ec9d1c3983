-- Inserts one chunk of isolation units with their dominator-tree interval, immediate dominator, anchor and join flags.
INSERT INTO network_units (unit, pre, post, idom, anchor, is_join, is_core)
SELECT (u->>'unit')::int, (u->>'pre')::int, (u->>'post')::int, (u->>'idom')::int, (u->>'anchor')::int,
       (u->>'join')::boolean, (u->>'core')::boolean
FROM json_array_elements($1::json) u
