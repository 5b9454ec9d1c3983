-- Outage scope, fast case: one pipe ($1[1]), no valve assumed stuck, on a `simple` unit: the units that lose gas are
-- the unit's dominator subtree (migration 007), an interval of preorder numbers. Same sets as scope-walk.sql.
WITH
u AS (SELECT nu.unit, nu.pre, nu.post FROM network_pipes p JOIN network_units nu ON nu.unit = p.unit WHERE p.id = ($1::text[])[1] AND cardinality($2::text[]) = 0),
lost_units AS (
  SELECT nu.unit FROM network_units nu, u WHERE u.pre IS NOT NULL AND nu.pre BETWEEN u.pre AND u.post
  UNION
  SELECT unit FROM u
),
zone AS (SELECT p.id AS pipe FROM network_pipes p JOIN u ON p.unit = u.unit),
zone_devices AS (
  SELECT DISTINCT d.node_id AS id, d.kind,
         CASE WHEN d.kind <> 'valve' THEN d.kind
              WHEN d.state = 'closed' THEN 'closed_valve'
              WHEN NOT d.operable THEN 'inoperable_valve'
              ELSE 'boundary_valve' END AS role
  FROM network_device_ends d JOIN u ON d.unit = u.unit
),
boundary_valves AS (
  SELECT zd.id, EXISTS (
           SELECT 1 FROM network_device_ends d JOIN network_units nu ON nu.unit = d.unit CROSS JOIN u
           WHERE d.node_id = zd.id AND nu.unit <> u.unit AND nu.pre IS NOT NULL
             AND NOT (u.pre IS NOT NULL AND nu.pre BETWEEN u.pre AND u.post)) AS needed
  FROM zone_devices zd WHERE zd.role = 'boundary_valve'
),
-- A unit has gas after the cut when it had gas before and lies outside the lost interval (checked per unit, no scan).
regulators_to_shut AS (
  SELECT zd.id FROM zone_devices zd
  WHERE zd.role = 'regulator'
    AND EXISTS (SELECT 1 FROM network_device_ends d JOIN u ON d.unit = u.unit WHERE d.node_id = zd.id AND NOT d.is_inlet)
    AND EXISTS (
      SELECT 1 FROM network_device_ends d JOIN network_units nu ON nu.unit = d.unit CROSS JOIN u
      WHERE d.node_id = zd.id AND d.is_inlet AND nu.unit <> u.unit AND nu.pre IS NOT NULL
        AND NOT (u.pre IS NOT NULL AND nu.pre BETWEEN u.pre AND u.post))
),
regulators_affected AS (
  SELECT id FROM regulators_to_shut
  UNION
  SELECT d.node_id FROM network_device_ends d JOIN lost_units l ON l.unit = d.unit JOIN network_pipes p ON p.id = d.pipe_id
  WHERE d.is_inlet AND p.supplied
),
unsupplied AS (
  SELECT p.id AS pipe FROM network_pipes p JOIN lost_units l ON l.unit = p.unit
  WHERE p.supplied OR p.unit = (SELECT unit FROM u)
),
lost_services AS (
  SELECT n.id FROM network_nodes n JOIN lost_units l ON l.unit = n.unit JOIN network_units nu ON nu.unit = n.unit
  WHERE n.kind = 'service' AND nu.pre IS NOT NULL
),
lost_households AS (
  SELECT h.id, h.grid_code, c.name_zh AS community
  FROM households h JOIN lost_services s ON s.id = h.service_node LEFT JOIN communities c ON c.id = h.community_id
  WHERE h.retired_at IS NULL
)
