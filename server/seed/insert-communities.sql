-- Loads the communities (JSON array) with the plan's household figures (connected may be null: not given).
INSERT INTO communities (id, name_zh, name_en, alias_zh, plan_grid, total_households, connected_households, plan_text, geom)
SELECT p->>'id', p->>'name_zh', p->>'name_en', p->>'alias_zh', p->>'plan_grid',
       (p->>'total_households')::int, (p->>'connected_households')::int, p->>'plan_text',
       ST_SetSRID(ST_GeomFromGeoJSON((f->'geometry')::text), 4326)
FROM json_array_elements($1::json) f, LATERAL (SELECT f->'properties' p) s
