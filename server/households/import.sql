-- Adds and updates households (JSON array; connection optional, else from service), grid and community from where each stands.
WITH input AS (
  SELECT h->>'id' AS id, h->>'service' AS service, h->>'connection' AS connection,
         h->>'address' AS address, h->>'phone' AS phone, h->>'name' AS name,
         ST_SetSRID(ST_MakePoint((h->'coordinates'->>0)::float8, (h->'coordinates'->>1)::float8), 4326) AS geom
  FROM json_array_elements($1::json) h
),
placed AS (
  SELECT i.*,
         (SELECT g.code FROM grids g WHERE ST_Intersects(g.geom, i.geom) ORDER BY g.code LIMIT 1) AS grid_code,
         (SELECT c.id FROM communities c WHERE ST_Intersects(c.geom, i.geom) ORDER BY c.id LIMIT 1) AS community_id
  FROM input i
),
upserted AS (
  INSERT INTO households AS t (id, grid_code, community_id, address, name, phone, service_node, connection, retired_at, geom, updated_at)
  SELECT id, grid_code, community_id, address, name, phone, service,
         COALESCE(connection, CASE WHEN service IS NULL THEN 'to_develop' ELSE 'connected' END), NULL, geom, now()
  FROM placed
  ON CONFLICT (id) DO UPDATE SET grid_code = EXCLUDED.grid_code, community_id = EXCLUDED.community_id,
    address = EXCLUDED.address, name = EXCLUDED.name, phone = EXCLUDED.phone, service_node = EXCLUDED.service_node,
    connection = EXCLUDED.connection, retired_at = NULL, geom = EXCLUDED.geom, updated_at = now()
  RETURNING (xmax = 0) AS inserted
)
SELECT (count(*) FILTER (WHERE inserted))::int AS added, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM upserted
