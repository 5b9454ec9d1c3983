-- Grids of a layout ($1: JSON array of {code, geom}) touching geometry $2 (GeoJSON), with $2's vertices inserted into
-- their edges where they lie on them (within 1 cm): a split's new corners become shared with the neighbours.
WITH cut AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS geom),
layout AS (SELECT l->>'code' AS code, ST_SetSRID(ST_GeomFromGeoJSON(l->>'geom'), 4326) AS geom FROM json_array_elements($1::json) l)
SELECT l.code, ST_AsGeoJSON(ST_Snap(l.geom, cut.geom, 1e-7), 9)::json AS geometry
FROM layout l, cut
WHERE ST_DWithin(l.geom, cut.geom, 1e-7)
