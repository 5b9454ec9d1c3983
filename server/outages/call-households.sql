-- One call list: the households of outage $1, grid $2, notice kind $3 to phone, the ones still to call first.
SELECT n.id, n.status, n.call_outcome AS outcome, n.called_by_username AS "calledBy",
       to_char(n.called_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS "calledAt", n.call_note AS note,
       c.name_zh AS community, h.address, h.name, n.phone, n.message
FROM notices n
JOIN households h ON h.id = n.household_id
LEFT JOIN communities c ON c.id = h.community_id
WHERE n.outage_id = $1 AND n.grid_code = $2 AND n.kind = $3 AND n.channel = 'call'
ORDER BY n.status = 'called', c.name_zh, h.address, n.id
