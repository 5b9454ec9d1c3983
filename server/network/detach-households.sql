-- Detaches households whose service node is not a service node of the new network; answers how many.
WITH detached AS (
  UPDATE households h SET service_node = NULL, updated_at = now()
  WHERE h.service_node IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM network_nodes n WHERE n.id = h.service_node AND n.kind = 'service')
  RETURNING 1
)
SELECT count(*)::int AS n FROM detached
