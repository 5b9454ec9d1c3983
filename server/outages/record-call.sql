-- Records how a call on the call list went: reached marks the notice called; no answer keeps it on the list.
UPDATE notices
SET status = CASE WHEN $2 = 'reached' THEN 'called' ELSE status END,
    call_outcome = $2, called_by = $3, called_by_username = $4, called_at = now(), call_note = $5,
    sent_at = CASE WHEN $2 = 'reached' THEN now() ELSE sent_at END,
    attempts = attempts + 1
WHERE id = $1
RETURNING id, status, call_outcome AS outcome, called_by_username AS "calledBy",
          to_char(called_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS "calledAt"
