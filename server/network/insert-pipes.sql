-- Inserts one chunk of pipes (JSON array of parsed pipes with segment and supply) and their two ends.
WITH input AS (
  SELECT p->>'id' AS id, p->>'from' AS from_node, p->>'to' AS to_node, (p->>'diameter_mm')::real AS diameter_mm,
         (p->>'segment')::int AS segment, (p->>'unit')::int AS unit, (p->>'supplied')::boolean AS supplied,
         p->>'material' AS material, p->>'pressure' AS pressure, p->>'name' AS name,
         ST_SetSRID(ST_GeomFromGeoJSON(json_build_object('type', 'LineString', 'coordinates', p->'coordinates')::text), 4326) AS geom
  FROM json_array_elements($1::json) p
),
pipes AS (
  INSERT INTO network_pipes (id, from_node, to_node, diameter_mm, material, pressure, name, segment, unit, supplied, geom)
  SELECT id, from_node, to_node, diameter_mm, material, pressure, name, segment, unit, supplied, geom FROM input
  RETURNING id, from_node, to_node
)
INSERT INTO network_pipe_ends (pipe_id, node_id)
SELECT id, from_node FROM pipes UNION ALL SELECT id, to_node FROM pipes
