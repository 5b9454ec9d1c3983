-- 005: outage records with their frozen scope and state log, and the outbox of notices to households.
CREATE TABLE outages (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('emergency', 'planned')),
  cause text NOT NULL,
  pipes text[] NOT NULL,
  assume_inoperable text[] NOT NULL DEFAULT '{}',
  -- The answer of the scope question, computed at creation and frozen at confirmation.
  scope jsonb NOT NULL,
  -- Where the outage is, for the map and the overlap check: the pipes that lose gas.
  area geometry(Geometry, 4326),
  planned_start timestamptz,
  planned_end timestamptz,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'confirmed', 'notified', 'in_progress', 'restored', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_by integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end > planned_start)
);
CREATE INDEX outages_status_idx ON outages (status);
CREATE INDEX outages_area_idx ON outages USING gist (area);

-- Every change of state, who made it and when.
CREATE TABLE outage_events (
  id bigserial PRIMARY KEY,
  outage_id integer NOT NULL REFERENCES outages (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  actor_id integer REFERENCES users (id),
  actor_username text,
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outage_events_outage_idx ON outage_events (outage_id, at);

-- Outbox: one notice per affected household and message; workers claim them with FOR UPDATE SKIP LOCKED.
CREATE TABLE notices (
  id bigserial PRIMARY KEY,
  outage_id integer NOT NULL REFERENCES outages (id) ON DELETE CASCADE,
  household_id text NOT NULL REFERENCES households (id),
  kind text NOT NULL CHECK (kind IN ('outage', 'restored')),
  -- sms: sent to the mobile number; call: no mobile on file, on the grid worker's call list.
  channel text NOT NULL CHECK (channel IN ('sms', 'call')),
  phone text,
  grid_code text,
  message text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'called')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  claimed_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (outage_id, household_id, kind)
);
CREATE INDEX notices_queue_idx ON notices (status, id) WHERE status IN ('queued', 'sending');
CREATE INDEX notices_outage_idx ON notices (outage_id, kind, channel);
