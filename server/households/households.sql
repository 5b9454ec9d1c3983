-- One page of households in scope ($1: grid codes or NULL for all), filtered by grid, community, connection,
-- address text ($5, LIKE-escaped) or exact id ($8).
SELECT h.id, h.grid_code, h.community_id, c.name_zh AS community, h.address, h.name, h.phone, h.connection,
       h.service_node, ST_X(h.geom)::float8 AS lon, ST_Y(h.geom)::float8 AS lat,
       (count(*) OVER ())::int AS total
FROM households h
LEFT JOIN communities c ON c.id = h.community_id
WHERE h.retired_at IS NULL
  AND ($1::text[] IS NULL OR h.grid_code = ANY($1::text[]))
  AND ($2::text IS NULL OR h.grid_code = $2)
  AND ($3::text IS NULL OR h.community_id = $3)
  AND ($4::text IS NULL OR h.connection = $4)
  AND ($5::text IS NULL OR h.address ILIKE '%' || $5 || '%' OR h.id = $8)
ORDER BY h.grid_code, h.community_id, h.id
LIMIT $6 OFFSET $7
