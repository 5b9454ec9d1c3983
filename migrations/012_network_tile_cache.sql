-- 012: network tiles far out (zoom ≤ 14) kept once made: they cover much and cost most to cut. Each is tagged with the
-- network generation it was cut from; an import starts a new generation, so a tile of the old network is never served.
CREATE TABLE network_tile_cache (
  generation integer NOT NULL,
  z smallint NOT NULL,
  x integer NOT NULL,
  y integer NOT NULL,
  tile bytea NOT NULL,
  made_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (generation, z, x, y)
);
