-- The versions saved after $1: who saved what meanwhile, for a planner whose save came too late.
SELECT version, created_by_username AS by, created_at AS at, note FROM grid_versions WHERE version > $1 ORDER BY version
