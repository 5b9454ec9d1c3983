-- Loads the road centre lines (JSON array).
INSERT INTO roads (id, name_zh, name_en, geom)
SELECT f->'properties'->>'id', f->'properties'->>'name_zh', f->'properties'->>'name_en',
       ST_SetSRID(ST_GeomFromGeoJSON((f->'geometry')::text), 4326)
FROM json_array_elements($1::json) f
