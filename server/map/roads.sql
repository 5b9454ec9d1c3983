-- All roads as a FeatureCollection, named in both languages.
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
  'type', 'Feature', 'id', r.id, 'geometry', ST_AsGeoJSON(r.geom, 7)::json,
  'properties', json_build_object('id', r.id, 'name_zh', r.name_zh, 'name_en', r.name_en)
) ORDER BY r.id), '[]'::json)) AS fc
FROM roads r
