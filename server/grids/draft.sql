-- One kept draft layout.
SELECT id, base_version AS "baseVersion", created_by_username AS by, created_at AS at, note, layout
FROM grid_layout_drafts WHERE id = $1
