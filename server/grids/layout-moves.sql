-- What a new grid layout ($1: a layout, read by layout_grids) moves, against the grids as they stand: per pair of grids the
-- land that changes hands, and the communities, households, pipes, valves, regulators, open call-list entries and grid
-- workers in it. Only the land that changes hands is searched, so a small edit stays fast on a big city. Writes nothing.
WITH
new_layout AS (SELECT code, name, name_en, ST_Multi(geom) AS geom FROM layout_grids($1::json)),
changed AS (
  SELECT o.code AS from_grid, n.code AS to_grid, ST_Intersection(o.geom, n.geom) AS geom
  FROM grids o JOIN new_layout n ON o.code <> n.code AND ST_Intersects(o.geom, n.geom)
),
pieces AS (SELECT from_grid, to_grid, geom, planar_area_m2(geom) AS area_m2 FROM changed WHERE planar_area_m2(geom) > 1),
-- The new grid of a point: the first by code among those holding it (a point on a shared edge belongs to one).
household_moves AS (
  SELECT DISTINCT h.id, h.grid_code AS from_grid, ng.code AS to_grid
  FROM pieces p
  JOIN households h ON h.retired_at IS NULL AND ST_Intersects(h.geom, p.geom)
  CROSS JOIN LATERAL (SELECT n.code FROM new_layout n WHERE ST_Intersects(n.geom, h.geom) ORDER BY n.code LIMIT 1) ng
  WHERE h.grid_code IS DISTINCT FROM ng.code
),
-- A community belongs to the grid holding most of it (as the community_grid view says).
community_moves AS (
  SELECT DISTINCT c.id, c.name_zh, cg.grid_code AS from_grid, ng.code AS to_grid
  FROM pieces p
  JOIN communities c ON ST_Intersects(c.geom, p.geom)
  JOIN community_grid cg ON cg.community_id = c.id
  CROSS JOIN LATERAL (
    SELECT n.code FROM new_layout n WHERE ST_Intersects(n.geom, c.geom)
    ORDER BY ST_Area(ST_Intersection(n.geom, c.geom)) DESC, n.code LIMIT 1) ng
  WHERE cg.grid_code IS DISTINCT FROM ng.code
),
-- A pipe belongs to the grid holding its midpoint; a valve or regulator to the grid it stands in.
pipe_moves AS (
  SELECT DISTINCT q.id, p.from_grid, p.to_grid
  FROM pieces p
  JOIN network_pipes q ON ST_Intersects(q.geom, p.geom)
  CROSS JOIN LATERAL (SELECT ST_LineInterpolatePoint(q.geom, 0.5) AS mid) m
  WHERE ST_Intersects(p.geom, m.mid)
    AND (SELECT n.code FROM new_layout n WHERE ST_Intersects(n.geom, m.mid) ORDER BY n.code LIMIT 1) = p.to_grid
    AND (SELECT g.code FROM grids g WHERE ST_Intersects(g.geom, m.mid) ORDER BY g.code LIMIT 1) = p.from_grid
),
node_moves AS (
  SELECT DISTINCT d.id, d.kind, p.from_grid, p.to_grid
  FROM pieces p
  JOIN network_nodes d ON d.kind IN ('valve', 'regulator') AND ST_Intersects(d.geom, p.geom)
  WHERE (SELECT n.code FROM new_layout n WHERE ST_Intersects(n.geom, d.geom) ORDER BY n.code LIMIT 1) = p.to_grid
    AND (SELECT g.code FROM grids g WHERE ST_Intersects(g.geom, d.geom) ORDER BY g.code LIMIT 1) = p.from_grid
),
-- Open work in a grid: call-list entries not yet reached, of outages not closed; they follow their household.
work_moves AS (
  SELECT n.id, m.from_grid, m.to_grid
  FROM household_moves m
  JOIN notices n ON n.household_id = m.id AND n.channel = 'call' AND n.status <> 'called'
  JOIN outages o ON o.id = n.outage_id AND o.status <> 'cancelled'
),
-- A grid that disappears hands its workers to the new grid holding most of its land.
removed AS (SELECT g.code, g.geom FROM grids g WHERE g.code NOT IN (SELECT code FROM new_layout)),
successors AS (
  SELECT r.code AS from_grid, s.code AS to_grid
  FROM removed r
  CROSS JOIN LATERAL (
    SELECT n.code FROM new_layout n WHERE ST_Intersects(n.geom, r.geom)
    ORDER BY ST_Area(ST_Intersection(n.geom, r.geom)) DESC, n.code LIMIT 1) s
),
worker_moves AS (
  SELECT u.id, u.display_name, s.from_grid, s.to_grid
  FROM successors s JOIN user_grids ug ON ug.grid_code = s.from_grid JOIN users u ON u.id = ug.user_id
),
pairs AS (
  SELECT from_grid, to_grid FROM pieces
  UNION SELECT from_grid, to_grid FROM household_moves
  UNION SELECT from_grid, to_grid FROM community_moves
  UNION SELECT from_grid, to_grid FROM worker_moves
)
