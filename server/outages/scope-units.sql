-- Outage scope of pipes $1 with valves $2 assumed stuck (spec §2), by the rule of network/dominators.ts: the units that
-- lose gas are the dominator subtrees of the cut units and of the joins left without a live feed.
-- Defines the sets that scope-answer.sql turns into the answer.
WITH RECURSIVE
assumed AS (SELECT DISTINCT unnest($2::text[]) AS id),
-- Step 1: the zone is whole units: those of the selected pipes, and beyond open valves assumed stuck.
zone_unit(unit) AS (
  SELECT p.unit FROM network_pipes p WHERE p.id = ANY($1::text[])
  UNION
  SELECT d2.unit
  FROM zone_unit z
  JOIN network_device_ends d1 ON d1.unit = z.unit
  JOIN network_device_ends d2 ON d2.node_id = d1.node_id
  WHERE d1.kind = 'valve' AND d1.state = 'open' AND d1.node_id IN (SELECT id FROM assumed)
),
-- (Small sets meet big tables through = ANY(ARRAY(…)): the planner then walks the index, whatever it guesses.)
z AS (SELECT nu.unit, nu.pre, nu.post FROM network_units nu WHERE nu.unit = ANY(ARRAY(SELECT unit FROM zone_unit))),
zone_devices AS (
  SELECT DISTINCT d.node_id AS id, d.kind,
         CASE WHEN d.kind <> 'valve' THEN d.kind
              WHEN d.state = 'closed' THEN 'closed_valve'
              WHEN NOT d.operable OR d.node_id IN (SELECT id FROM assumed) THEN 'inoperable_valve'
              ELSE 'boundary_valve' END AS role
  FROM network_device_ends d JOIN z ON z.unit = d.unit
),
boundary AS (SELECT id FROM zone_devices WHERE role = 'boundary_valve'),
-- The units that had gas and are cut out: everything they dominate loses it.
cut AS (SELECT unit, pre, post FROM z WHERE pre IS NOT NULL),
-- A feed still carries gas if its valve stays open, no cut unit lies between its predecessor and that one's anchor,
-- and the anchor has gas.
core_feeds AS (
  SELECT f.unit, f.pred_anchor FROM network_unit_feeds f
  WHERE f.unit_core AND f.unit NOT IN (SELECT unit FROM z)
    AND (f.valve_id IS NULL OR f.valve_id NOT IN (SELECT id FROM boundary))
    AND NOT EXISTS (SELECT 1 FROM cut c WHERE f.pred_pre BETWEEN c.pre AND c.post AND c.pre > f.anchor_pre)
),
-- Most questions leave every core feed alive: then no walk at all.
core_touched AS (
  SELECT EXISTS (SELECT 1 FROM z JOIN network_units nu ON nu.unit = z.unit WHERE nu.is_core)
      OR EXISTS (SELECT 1 FROM network_unit_feeds f WHERE f.unit_core AND f.valve_id = ANY(ARRAY(SELECT id FROM boundary)))
      OR EXISTS (SELECT 1 FROM cut c JOIN LATERAL (
                   SELECT 1 FROM network_unit_feeds f
                   WHERE f.unit_core AND f.pred_pre BETWEEN c.pre AND c.post AND c.pre > f.anchor_pre LIMIT 1) x ON true) AS yes
),
reached_core(unit) AS (
  SELECT 0
  UNION
  SELECT f.unit FROM core_feeds f JOIN reached_core r ON r.unit = f.pred_anchor
),
dead_core AS (
  SELECT nu.unit, nu.pre, nu.post FROM network_units nu
  WHERE (SELECT yes FROM core_touched) AND nu.is_core AND nu.pre IS NOT NULL AND nu.unit NOT IN (SELECT unit FROM reached_core)
),
-- Other joins can only lose gas through a feed that did: look at those, and keep the ones with no live feed left.
suspect_joins AS (
  SELECT f.unit FROM network_unit_feeds f WHERE f.valve_id = ANY(ARRAY(SELECT id FROM boundary))
  UNION
  SELECT x.unit FROM cut c CROSS JOIN LATERAL (
    SELECT f.unit FROM network_unit_feeds f WHERE f.pred_pre BETWEEN c.pre AND c.post AND c.pre > f.anchor_pre) x
  UNION
  SELECT f.unit FROM network_unit_feeds f WHERE f.pred_anchor = ANY(ARRAY(SELECT unit FROM dead_core))
),
dead_leaf AS (
  SELECT nu.unit, nu.pre, nu.post FROM suspect_joins s JOIN network_units nu ON nu.unit = s.unit
  WHERE NOT nu.is_core AND nu.pre IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM network_unit_feeds f
      WHERE f.unit = nu.unit
        AND (f.valve_id IS NULL OR f.valve_id NOT IN (SELECT id FROM boundary))
        AND NOT EXISTS (SELECT 1 FROM cut c WHERE f.pred_pre BETWEEN c.pre AND c.post AND c.pre > f.anchor_pre)
        AND f.pred_anchor NOT IN (SELECT unit FROM dead_core))
),
lost_roots AS (SELECT pre, post FROM cut UNION SELECT pre, post FROM dead_core UNION SELECT pre, post FROM dead_leaf),
lost_units AS (
  SELECT DISTINCT x.unit FROM lost_roots r CROSS JOIN LATERAL (SELECT nu.unit FROM network_units nu WHERE nu.pre BETWEEN r.pre AND r.post) x
),
zone AS (SELECT p.id AS pipe FROM network_pipes p WHERE p.unit = ANY(ARRAY(SELECT unit FROM z))),
-- Step 2: only what is needed.
boundary_valves AS (
  SELECT b.id, EXISTS (
           SELECT 1 FROM network_device_ends d JOIN network_units nu ON nu.unit = d.unit
           WHERE d.node_id = b.id AND nu.pre IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM lost_roots r WHERE nu.pre BETWEEN r.pre AND r.post)) AS needed
  FROM boundary b
),
regulators_to_shut AS (
  SELECT zd.id FROM zone_devices zd
  WHERE zd.role = 'regulator'
    AND EXISTS (SELECT 1 FROM network_device_ends d JOIN z ON z.unit = d.unit WHERE d.node_id = zd.id AND NOT d.is_inlet)
    AND EXISTS (
      SELECT 1 FROM network_device_ends d JOIN network_units nu ON nu.unit = d.unit
      WHERE d.node_id = zd.id AND d.is_inlet AND nu.pre IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM lost_roots r WHERE nu.pre BETWEEN r.pre AND r.post))
),
regulators_affected AS (
  SELECT id FROM regulators_to_shut
  UNION
  SELECT d.node_id FROM network_device_ends d JOIN network_pipes p ON p.id = d.pipe_id
  WHERE d.unit = ANY(ARRAY(SELECT unit FROM lost_units)) AND d.is_inlet AND p.supplied
),
-- Step 3: who loses gas.
unsupplied AS (
  SELECT p.id AS pipe FROM network_pipes p WHERE p.unit = ANY(ARRAY(SELECT unit FROM lost_units)) AND p.supplied
  UNION
  SELECT pipe FROM zone
),
lost_services AS (
  SELECT n.id FROM network_nodes n WHERE n.kind = 'service' AND n.unit = ANY(ARRAY(SELECT unit FROM lost_units))
),
lost_households AS (
  SELECT h.id, h.grid_code, c.name_zh AS community
  FROM households h LEFT JOIN communities c ON c.id = h.community_id
  WHERE h.retired_at IS NULL AND h.service_node = ANY(ARRAY(SELECT id FROM lost_services))
)
