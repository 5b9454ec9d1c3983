-- The network's current generation and, when one was cut from it, the kept tile z $1, x $2, y $3.
SELECT g.generation, c.tile
FROM (SELECT COALESCE((SELECT (value #>> '{}')::int FROM app_meta WHERE key = 'network_generation'), 0) AS generation) g
LEFT JOIN network_tile_cache c ON c.generation = g.generation AND c.z = $1 AND c.x = $2 AND c.y = $3
