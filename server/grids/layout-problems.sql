-- Finds what is wrong (> 1 m²) with a grid layout ($1, read by layout_grids) against the stored service area.
WITH layout AS (SELECT code, geom FROM layout_grids($1::json)),
area AS (SELECT ST_Union(geom) AS geom FROM service_area),
problems AS (
  SELECT 'overlap' AS kind, a.code AS grid, b.code AS other_grid, ST_Intersection(a.geom, b.geom) AS geom
  FROM layout a JOIN layout b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
  UNION ALL
  SELECT 'outside_service_area', l.code, NULL, ST_Difference(l.geom, area.geom) FROM layout l, area
  UNION ALL
  SELECT 'gap', NULL, NULL, ST_Difference(area.geom, (SELECT ST_Union(geom) FROM layout)) FROM area
)
SELECT kind, grid, other_grid, round(planar_area_m2(geom)::numeric, 1)::float8 AS area_m2,
       ST_AsGeoJSON(geom, 7)::json AS geometry
FROM problems
WHERE geom IS NOT NULL AND planar_area_m2(geom) > 1
ORDER BY kind, grid, other_grid
