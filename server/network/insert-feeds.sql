-- Inserts one chunk of join feeds (JSON array of {unit, core, pred, predPre, predAnchor, anchorPre, valve}).
INSERT INTO network_unit_feeds (unit, unit_core, pred, pred_pre, pred_anchor, anchor_pre, valve_id)
SELECT (f->>'unit')::int, (f->>'core')::boolean, (f->>'pred')::int, (f->>'predPre')::int, (f->>'predAnchor')::int,
       (f->>'anchorPre')::int, f->>'valve'
FROM json_array_elements($1::json) f
