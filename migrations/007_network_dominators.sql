-- 007: isolation units (segments joined through seized valves) and their dominator tree, rebuilt with every import:
-- a single-pipe outage question becomes an interval lookup (server/network/dominators.ts explains why it holds).
CREATE TABLE network_units (
  unit integer PRIMARY KEY,
  -- Dominator-tree preorder number and the last number of its subtree; NULL when the unit never has gas.
  pre integer,
  post integer,
  -- false: a boundary valve of this unit touches two other units, so its questions take the walk.
  simple boolean NOT NULL
);
CREATE INDEX network_units_pre_idx ON network_units (pre);
ALTER TABLE network_pipes ADD COLUMN unit integer;
CREATE INDEX network_pipes_unit_idx ON network_pipes (unit);
ALTER TABLE network_nodes ADD COLUMN unit integer;
CREATE INDEX network_nodes_unit_idx ON network_nodes (unit) WHERE kind = 'service';
ALTER TABLE network_device_ends ADD COLUMN unit integer;
CREATE INDEX network_device_ends_unit_idx ON network_device_ends (unit, node_id);
