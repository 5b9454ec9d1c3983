-- Claims up to $1 queued SMS notices due now (or stuck in sending for 5 minutes) for this worker; other workers skip them.
UPDATE notices SET status = 'sending', claimed_at = now(), attempts = attempts + 1
WHERE id IN (
  SELECT id FROM notices
  WHERE channel = 'sms'
    AND ((status = 'queued' AND next_attempt_at <= now()) OR (status = 'sending' AND claimed_at < now() - interval '5 minutes'))
  ORDER BY id
  LIMIT $1
  FOR UPDATE SKIP LOCKED
)
RETURNING id, phone, message, attempts
