-- 008: a failed notice waits before its next attempt (30 s, doubling), so a gateway outage is not hammered.
ALTER TABLE notices ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
DROP INDEX notices_queue_idx;
CREATE INDEX notices_queue_idx ON notices (status, next_attempt_at, id) WHERE status IN ('queued', 'sending');
