-- Grids of a layout ($1: a layout, read by layout_grids) touching geometry $2 (GeoJSON), with $2's vertices inserted into
-- their edges where they lie on them (within 1 cm): a split's new corners become shared with the neighbours.
WITH cut AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS geom),
layout AS (SELECT code, geom FROM layout_grids($1::json))
SELECT l.code, ST_AsGeoJSON(ST_Snap(l.geom, cut.geom, 1e-7), 9)::json AS geometry
FROM layout l, cut
WHERE ST_DWithin(l.geom, cut.geom, 1e-7)
