-- (after layout-moves.sql, and layout-apply.sql when saving) What moves, as one JSON answer: a row per pair of grids.
SELECT
  (SELECT COALESCE(json_agg(json_build_object(
     'from', pr.from_grid, 'to', pr.to_grid,
     'areaM2', (SELECT round(sum(area_m2)::numeric, 1)::float8 FROM pieces p WHERE p.from_grid = pr.from_grid AND p.to_grid = pr.to_grid),
     'geometry', (SELECT ST_AsGeoJSON(ST_Union(geom), 7)::json FROM pieces p WHERE p.from_grid = pr.from_grid AND p.to_grid = pr.to_grid),
     'communities', (SELECT COALESCE(json_agg(json_build_object('id', id, 'name', name_zh) ORDER BY name_zh), '[]'::json)
                     FROM community_moves m WHERE m.from_grid IS NOT DISTINCT FROM pr.from_grid AND m.to_grid = pr.to_grid),
     'households', (SELECT count(*)::int FROM household_moves m WHERE m.from_grid IS NOT DISTINCT FROM pr.from_grid AND m.to_grid = pr.to_grid),
     'pipes', (SELECT count(*)::int FROM pipe_moves m WHERE m.from_grid = pr.from_grid AND m.to_grid = pr.to_grid),
     'valves', (SELECT COALESCE(json_agg(id ORDER BY id), '[]'::json) FROM node_moves m WHERE m.kind = 'valve' AND m.from_grid = pr.from_grid AND m.to_grid = pr.to_grid),
     'regulators', (SELECT COALESCE(json_agg(id ORDER BY id), '[]'::json) FROM node_moves m WHERE m.kind = 'regulator' AND m.from_grid = pr.from_grid AND m.to_grid = pr.to_grid),
     'workItems', (SELECT count(*)::int FROM work_moves m WHERE m.from_grid IS NOT DISTINCT FROM pr.from_grid AND m.to_grid = pr.to_grid),
     'workers', (SELECT COALESCE(json_agg(json_build_object('id', id, 'name', display_name) ORDER BY display_name), '[]'::json)
                 FROM worker_moves m WHERE m.from_grid = pr.from_grid AND m.to_grid = pr.to_grid)
   ) ORDER BY pr.from_grid NULLS FIRST, pr.to_grid), '[]'::json) FROM pairs pr) AS moves,
  json_build_object(
    'households', (SELECT count(*)::int FROM household_moves), 'communities', (SELECT count(*)::int FROM community_moves),
    'pipes', (SELECT count(*)::int FROM pipe_moves), 'valves', (SELECT count(*)::int FROM node_moves WHERE kind = 'valve'),
    'regulators', (SELECT count(*)::int FROM node_moves WHERE kind = 'regulator'), 'workItems', (SELECT count(*)::int FROM work_moves),
    'workers', (SELECT count(*)::int FROM worker_moves)) AS totals,
  (SELECT COALESCE(json_agg(code ORDER BY code), '[]'::json) FROM new_layout WHERE code NOT IN (SELECT code FROM grids)) AS added,
  (SELECT COALESCE(json_agg(code ORDER BY code), '[]'::json) FROM removed) AS removed
