-- 003: households (customers): where they stand, their grid and community from PostGIS, contact details.
CREATE TABLE households (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  grid_code text REFERENCES grids (code) ON UPDATE CASCADE ON DELETE SET NULL,
  community_id text REFERENCES communities (id) ON DELETE SET NULL,
  address text,
  name text,
  phone text,
  -- The network service node feeding it (outage scope); NULL for a household not yet connected.
  service_node text,
  -- connected (通气), to_develop (待开发), or unknown where the plan gives no figure.
  connection text NOT NULL CHECK (connection IN ('connected', 'to_develop', 'unknown')),
  -- Retired households keep their history but are no longer counted anywhere.
  retired_at timestamptz,
  geom geometry(Point, 4326) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX households_geom_idx ON households USING gist (geom);
CREATE INDEX households_grid_idx ON households (grid_code) WHERE retired_at IS NULL;
CREATE INDEX households_community_idx ON households (community_id) WHERE retired_at IS NULL;
