-- Makes the grids table equal to the new layout ($1: JSON array of {code, name, name_en, geom}) once households have
-- moved: workers and grid-level responsibility of a grid that disappears go to the grid taking most of its land.
WITH
new_layout AS (
  SELECT l->>'code' AS code, l->>'name' AS name, COALESCE(l->>'name_en', l->>'name') AS name_en,
         ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(l->>'geom'), 4326)) AS geom
  FROM json_array_elements($1::json) l
),
successors AS (
  SELECT r.code AS from_grid, s.code AS to_grid
  FROM grids r
  CROSS JOIN LATERAL (
    SELECT n.code FROM new_layout n WHERE ST_Intersects(n.geom, r.geom)
    ORDER BY ST_Area(ST_Intersection(n.geom, r.geom)) DESC, n.code LIMIT 1) s
  WHERE r.code NOT IN (SELECT code FROM new_layout)
),
workers AS (
  INSERT INTO user_grids (user_id, grid_code)
  SELECT ug.user_id, s.to_grid FROM successors s JOIN user_grids ug ON ug.grid_code = s.from_grid
  ON CONFLICT DO NOTHING
),
chain AS (
  INSERT INTO responsibilities (level, grid_code, person_id, assumed)
  SELECT r.level, s.to_grid, r.person_id, r.assumed FROM successors s JOIN responsibilities r ON r.grid_code = s.from_grid
  ON CONFLICT DO NOTHING
),
updated AS (
  UPDATE grids g SET geom = n.geom, name_zh = n.name, name_en = n.name_en
  FROM new_layout n WHERE n.code = g.code
  RETURNING g.code
)
SELECT (SELECT count(*)::int FROM updated) AS updated
