-- Loads who holds which level and grid (JSON array); run after people and levels exist.
INSERT INTO responsibilities (level, grid_code, person_id, assumed)
SELECT (a->>'level')::smallint, a->>'grid', a->>'person', $2::boolean
FROM json_array_elements($1::json) a
