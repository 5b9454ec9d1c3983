-- The service area and the district outline as one FeatureCollection, told apart by properties.layer.
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(f ORDER BY f->'properties'->>'layer', f->>'id'), '[]'::json)) AS fc
FROM (
  SELECT json_build_object('type', 'Feature', 'id', 'service_area:' || id, 'geometry', ST_AsGeoJSON(geom, 7)::json,
    'properties', json_build_object('layer', 'service_area', 'id', id, 'name_zh', name_zh, 'name_en', name_en)) AS f
  FROM service_area
  UNION ALL
  SELECT json_build_object('type', 'Feature', 'id', 'district:' || id, 'geometry', ST_AsGeoJSON(geom, 6)::json,
    'properties', json_build_object('layer', 'district', 'id', id, 'name_zh', name_zh, 'name_en', name_en, 'source', source))
  FROM district
) s
