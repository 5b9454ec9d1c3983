-- 011: every saved grid layout is a version (who, when, why, the layout and its figures); layouts a planner could not
-- save because someone saved first are kept as drafts, to be reloaded and reconciled.
CREATE TABLE grid_versions (
  version integer PRIMARY KEY CHECK (version >= 1),
  created_by integer REFERENCES users (id),
  created_by_username text,
  created_at timestamptz NOT NULL DEFAULT now(),
  note text NOT NULL,
  -- Set when this version made an older one current again.
  restored_from integer,
  -- The layout as saved: a GeoJSON FeatureCollection of the grids with code and names.
  layout jsonb NOT NULL,
  -- Per grid: area, communities, households ({grids: [...]}); and what moved from the version before ({moved: {...}}).
  figures jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE grid_layout_drafts (
  id serial PRIMARY KEY,
  created_by integer REFERENCES users (id),
  created_by_username text,
  created_at timestamptz NOT NULL DEFAULT now(),
  base_version integer NOT NULL,
  note text,
  layout jsonb NOT NULL
);

-- A database that already has grids starts its history with them as version 1.
INSERT INTO grid_versions (version, created_by_username, note, layout)
SELECT 1, 'system', 'initial layout', json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
         'type', 'Feature', 'geometry', ST_AsGeoJSON(g.geom, 9)::json,
         'properties', json_build_object('code', g.code, 'name', g.name_zh, 'name_en', g.name_en)) ORDER BY g.code))::jsonb
FROM grids g
HAVING count(*) > 0;
