-- Lists the geometries (1-based place in the array of GeoJSON texts) that PostGIS finds invalid, with the reason and where.
SELECT t.i::int AS i, ST_IsValidReason(g.geom) AS reason, ST_AsGeoJSON(location(ST_IsValidDetail(g.geom)), 7)::json AS location
FROM unnest($1::text[]) WITH ORDINALITY AS t(txt, i)
CROSS JOIN LATERAL (SELECT ST_GeomFromGeoJSON(t.txt) AS geom) g
WHERE NOT ST_IsValid(g.geom)
ORDER BY t.i
