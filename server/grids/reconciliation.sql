-- Every place where the plan's figures disagree with each other or with the map; nothing here is "corrected".
SELECT kind, grid, plan_grid, community_id, community_name, plan_value, computed_value, left_out_count, left_out_total
FROM (
  SELECT 'grid_connected_mismatch' AS kind, g.code AS grid, NULL::text AS plan_grid, NULL::text AS community_id, NULL::text AS community_name,
         g.plan_connected AS plan_value, f.connected_households AS computed_value,
         f.unknown_count AS left_out_count, f.unknown_total AS left_out_total
  FROM grids g JOIN grid_figures f ON f.code = g.code
  WHERE g.plan_connected IS NOT NULL AND NOT f.connected_agrees
  UNION ALL
  SELECT 'grid_to_develop_mismatch', g.code, NULL, NULL, NULL, g.plan_to_develop, f.to_develop_households,
         f.unknown_count, f.unknown_total
  FROM grids g JOIN grid_figures f ON f.code = g.code
  WHERE g.plan_to_develop IS NOT NULL AND NOT f.to_develop_agrees
  UNION ALL
  SELECT 'community_connected_missing', cg.grid_code, c.plan_grid, c.id, c.name_zh, NULL, c.total_households, NULL, NULL
  FROM communities c JOIN community_grid cg ON cg.community_id = c.id
  WHERE c.connected_households IS NULL
  UNION ALL
  SELECT 'community_in_other_grid', cg.grid_code, c.plan_grid, c.id, c.name_zh, NULL, NULL, NULL, NULL
  FROM communities c JOIN community_grid cg ON cg.community_id = c.id
  WHERE c.plan_grid IS NOT NULL AND cg.grid_code IS DISTINCT FROM c.plan_grid
) r
ORDER BY grid NULLS LAST, kind, community_id
