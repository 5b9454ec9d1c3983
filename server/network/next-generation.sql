-- Starts a new network generation (at an import): tiles kept of the old network are dropped and never served.
WITH bumped AS (
  INSERT INTO app_meta (key, value) VALUES ('network_generation', '1'::jsonb)
  ON CONFLICT (key) DO UPDATE SET value = to_jsonb((app_meta.value #>> '{}')::int + 1), updated_at = now()
  RETURNING value
)
DELETE FROM network_tile_cache
