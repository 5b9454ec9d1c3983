-- Pipes whose geometry PostGIS finds invalid, with the reason (first 20).
SELECT id, ST_IsValidReason(geom) AS reason FROM network_pipes WHERE NOT ST_IsValid(geom) ORDER BY id LIMIT 20
