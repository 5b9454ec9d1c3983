-- Inserts one chunk of network nodes (JSON array of parsed nodes with segment, unit and WKT position).
INSERT INTO network_nodes (id, kind, name, state, operable, inlet_pipe, segment, unit, geom)
SELECT n.id, n.kind, n.name, n.state, n.operable, n.inlet, n.segment, n.unit, ST_GeomFromText(n.wkt, 4326)
FROM json_to_recordset($1::json) AS n(id text, kind text, name text, state text, operable boolean, inlet text, segment int, unit int, wkt text)
