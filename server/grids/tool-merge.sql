-- Grids $2 and $3 of a layout ($1) as one: whether they share an edge, and their union.
WITH a AS (SELECT geom FROM layout_grids($1::json) WHERE code = $2),
b AS (SELECT geom FROM layout_grids($1::json) WHERE code = $3)
SELECT ST_Length(ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom))::geography) AS shared_m,
       ST_AsGeoJSON(ST_Multi(ST_Union(a.geom, b.geom)), 9)::json AS geometry
FROM a, b
