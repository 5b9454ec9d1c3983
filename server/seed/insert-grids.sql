-- Loads the grids (JSON array) with the totals the plan states.
INSERT INTO grids (code, name_zh, name_en, area_zh, area_en, plan_connected, plan_to_develop, plan_text, geom)
SELECT p->>'code', p->>'name_zh', p->>'name_en', p->>'area_zh', p->>'area_en',
       (p->>'plan_connected')::int, (p->>'plan_to_develop')::int, p->>'plan_text',
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON((f->'geometry')::text), 4326))
FROM json_array_elements($1::json) f, LATERAL (SELECT f->'properties' p) s
