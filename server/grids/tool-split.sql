-- The pieces of grid $2 of a layout ($1: a layout, read by layout_grids) cut by line $3 (GeoJSON), largest first.
WITH g AS (
  SELECT geom FROM layout_grids($1::json) WHERE code = $2
),
parts AS (SELECT (ST_Dump(ST_Split(g.geom, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)))).geom AS geom FROM g)
SELECT ST_AsGeoJSON(geom, 9)::json AS geometry, planar_area_m2(geom) AS area_m2 FROM parts ORDER BY area_m2 DESC
