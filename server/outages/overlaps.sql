-- Live outages (not restored or cancelled, not $1) overlapping in time ($3..$4) and in area ($2 pipe ids) with this one.
SELECT o.id, o.kind, o.status, o.cause
FROM outages o
WHERE o.id IS DISTINCT FROM $1
  AND o.status NOT IN ('restored', 'cancelled')
  AND tstzrange(COALESCE(o.planned_start, o.created_at), COALESCE(o.planned_end, 'infinity'::timestamptz))
      && tstzrange(COALESCE($3::timestamptz, now()), COALESCE($4::timestamptz, 'infinity'::timestamptz))
  AND ST_Intersects(o.area, (SELECT ST_Union(geom) FROM network_pipes WHERE id = ANY($2::text[])))
ORDER BY o.id
