-- Searches the audit log by actor, action, entity, free text and time, newest first, with the total count.
SELECT id::int AS id, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS at,
       actor_username, action, entity, entity_id, before, after, ip,
       (count(*) OVER ())::int AS total
FROM audit_log
WHERE ($1::text IS NULL OR actor_username = $1)
  AND ($2::text IS NULL OR action = $2)
  AND ($3::text IS NULL OR entity = $3)
  AND ($4::text IS NULL OR (COALESCE(entity_id, '') || ' ' || COALESCE(before::text, '') || ' ' || COALESCE(after::text, '')) ILIKE '%' || $4 || '%')
  AND ($5::timestamptz IS NULL OR at >= $5::timestamptz)
  AND ($6::timestamptz IS NULL OR at < $6::timestamptz)
ORDER BY at DESC, id DESC
LIMIT $7 OFFSET $8
