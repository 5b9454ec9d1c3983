-- (after layout-moves.sql, before layout-impact.sql) Applies the moves in the same statement, so all of it reads the
-- layout as it stood: adds the new grids and reshapes the kept ones, hands households and open call-list entries to
-- their new grid, and the workers and grid-level responsibility of a grid that disappears to its successor.
, added_grids AS (
  INSERT INTO grids (code, name_zh, name_en, geom)
  SELECT code, name, name_en, geom FROM new_layout WHERE code NOT IN (SELECT code FROM grids)
  RETURNING code
),
reshaped_grids AS (
  UPDATE grids g SET geom = n.geom, name_zh = n.name, name_en = n.name_en FROM new_layout n WHERE n.code = g.code RETURNING g.code
),
moved_households AS (
  UPDATE households h SET grid_code = m.to_grid, updated_at = now() FROM household_moves m WHERE h.id = m.id RETURNING h.id
),
moved_work AS (
  UPDATE notices n SET grid_code = m.to_grid FROM work_moves m WHERE n.id = m.id RETURNING n.id
),
handed_workers AS (
  INSERT INTO user_grids (user_id, grid_code)
  SELECT ug.user_id, s.to_grid FROM successors s JOIN user_grids ug ON ug.grid_code = s.from_grid
  ON CONFLICT DO NOTHING
),
handed_chain AS (
  INSERT INTO responsibilities (level, grid_code, person_id, assumed)
  SELECT r.level, s.to_grid, r.person_id, r.assumed FROM successors s JOIN responsibilities r ON r.grid_code = s.from_grid
  ON CONFLICT DO NOTHING
)
