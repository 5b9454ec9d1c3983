-- Keeps a layout that could not be saved (someone saved first), so it can be reloaded and reconciled.
INSERT INTO grid_layout_drafts (created_by, created_by_username, base_version, note, layout)
VALUES ($1, $2, $3, $4, $5::jsonb)
RETURNING id
