-- The answer of an outage question (spec §3) from the sets a scope-*.sql head defines: zone, zone_devices,
-- boundary_valves, regulators_to_shut, regulators_affected, unsupplied, lost_households.
SELECT
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM boundary_valves WHERE needed) AS "valvesToClose",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM boundary_valves WHERE NOT needed) AS "valvesNotNeeded",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM zone_devices WHERE role = 'closed_valve') AS "alreadyClosed",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM zone_devices WHERE role = 'inoperable_valve') AS "inoperableValves",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM regulators_to_shut) AS "regulatorsToShut",
  (SELECT COALESCE(json_agg(id ORDER BY id COLLATE "C"), '[]'::json) FROM zone_devices WHERE role = 'source') AS "sourcesToShut",
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
      -- One feature per role, all its pipes in one MultiLineString: a cut that empties half a city stays drawable.
      SELECT json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(ST_Multi(ST_Collect(geom)), 6)::json,
             'properties', json_build_object('role', role, 'count', count(*))) AS f
      FROM (SELECT p.geom, CASE WHEN z.pipe IS NOT NULL THEN 'isolated' ELSE 'unsupplied' END AS role
            FROM network_pipes p LEFT JOIN zone z ON z.pipe = p.id WHERE p.id = ANY(ARRAY(SELECT pipe FROM unsupplied))) roles
      GROUP BY role
      UNION ALL
      SELECT json_build_object('type', 'Feature', 'id', n.id, 'geometry', ST_AsGeoJSON(n.geom, 7)::json,
             'properties', json_build_object('id', n.id, 'kind', n.kind, 'role', r.role, 'order', r.ord))
      FROM (
        SELECT id, CASE WHEN needed THEN 'valve_to_close' ELSE 'valve_not_needed' END AS role,
               CASE WHEN needed THEN row_number() OVER (PARTITION BY needed ORDER BY id COLLATE "C") END AS ord
        FROM boundary_valves
        UNION ALL SELECT id, 'already_closed', NULL FROM zone_devices WHERE role = 'closed_valve'
        UNION ALL SELECT id, 'inoperable_valve', NULL FROM zone_devices WHERE role = 'inoperable_valve'
        UNION ALL SELECT id, 'source_to_shut', NULL FROM zone_devices WHERE role = 'source'
        UNION ALL SELECT id, CASE WHEN id IN (SELECT id FROM regulators_to_shut) THEN 'regulator_to_shut' ELSE 'regulator_affected' END, NULL
                  FROM regulators_affected
      ) r JOIN LATERAL (SELECT n.id, n.kind, n.geom FROM network_nodes n WHERE n.id = r.id) n ON true
    ) features), '[]'::json)) AS geometry
