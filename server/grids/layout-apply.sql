-- (after layout-moves.sql, before layout-impact.sql) Applies the moves in the same statement, so all of it reads the
-- layout as it stood: adds the new grids, hands households and open call-list entries to their new grid.
, added_grids AS (
  INSERT INTO grids (code, name_zh, name_en, geom)
  SELECT code, name, name_en, geom FROM new_layout WHERE code NOT IN (SELECT code FROM grids)
  RETURNING code
),
moved_households AS (
  UPDATE households h SET grid_code = m.to_grid, updated_at = now() FROM household_moves m WHERE h.id = m.id RETURNING h.id
),
moved_work AS (
  UPDATE notices n SET grid_code = m.to_grid FROM work_moves m WHERE n.id = m.id RETURNING n.id
)
