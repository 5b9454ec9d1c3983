-- Loads people, the three responsibility levels and who holds which (one JSON document).
WITH doc AS (SELECT $1::json d),
people_in AS (
  INSERT INTO people (id, name_zh, group_role_zh, group_role_en)
  SELECT p->>'id', p->>'name', p->>'group_role_zh', p->>'group_role_en' FROM doc, json_array_elements(d->'people') p
  RETURNING id
),
levels_in AS (
  INSERT INTO responsibility_levels (level, name_zh, name_en, holder_zh, holder_en, duty_zh, duty_en)
  SELECT (l->>'level')::smallint, l->>'name_zh', l->>'name_en', l->>'holder_zh', l->>'holder_en', l->>'duty_zh', l->>'duty_en'
  FROM doc, json_array_elements(d->'levels') l
  RETURNING level
)
SELECT (SELECT count(*) FROM people_in)::int AS people, (SELECT count(*) FROM levels_in)::int AS levels
