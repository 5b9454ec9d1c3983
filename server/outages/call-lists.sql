-- The outages with households to phone in grids $1 (NULL: every grid): per outage and grid, how many are left.
SELECT o.id AS "outageId", o.kind, o.cause, o.status, n.grid_code AS grid, n.kind AS "noticeKind",
       to_char(o.planned_start AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS "plannedStart",
       count(*)::int AS total,
       count(*) FILTER (WHERE n.status <> 'called')::int AS "toCall"
FROM notices n JOIN outages o ON o.id = n.outage_id
WHERE n.channel = 'call' AND ($1::text[] IS NULL OR n.grid_code = ANY($1::text[]))
GROUP BY o.id, n.grid_code, n.kind
ORDER BY count(*) FILTER (WHERE n.status <> 'called') = 0, o.id DESC, n.kind, n.grid_code
