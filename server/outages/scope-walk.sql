-- Outage scope, general case: pipes $1, valves assumed stuck $2 (spec §2), walking the valve-bounded segments of
-- migration 006 for the supply after. Defines the sets that scope-answer.sql turns into the answer.
WITH RECURSIVE
assumed AS (SELECT DISTINCT unnest($2::text[]) AS id),
-- Step 1: the zone is whole segments: those of the selected pipes, and beyond open valves that cannot be turned.
zone_seg(seg) AS (
  SELECT DISTINCT p.segment FROM network_pipes p WHERE p.id = ANY($1::text[])
  UNION
  SELECT d2.segment
  FROM zone_seg z
  JOIN network_device_ends d1 ON d1.segment = z.seg
  JOIN network_device_ends d2 ON d2.node_id = d1.node_id
  WHERE d1.kind = 'valve' AND d1.state = 'open' AND (NOT d1.operable OR d1.node_id IN (SELECT id FROM assumed))
),
zone_devices AS (
  SELECT DISTINCT d.node_id AS id, d.kind,
         CASE WHEN d.kind <> 'valve' THEN d.kind
              WHEN d.state = 'closed' THEN 'closed_valve'
              WHEN NOT d.operable OR d.node_id IN (SELECT id FROM assumed) THEN 'inoperable_valve'
              ELSE 'boundary_valve' END AS role
  FROM network_device_ends d JOIN zone_seg z ON z.seg = d.segment
),
boundary AS (SELECT id FROM zone_devices WHERE role = 'boundary_valve'),
-- After: the zone removed and every boundary valve closed. Gas leaves a source into each of its segments,
-- passes open valves, and passes a regulator only from its inlet segment; never a closed valve or a source.
after_seg(seg) AS (
  SELECT d.segment FROM network_device_ends d
  WHERE d.kind = 'source' AND NOT EXISTS (SELECT 1 FROM zone_seg z WHERE z.seg = d.segment)
  UNION
  SELECT d2.segment
  FROM after_seg a
  JOIN network_device_ends d1 ON d1.segment = a.seg
  JOIN network_device_ends d2 ON d2.node_id = d1.node_id AND d2.pipe_id <> d1.pipe_id
  WHERE ((d1.kind = 'valve' AND d1.state = 'open' AND NOT EXISTS (SELECT 1 FROM boundary b WHERE b.id = d1.node_id))
         OR (d1.kind = 'regulator' AND d1.is_inlet))
    AND NOT EXISTS (SELECT 1 FROM zone_seg z WHERE z.seg = d2.segment)
),
after_set AS (SELECT DISTINCT seg FROM after_seg),
zone AS (SELECT p.id AS pipe FROM network_pipes p JOIN zone_seg z ON z.seg = p.segment),
-- Step 2: only what is needed.
boundary_valves AS (
  SELECT b.id, EXISTS (SELECT 1 FROM network_device_ends d JOIN after_set a ON a.seg = d.segment WHERE d.node_id = b.id) AS needed
  FROM boundary b
),
regulators_to_shut AS (
  SELECT zd.id FROM zone_devices zd
  WHERE zd.role = 'regulator'
    AND EXISTS (SELECT 1 FROM network_device_ends d JOIN zone_seg z ON z.seg = d.segment WHERE d.node_id = zd.id AND NOT d.is_inlet)
    AND EXISTS (SELECT 1 FROM network_device_ends d JOIN after_set a ON a.seg = d.segment WHERE d.node_id = zd.id AND d.is_inlet)
),
regulators_affected AS (
  SELECT id FROM regulators_to_shut
  UNION
  SELECT d.node_id FROM network_device_ends d JOIN network_pipes p ON p.id = d.pipe_id
  WHERE d.is_inlet AND p.supplied AND NOT EXISTS (SELECT 1 FROM after_set a WHERE a.seg = d.segment)
),
-- Step 3: who loses gas.
unsupplied AS (
  SELECT p.id AS pipe FROM network_pipes p
  WHERE p.supplied AND NOT EXISTS (SELECT 1 FROM after_set a WHERE a.seg = p.segment)
  UNION
  SELECT pipe FROM zone
),
lost_services AS (
  SELECT n.id FROM network_nodes n
  WHERE n.kind = 'service'
    AND EXISTS (SELECT 1 FROM network_pipes p WHERE p.segment = n.segment AND p.supplied)
    AND NOT EXISTS (SELECT 1 FROM after_set a WHERE a.seg = n.segment)
),
lost_households AS (
  SELECT h.id, h.grid_code, c.name_zh AS community
  FROM households h JOIN lost_services s ON s.id = h.service_node LEFT JOIN communities c ON c.id = h.community_id
  WHERE h.retired_at IS NULL
)
