-- Lists the geometries (1-based place in the array of GeoJSON texts) that PostGIS finds invalid, with the reason.
SELECT t.i::int AS i, ST_IsValidReason(ST_GeomFromGeoJSON(t.g)) AS reason
FROM unnest($1::text[]) WITH ORDINALITY AS t(g, i)
WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(t.g))
ORDER BY t.i
