-- All communities as a FeatureCollection; each carries the grid PostGIS finds it in and a label point.
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
  'type', 'Feature', 'id', c.id,
  'geometry', ST_AsGeoJSON(c.geom, 7)::json,
  'properties', json_build_object(
    'id', c.id, 'name_zh', c.name_zh, 'name_en', c.name_en, 'alias_zh', c.alias_zh,
    'grid', cg.grid_code, 'plan_grid', c.plan_grid,
    'total', c.total_households, 'connected', c.connected_households,
    'to_develop', c.total_households - c.connected_households,
    'label_point', ST_AsGeoJSON(ST_PointOnSurface(c.geom), 7)::json)
) ORDER BY c.id), '[]'::json)) AS fc
FROM communities c JOIN community_grid cg ON cg.community_id = c.id
