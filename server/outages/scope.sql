-- Outage scope of a set of pipes ($1), with valves assumed stuck ($2), per spec §2: zone, supply before/after, what to do, who loses gas.
WITH RECURSIVE
selected AS (SELECT DISTINCT unnest($1::text[]) AS pipe),
assumed AS (SELECT DISTINCT unnest($2::text[]) AS id),
-- Step 1: spread from the selected pipes through junctions, service points and open valves that cannot be turned.
zone(pipe) AS (
  SELECT pipe FROM selected
  UNION
  SELECT e2.pipe_id
  FROM zone z
  JOIN network_pipe_ends e1 ON e1.pipe_id = z.pipe
  JOIN network_nodes n ON n.id = e1.node_id
  JOIN network_pipe_ends e2 ON e2.node_id = n.id
  WHERE n.kind IN ('junction', 'service')
     OR (n.kind = 'valve' AND n.state = 'open' AND (NOT n.operable OR n.id IN (SELECT id FROM assumed)))
),
zone_nodes AS (
  SELECT DISTINCT n.id, n.kind, n.state, n.inlet_pipe,
         CASE WHEN n.kind <> 'valve' THEN n.kind
              WHEN n.state = 'closed' THEN 'closed_valve'
              WHEN NOT n.operable OR n.id IN (SELECT id FROM assumed) THEN 'inoperable_valve'
              ELSE 'boundary_valve' END AS role
  FROM zone z JOIN network_pipe_ends e ON e.pipe_id = z.pipe JOIN network_nodes n ON n.id = e.node_id
),
-- Supply: from every source over its own pipes, through junctions, service points and open valves,
-- through a regulator only from its inlet pipe; never through closed valves or another source.
before(pipe) AS (
  SELECT e.pipe_id FROM network_nodes n JOIN network_pipe_ends e ON e.node_id = n.id WHERE n.kind = 'source'
  UNION
  SELECT e2.pipe_id
  FROM before b
  JOIN network_pipe_ends e1 ON e1.pipe_id = b.pipe
  JOIN network_nodes n ON n.id = e1.node_id
  JOIN network_pipe_ends e2 ON e2.node_id = n.id AND e2.pipe_id <> b.pipe
  WHERE n.kind IN ('junction', 'service') OR (n.kind = 'valve' AND n.state = 'open') OR (n.kind = 'regulator' AND n.inlet_pipe = b.pipe)
),
-- After: the zone removed and every boundary valve closed.
after(pipe) AS (
  SELECT e.pipe_id FROM network_nodes n JOIN network_pipe_ends e ON e.node_id = n.id
  WHERE n.kind = 'source' AND NOT EXISTS (SELECT 1 FROM zone z WHERE z.pipe = e.pipe_id)
  UNION
  SELECT e2.pipe_id
  FROM after a
  JOIN network_pipe_ends e1 ON e1.pipe_id = a.pipe
  JOIN network_nodes n ON n.id = e1.node_id
  JOIN network_pipe_ends e2 ON e2.node_id = n.id AND e2.pipe_id <> a.pipe
  WHERE (n.kind IN ('junction', 'service')
         OR (n.kind = 'valve' AND n.state = 'open' AND NOT EXISTS (SELECT 1 FROM zone_nodes zn WHERE zn.id = n.id AND zn.role = 'boundary_valve'))
         OR (n.kind = 'regulator' AND n.inlet_pipe = a.pipe))
    AND NOT EXISTS (SELECT 1 FROM zone z WHERE z.pipe = e2.pipe_id)
),
before_set AS (SELECT DISTINCT pipe FROM before),
after_set AS (SELECT DISTINCT pipe FROM after),
-- Step 2: only what is needed.
boundary_valves AS (
  SELECT zn.id,
         EXISTS (SELECT 1 FROM network_pipe_ends e JOIN after_set a ON a.pipe = e.pipe_id WHERE e.node_id = zn.id) AS needed
  FROM zone_nodes zn WHERE zn.role = 'boundary_valve'
),
regulators_to_shut AS (
  SELECT zn.id FROM zone_nodes zn
  WHERE zn.role = 'regulator'
    AND EXISTS (SELECT 1 FROM network_pipe_ends e JOIN zone z ON z.pipe = e.pipe_id WHERE e.node_id = zn.id AND e.pipe_id <> zn.inlet_pipe)
    AND EXISTS (SELECT 1 FROM after_set a WHERE a.pipe = zn.inlet_pipe)
),
regulators_affected AS (
  SELECT id FROM regulators_to_shut
  UNION
  SELECT n.id FROM network_nodes n
  WHERE n.kind = 'regulator' AND EXISTS (SELECT 1 FROM before_set b WHERE b.pipe = n.inlet_pipe)
    AND NOT EXISTS (SELECT 1 FROM after_set a WHERE a.pipe = n.inlet_pipe)
),
-- Step 3: who loses gas.
unsupplied AS (
  SELECT pipe FROM before_set EXCEPT SELECT pipe FROM after_set
  UNION
  SELECT pipe FROM zone
),
lost_services AS (
  SELECT n.id FROM network_nodes n
  WHERE n.kind = 'service'
    AND EXISTS (SELECT 1 FROM network_pipe_ends e JOIN before_set b ON b.pipe = e.pipe_id WHERE e.node_id = n.id)
    AND NOT EXISTS (SELECT 1 FROM network_pipe_ends e JOIN after_set a ON a.pipe = e.pipe_id WHERE e.node_id = n.id)
),
lost_households AS (
  SELECT h.id, h.grid_code, c.name_zh AS community
  FROM households h JOIN lost_services s ON s.id = h.service_node LEFT JOIN communities c ON c.id = h.community_id
  WHERE h.retired_at IS NULL
)
SELECT
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM boundary_valves WHERE needed) AS "valvesToClose",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM boundary_valves WHERE NOT needed) AS "valvesNotNeeded",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM zone_nodes WHERE role = 'closed_valve') AS "alreadyClosed",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM zone_nodes WHERE role = 'inoperable_valve') AS "inoperableValves",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM regulators_to_shut) AS "regulatorsToShut",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM zone_nodes WHERE role = 'source') AS "sourcesToShut",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM regulators_affected) AS "regulatorsAffected",
  (SELECT COALESCE(json_agg(pipe ORDER BY pipe COLLATE "C"), '[]'::json) FROM zone) AS "isolatedPipes",
  (SELECT COALESCE(json_agg(pipe ORDER BY pipe COLLATE "C"), '[]'::json) FROM unsupplied) AS "unsuppliedPipes",
  json_build_object(
    'total', (SELECT count(*)::int FROM lost_households),
    'ids', (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM lost_households),
    'byGrid', (SELECT COALESCE(json_agg(json_build_object('grid', grid_code, 'count', n) ORDER BY grid_code COLLATE "C" NULLS LAST), '[]'::json)
               FROM (SELECT grid_code, count(*)::int n FROM lost_households GROUP BY grid_code) g),
    'byCommunity', (SELECT COALESCE(json_agg(json_build_object('community', community, 'count', n) ORDER BY community COLLATE "C" NULLS LAST), '[]'::json)
                    FROM (SELECT community, count(*)::int n FROM lost_households GROUP BY community) c)
  ) AS households,
  json_build_object('type', 'FeatureCollection', 'features', COALESCE((
    SELECT json_agg(f) FROM (
      SELECT json_build_object('type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(p.geom, 7)::json,
             'properties', json_build_object('id', p.id, 'role', CASE WHEN z.pipe IS NOT NULL THEN 'isolated' ELSE 'unsupplied' END)) AS f
      FROM unsupplied u JOIN network_pipes p ON p.id = u.pipe LEFT JOIN zone z ON z.pipe = u.pipe
      UNION ALL
      SELECT json_build_object('type', 'Feature', 'id', n.id, 'geometry', ST_AsGeoJSON(n.geom, 7)::json,
             'properties', json_build_object('id', n.id, 'kind', n.kind, 'role', r.role, 'order', r.ord))
      FROM (
        SELECT id, CASE WHEN needed THEN 'valve_to_close' ELSE 'valve_not_needed' END AS role,
               CASE WHEN needed THEN row_number() OVER (PARTITION BY needed ORDER BY id COLLATE "C") END AS ord
        FROM boundary_valves
        UNION ALL SELECT id, 'already_closed', NULL FROM zone_nodes WHERE role = 'closed_valve'
        UNION ALL SELECT id, 'inoperable_valve', NULL FROM zone_nodes WHERE role = 'inoperable_valve'
        UNION ALL SELECT id, 'source_to_shut', NULL FROM zone_nodes WHERE role = 'source'
        UNION ALL SELECT id, CASE WHEN id IN (SELECT id FROM regulators_to_shut) THEN 'regulator_to_shut' ELSE 'regulator_affected' END, NULL
                  FROM regulators_affected
      ) r JOIN network_nodes n ON n.id = r.id
    ) features), '[]'::json)) AS geometry
