-- One version's layout with each grid's figures of that time merged into its properties.
SELECT v.version, json_build_object('type', 'FeatureCollection', 'version', v.version, 'features', COALESCE((
  SELECT json_agg(json_build_object('type', 'Feature', 'id', f->'properties'->>'code', 'geometry', f->'geometry',
           'properties', (f->'properties')::jsonb || COALESCE((
             SELECT jsonb_build_object('figures', g) FROM jsonb_array_elements(v.figures->'grids') g
             WHERE g->>'code' = f->'properties'->>'code'), '{}'::jsonb)))
  FROM jsonb_array_elements(v.layout->'features') f), '[]'::json)) AS fc
FROM grid_versions v
WHERE v.version = $1
