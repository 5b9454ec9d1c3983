-- The network features of tile z $1, x $2, y $3 and a margin around it, by zoom: mains and stations from 9,
-- low-pressure pipes and regulators from 12–13, valves from 14, service points from 16 (junctions are never drawn).
WITH
tile AS (SELECT ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.0625), 4326) AS b),
features AS (
  SELECT 'pipes' AS layer, p.geom, p.id, p.pressure, p.diameter_mm, NULL::text AS kind, NULL::text AS state, NULL::boolean AS operable
  FROM network_pipes p, tile
  WHERE p.geom && tile.b AND $1 >= 9 AND (p.pressure = 'MP' OR $1 >= 13)
  UNION ALL
  SELECT 'nodes', n.geom, n.id, NULL, NULL, n.kind, n.state, n.operable
  FROM network_nodes n, tile
  WHERE n.geom && tile.b AND n.kind <> 'junction'
    AND $1 >= CASE n.kind WHEN 'source' THEN 9 WHEN 'regulator' THEN 12 WHEN 'valve' THEN 14 ELSE 16 END
)
