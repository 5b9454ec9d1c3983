-- The user behind a live session (token hash), with roles and grids; nothing for an expired session or a disabled user.
SELECT u.id, u.username, u.display_name, u.must_change_password, s.csrf_token,
       (s.last_seen_at < now() - interval '1 minute') AS stale,
       COALESCE((SELECT json_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '[]'::json) AS roles,
       COALESCE((SELECT json_agg(g.grid_code ORDER BY g.grid_code) FROM user_grids g WHERE g.user_id = u.id), '[]'::json) AS grids
FROM sessions s
JOIN users u ON u.id = s.user_id
WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled
