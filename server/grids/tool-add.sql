-- A new grid drawn as polygon $2 over a layout ($1): its land within the service area, and every grid with that land taken.
WITH drawn AS (
  SELECT ST_Intersection(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), (SELECT ST_Union(geom) FROM service_area)) AS geom
),
layout AS (
  SELECT code, geom FROM layout_grids($1::json)
)
SELECT NULL AS code, ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(d.geom, 3)), 9)::json AS geometry, planar_area_m2(d.geom) AS area_m2
FROM drawn d
UNION ALL
SELECT l.code, ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(r.geom, 3)), 9)::json, planar_area_m2(r.geom)
FROM layout l, drawn d
CROSS JOIN LATERAL (SELECT CASE WHEN ST_Intersects(l.geom, d.geom) THEN ST_Difference(l.geom, d.geom) ELSE l.geom END AS geom) r
