-- Queues one notice of kind $2 per household of the frozen scope ($3 ids): SMS to a mobile, else the grid worker's call list.
-- $4 is a JSON object of message by community name ('' for none).
INSERT INTO notices (outage_id, household_id, kind, channel, phone, grid_code, message)
SELECT $1, h.id, $2,
       CASE WHEN h.phone ~ '^1[0-9]{10}$' THEN 'sms' ELSE 'call' END,
       h.phone, h.grid_code,
       ($4::json)->>COALESCE(c.name_zh, '')
FROM households h LEFT JOIN communities c ON c.id = h.community_id
WHERE h.id = ANY($3::text[])
ON CONFLICT (outage_id, household_id, kind) DO NOTHING
