-- All grids as one GeoJSON FeatureCollection, geometry from PostGIS, with the plan's totals and the community sums.
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', COALESCE(json_agg(json_build_object(
    'type', 'Feature',
    'id', g.code,
    'geometry', ST_AsGeoJSON(g.geom, 7)::json,
    'properties', json_build_object(
      'code', g.code, 'name', g.name_zh, 'name_zh', g.name_zh, 'name_en', g.name_en,
      'area_zh', g.area_zh, 'area_en', g.area_en,
      'label_point', ST_AsGeoJSON(ST_PointOnSurface(g.geom), 7)::json,
      'figures', json_build_object(
        'plan', json_build_object('connected', g.plan_connected, 'toDevelop', g.plan_to_develop),
        'communities', json_build_object(
          'count', f.community_count, 'total', f.total_households,
          'connected', f.connected_households, 'toDevelop', f.to_develop_households,
          'unknownCount', f.unknown_count, 'unknownTotal', f.unknown_total),
        'connectionRate', f.connection_rate,
        'planConnectionRate', f.plan_connection_rate,
        'connectedAgrees', f.connected_agrees,
        'toDevelopAgrees', f.to_develop_agrees)
    )) ORDER BY g.code), '[]'::json)
) AS fc
FROM grids g
JOIN grid_figures f ON f.code = g.code
WHERE $1::text IS NULL OR g.code = $1
