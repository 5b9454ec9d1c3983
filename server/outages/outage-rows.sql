-- Outages (all, or one by id) with their notice counts, newest first.
SELECT o.id, o.kind, o.cause, o.pipes, o.assume_inoperable, o.status, o.version,
       o.planned_start, o.planned_end, o.created_at, o.updated_at,
       (o.scope->'households'->>'total')::int AS households,
       u.username AS created_by,
       COALESCE((SELECT json_object_agg(k, n) FROM (
          SELECT n.kind || '.' || n.channel || '.' || n.status AS k, count(*)::int AS n
          FROM notices n WHERE n.outage_id = o.id GROUP BY 1) s), '{}'::json) AS notices
FROM outages o LEFT JOIN users u ON u.id = o.created_by
WHERE ($1::int IS NULL OR o.id = $1) AND ($2::text IS NULL OR o.status = $2)
ORDER BY o.created_at DESC, o.id DESC
LIMIT 500
