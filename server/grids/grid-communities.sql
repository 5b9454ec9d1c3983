-- The communities lying in one grid (membership from PostGIS), with figures and the plan's own words.
SELECT c.id, c.name_zh, c.name_en, c.alias_zh, c.plan_grid,
       c.total_households AS total, c.connected_households AS connected,
       c.total_households - c.connected_households AS to_develop,
       CASE WHEN c.connected_households IS NULL OR c.total_households = 0 THEN NULL
            ELSE round(c.connected_households::numeric / c.total_households, 4)::float8 END AS connection_rate,
       c.plan_text
FROM communities c
JOIN community_grid cg ON cg.community_id = c.id
WHERE cg.grid_code = $1
ORDER BY c.id
