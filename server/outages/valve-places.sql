-- Where each valve is, for the dispatcher's list: its position, the nearest road, the community it stands in or next to.
SELECT n.id, ST_X(n.geom)::float8 AS lon, ST_Y(n.geom)::float8 AS lat,
       (SELECT r.name_zh FROM roads r ORDER BY r.geom <-> n.geom LIMIT 1) AS road_zh,
       (SELECT r.name_en FROM roads r ORDER BY r.geom <-> n.geom LIMIT 1) AS road_en,
       (SELECT round(ST_Distance(r.geom::geography, n.geom::geography))::int FROM roads r ORDER BY r.geom <-> n.geom LIMIT 1) AS road_m,
       (SELECT c.name_zh FROM communities c ORDER BY c.geom <-> n.geom LIMIT 1) AS community,
       (SELECT g.code FROM grids g WHERE ST_Intersects(g.geom, n.geom) ORDER BY g.code LIMIT 1) AS grid
FROM network_nodes n
WHERE n.id = ANY($1::text[])
