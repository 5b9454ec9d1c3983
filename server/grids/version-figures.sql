-- Per grid of the layout as it now stands: area, communities PostGIS places in it, households assigned to it.
WITH households_per_grid AS (
  SELECT grid_code, count(*)::int AS n FROM households WHERE retired_at IS NULL GROUP BY grid_code
),
communities_per_grid AS (SELECT grid_code, count(*)::int AS n FROM community_grid GROUP BY grid_code)
SELECT COALESCE(json_agg(json_build_object(
         'code', g.code, 'name', g.name_zh,
         'areaKm2', round((ST_Area(g.geom::geography) / 1e6)::numeric, 3)::float8,
         'communities', COALESCE(c.n, 0), 'households', COALESCE(h.n, 0))
       ORDER BY g.code), '[]'::json) AS grids
FROM grids g
LEFT JOIN households_per_grid h ON h.grid_code = g.code
LEFT JOIN communities_per_grid c ON c.grid_code = g.code
