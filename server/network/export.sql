-- The stored network in the interchange format (spec §1): nodes, then pipes, ordered by id.
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE((
  SELECT json_agg(f ORDER BY ord, fid) FROM (
    SELECT 0 AS ord, n.id AS fid, json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(n.geom, 9)::json,
      'properties', json_strip_nulls(json_build_object('id', n.id, 'kind', n.kind, 'name', n.name, 'state', n.state,
                                                       'operable', n.operable, 'inlet', n.inlet_pipe))) AS f
    FROM network_nodes n
    UNION ALL
    SELECT 1, p.id, json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(p.geom, 9)::json,
      'properties', json_strip_nulls(json_build_object('id', p.id, 'kind', 'pipe', 'from', p.from_node, 'to', p.to_node,
                                                       'diameter_mm', p.diameter_mm, 'material', p.material,
                                                       'pressure', p.pressure, 'name', p.name)))
    FROM network_pipes p
  ) s), '[]'::json)) AS fc
