-- Counts of the stored network: nodes by kind and pipes.
SELECT json_build_object(
  'nodes', (SELECT COALESCE(json_object_agg(kind, n), '{}'::json) FROM (SELECT kind, count(*)::int n FROM network_nodes GROUP BY kind) k),
  'pipes', (SELECT count(*)::int FROM network_pipes)
) AS counts
