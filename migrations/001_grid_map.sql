-- 001: PostGIS and the grid map: district, service area, roads, grids, communities, responsibility chain.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Facts about this database's life: which seed was loaded, from which files, when.
CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Context layers: the administrative district outline (approximate, never the service area).
CREATE TABLE district (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text,
  source text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE service_area (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text,
  geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE roads (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  geom geometry(LineString, 4326) NOT NULL
);
CREATE INDEX roads_geom_idx ON roads USING gist (geom);

CREATE TABLE grids (
  code text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z_-]{1,16}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  area_zh text,
  area_en text,
  -- The totals exactly as the plan states them; they may disagree with the community figures.
  plan_connected integer CHECK (plan_connected >= 0),
  plan_to_develop integer CHECK (plan_to_develop >= 0),
  plan_text text,
  geom geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX grids_geom_idx ON grids USING gist (geom);

CREATE TABLE communities (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text,
  alias_zh text,
  -- The grid the plan lists it under; the grid it lies in comes from PostGIS (community_grid).
  plan_grid text,
  total_households integer NOT NULL CHECK (total_households >= 0),
  -- NULL where the plan gives no connected figure: unknown, not zero.
  connected_households integer CHECK (connected_households >= 0),
  plan_text text,
  geom geometry(Polygon, 4326) NOT NULL,
  CHECK (connected_households IS NULL OR connected_households <= total_households)
);
CREATE INDEX communities_geom_idx ON communities USING gist (geom);

-- Where each community lies: the grid holding the largest part of it.
CREATE VIEW community_grid AS
SELECT c.id AS community_id, g.code AS grid_code
FROM communities c
LEFT JOIN LATERAL (
  SELECT gr.code
  FROM grids gr
  WHERE ST_Intersects(gr.geom, c.geom)
  ORDER BY ST_Area(ST_Intersection(gr.geom, c.geom)) DESC, gr.code
  LIMIT 1
) g ON true;

CREATE TABLE people (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  group_role_zh text,
  group_role_en text
);

-- The three levels of plan section 三: 1 company, 2 department, 3 area grid.
CREATE TABLE responsibility_levels (
  level smallint PRIMARY KEY CHECK (level IN (1, 2, 3)),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  holder_zh text NOT NULL,
  holder_en text NOT NULL,
  duty_zh text NOT NULL,
  duty_en text NOT NULL
);

-- Who is responsible: levels 1 and 2 for every grid (grid_code NULL), level 3 for one grid.
CREATE TABLE responsibilities (
  id serial PRIMARY KEY,
  level smallint NOT NULL REFERENCES responsibility_levels (level),
  grid_code text REFERENCES grids (code) ON UPDATE CASCADE ON DELETE CASCADE,
  person_id text NOT NULL REFERENCES people (id),
  assumed boolean NOT NULL DEFAULT false,
  CHECK ((level = 3) = (grid_code IS NOT NULL))
);
CREATE UNIQUE INDEX responsibilities_unique ON responsibilities (level, COALESCE(grid_code, ''), person_id);

-- Per grid: the plan's stated totals beside the sums of the communities PostGIS places in it.
-- Sums count only communities with a connected figure; unknown_* say how much is left out.
CREATE VIEW grid_figures AS
WITH sums AS (
  SELECT g.code,
         count(c.id)::int AS community_count,
         COALESCE(sum(c.total_households), 0)::int AS total_households,
         COALESCE(sum(c.connected_households), 0)::int AS connected_households,
         COALESCE(sum(c.total_households - c.connected_households), 0)::int AS to_develop_households,
         (count(c.id) FILTER (WHERE c.connected_households IS NULL))::int AS unknown_count,
         COALESCE(sum(c.total_households) FILTER (WHERE c.connected_households IS NULL), 0)::int AS unknown_total
  FROM grids g
  LEFT JOIN community_grid cg ON cg.grid_code = g.code
  LEFT JOIN communities c ON c.id = cg.community_id
  GROUP BY g.code
)
SELECT s.*,
       CASE WHEN s.total_households - s.unknown_total > 0
            THEN round(s.connected_households::numeric / (s.total_households - s.unknown_total), 4)::float8 END AS connection_rate,
       CASE WHEN g.plan_connected + g.plan_to_develop > 0
            THEN round(g.plan_connected::numeric / (g.plan_connected + g.plan_to_develop), 4)::float8 END AS plan_connection_rate,
       g.plan_connected IS NOT DISTINCT FROM s.connected_households AS connected_agrees,
       g.plan_to_develop IS NOT DISTINCT FROM s.to_develop_households AS to_develop_agrees
FROM sums s JOIN grids g ON g.code = s.code;
