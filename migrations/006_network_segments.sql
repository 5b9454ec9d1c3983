-- 006: precomputed valve-bounded segments (Giswater's minsectors), rebuilt with every network import.
-- A segment is the pipes joined through junctions and service points; valves, regulators and sources sit between segments.
ALTER TABLE network_pipes ADD COLUMN segment integer;
-- Whether the segment has gas as the network stands (before any outage).
ALTER TABLE network_pipes ADD COLUMN supplied boolean NOT NULL DEFAULT false;
CREATE INDEX network_pipes_segment_idx ON network_pipes (segment);
-- The segment of a junction or service point (all its pipes share one).
ALTER TABLE network_nodes ADD COLUMN segment integer;
CREATE INDEX network_nodes_segment_idx ON network_nodes (segment) WHERE kind = 'service';

-- Each valve, regulator and source with the segment of every pipe it touches: the edges of the segment graph.
CREATE TABLE network_device_ends (
  node_id text NOT NULL REFERENCES network_nodes (id) ON DELETE CASCADE,
  pipe_id text NOT NULL REFERENCES network_pipes (id) ON DELETE CASCADE,
  segment integer NOT NULL,
  kind text NOT NULL,
  state text,
  operable boolean,
  -- For a regulator: whether this pipe is its inlet.
  is_inlet boolean NOT NULL DEFAULT false,
  PRIMARY KEY (node_id, pipe_id)
);
CREATE INDEX network_device_ends_segment_idx ON network_device_ends (segment, node_id);
