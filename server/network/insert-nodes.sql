-- Inserts one chunk of network nodes (JSON array of parsed nodes, with the segment of junctions and service points).
INSERT INTO network_nodes (id, kind, name, state, operable, inlet_pipe, segment, unit, geom)
SELECT n->>'id', n->>'kind', n->>'name', n->>'state', (n->>'operable')::boolean, n->>'inlet', (n->>'segment')::int, (n->>'unit')::int,
       ST_SetSRID(ST_MakePoint((n->'coordinates'->>0)::float8, (n->'coordinates'->>1)::float8), 4326)
FROM json_array_elements($1::json) n
