-- 004: the gas network (spec §1): nodes and pipes with spatial indexes, and each pipe's two ends for walking.
CREATE TABLE network_nodes (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('source', 'valve', 'regulator', 'junction', 'service')),
  name text,
  state text CHECK (state IN ('open', 'closed')),
  operable boolean,
  inlet_pipe text,
  geom geometry(Point, 4326) NOT NULL,
  CHECK ((kind = 'valve') = (state IS NOT NULL AND operable IS NOT NULL)),
  CHECK ((kind = 'regulator') = (inlet_pipe IS NOT NULL))
);
CREATE INDEX network_nodes_geom_idx ON network_nodes USING gist (geom);

CREATE TABLE network_pipes (
  id text PRIMARY KEY,
  from_node text NOT NULL REFERENCES network_nodes (id),
  to_node text NOT NULL REFERENCES network_nodes (id),
  diameter_mm real,
  material text,
  pressure text CHECK (pressure IN ('MP', 'LP')),
  name text,
  geom geometry(LineString, 4326) NOT NULL
);
CREATE INDEX network_pipes_geom_idx ON network_pipes USING gist (geom);

-- Both ends of every pipe, indexed both ways: what the walks of the outage scope step along.
CREATE TABLE network_pipe_ends (
  pipe_id text NOT NULL REFERENCES network_pipes (id) ON DELETE CASCADE,
  node_id text NOT NULL REFERENCES network_nodes (id),
  PRIMARY KEY (pipe_id, node_id)
);
CREATE INDEX network_pipe_ends_node_idx ON network_pipe_ends (node_id, pipe_id);

CREATE INDEX households_service_idx ON households (service_node) WHERE retired_at IS NULL;
