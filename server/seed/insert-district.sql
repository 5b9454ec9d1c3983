-- Loads the district outline features (JSON array) as context.
INSERT INTO district (id, name_zh, name_en, source, geom)
SELECT COALESCE(f->'properties'->>'adcode', f->'properties'->>'id'), f->'properties'->>'name', 'Panji District', $2,
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON((f->'geometry')::text), 4326))
FROM json_array_elements($1::json) f
