-- 009: joins, anchors and feeds of the unit graph, so that every outage question (several pipes, valves assumed stuck)
-- is answered by interval lookups and a walk over the few joins (server/network/dominators.ts explains the rule).
ALTER TABLE network_units DROP COLUMN simple;
ALTER TABLE network_units
  ADD COLUMN idom integer,
  -- Nearest join ancestor-or-self in the dominator tree; 0 is the root (the sources).
  ADD COLUMN anchor integer NOT NULL DEFAULT 0,
  ADD COLUMN is_join boolean NOT NULL DEFAULT false,
  -- A join that anchors a feed of another join: only these need the recursive walk.
  ADD COLUMN is_core boolean NOT NULL DEFAULT false;
CREATE INDEX network_units_core_idx ON network_units (unit) WHERE is_core;

-- Every edge into a join from outside its dominator subtree, with what the rule reads of its predecessor.
CREATE TABLE network_unit_feeds (
  unit integer NOT NULL,
  unit_core boolean NOT NULL,
  pred integer NOT NULL,
  pred_pre integer NOT NULL,
  pred_anchor integer NOT NULL,
  anchor_pre integer NOT NULL,
  -- The valve the edge passes; NULL through a regulator or from a source.
  valve_id text
);
CREATE INDEX network_unit_feeds_unit_idx ON network_unit_feeds (unit);
CREATE INDEX network_unit_feeds_core_idx ON network_unit_feeds (pred_anchor) WHERE unit_core;
CREATE INDEX network_unit_feeds_valve_idx ON network_unit_feeds (valve_id) WHERE valve_id IS NOT NULL;
CREATE INDEX network_unit_feeds_pred_pre_idx ON network_unit_feeds (pred_pre);
CREATE INDEX network_unit_feeds_anchor_idx ON network_unit_feeds (pred_anchor);

-- Units computed by the earlier rule are dropped; the server computes them again from the stored network at start.
DELETE FROM network_units;
