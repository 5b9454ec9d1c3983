-- What the map needs to know of the stored network before it asks for tiles: counts and the bounding box.
SELECT (SELECT count(*)::int FROM network_pipes) AS pipes,
       (SELECT count(*)::int FROM network_nodes) AS nodes,
       (SELECT CASE WHEN e IS NULL THEN NULL ELSE json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) END
        FROM (SELECT ST_Extent(geom)::box2d AS e FROM network_nodes) x) AS bbox
