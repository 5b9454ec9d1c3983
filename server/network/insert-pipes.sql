-- Inserts one chunk of pipes (JSON array of parsed pipes with segment, unit, supply and WKT line) and their two ends.
WITH input AS (
  SELECT p.id, p.from AS from_node, p.to AS to_node, p.diameter_mm, p.material, p.pressure, p.name, p.segment, p.unit,
         p.supplied, ST_GeomFromText(p.wkt, 4326) AS geom
  FROM json_to_recordset($1::json) AS p(id text, "from" text, "to" text, diameter_mm real, material text, pressure text,
                                        name text, segment int, unit int, supplied boolean, wkt text)
),
pipes AS (
  INSERT INTO network_pipes (id, from_node, to_node, diameter_mm, material, pressure, name, segment, unit, supplied, geom)
  SELECT id, from_node, to_node, diameter_mm, material, pressure, name, segment, unit, supplied, geom FROM input
  RETURNING id, from_node, to_node
)
INSERT INTO network_pipe_ends (pipe_id, node_id)
SELECT id, from_node FROM pipes UNION ALL SELECT id, to_node FROM pipes
