-- Accounts with their roles and grids (all, or one by id); never the password hash, only whether there is one.
SELECT u.id, u.username, u.display_name, u.person_id, (u.password_hash IS NOT NULL) AS has_password,
       u.must_change_password, u.disabled, u.version,
       to_char(u.updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS updated_at,
       COALESCE((SELECT json_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '[]'::json) AS roles,
       COALESCE((SELECT json_agg(g.grid_code ORDER BY g.grid_code) FROM user_grids g WHERE g.user_id = u.id), '[]'::json) AS grids,
       (SELECT to_char(max(a.at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') FROM login_attempts a WHERE a.username = u.username AND a.success) AS last_login
FROM users u
WHERE $1::int IS NULL OR u.id = $1
ORDER BY u.username
