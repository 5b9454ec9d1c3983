-- Builds the segment graph's edges: every valve, regulator and source with the segment of each pipe it touches.
INSERT INTO network_device_ends (node_id, pipe_id, segment, unit, kind, state, operable, is_inlet)
SELECT n.id, p.id, p.segment, p.unit, n.kind, n.state, n.operable, n.inlet_pipe IS NOT DISTINCT FROM p.id AND n.kind = 'regulator'
FROM network_pipe_ends e
JOIN network_nodes n ON n.id = e.node_id AND n.kind IN ('valve', 'regulator', 'source')
JOIN network_pipes p ON p.id = e.pipe_id
