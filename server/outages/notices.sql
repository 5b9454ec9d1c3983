-- The notices of one outage with their households, filtered by kind, channel and grid, in address order.
SELECT n.id, n.kind, n.channel, n.status, n.grid_code, c.name_zh AS community, h.address, h.name, n.phone,
       n.message, n.attempts, n.last_error,
       to_char(n.sent_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS sent_at
FROM notices n
JOIN households h ON h.id = n.household_id
LEFT JOIN communities c ON c.id = h.community_id
WHERE n.outage_id = $1
  AND ($2::text IS NULL OR n.kind = $2)
  AND ($3::text IS NULL OR n.channel = $3)
  AND ($4::text[] IS NULL OR n.grid_code = ANY($4::text[]))
ORDER BY n.grid_code NULLS LAST, c.name_zh, h.address, n.id
