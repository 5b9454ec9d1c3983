-- 010: a grid worker's phone calls on the call list: who called, how it went, when.
ALTER TABLE notices
  ADD COLUMN call_outcome text CHECK (call_outcome IN ('reached', 'no_answer')),
  ADD COLUMN called_by integer REFERENCES users (id),
  ADD COLUMN called_by_username text,
  ADD COLUMN called_at timestamptz,
  ADD COLUMN call_note text;
CREATE INDEX notices_calls_idx ON notices (grid_code, outage_id) WHERE channel = 'call';
