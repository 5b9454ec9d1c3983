-- The three-level responsibility chain of one grid: company and department levels, then its grid workers.
SELECT l.level, l.name_zh AS level_zh, l.name_en AS level_en, l.holder_zh, l.holder_en, l.duty_zh, l.duty_en,
       COALESCE(json_agg(json_build_object('id', p.id, 'name', p.name_zh, 'groupRoleZh', p.group_role_zh,
                                           'groupRoleEn', p.group_role_en, 'assumed', r.assumed)
                ORDER BY p.id) FILTER (WHERE p.id IS NOT NULL), '[]'::json) AS people
FROM responsibility_levels l
LEFT JOIN responsibilities r ON r.level = l.level AND (r.grid_code IS NULL OR r.grid_code = $1)
LEFT JOIN people p ON p.id = r.person_id
GROUP BY l.level, l.name_zh, l.name_en, l.holder_zh, l.holder_en, l.duty_zh, l.duty_en
ORDER BY l.level
