-- The layout versions, newest first: who saved each, when, why, and its figures (not the layouts themselves).
SELECT version, created_by_username AS by, created_at AS at, note, restored_from AS "restoredFrom", figures
FROM grid_versions
ORDER BY version DESC
