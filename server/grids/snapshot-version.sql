-- Records the grids as they now stand as the next layout version, by actor $1 ($2 their name), with note $3, figures $4
-- and, for a restore, the version $5 it brought back.
INSERT INTO grid_versions (version, created_by, created_by_username, note, figures, restored_from, layout)
SELECT COALESCE((SELECT max(version) FROM grid_versions), 0) + 1, $1, $2, $3, $4::jsonb, $5,
       json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
         'type', 'Feature', 'geometry', ST_AsGeoJSON(g.geom, 9)::json,
         'properties', json_build_object('code', g.code, 'name', g.name_zh, 'name_en', g.name_en)) ORDER BY g.code), '[]'::json))::jsonb
FROM grids g
RETURNING version, created_at AS at
