-- (after tile-features.sql) The tile as Mapbox Vector Tile layers "pipes" and "nodes", made by PostGIS on the server.
, mvt AS (
  SELECT f.*, ST_AsMVTGeom(ST_Transform(f.geom, 3857), ST_TileEnvelope($1, $2, $3), 4096, 256, true) AS tile_geom FROM features f
)
SELECT COALESCE((SELECT ST_AsMVT(t, 'pipes', 4096, 'tile_geom')
                 FROM (SELECT id, pressure, diameter_mm, tile_geom FROM mvt WHERE layer = 'pipes') t), ''::bytea)
    || COALESCE((SELECT ST_AsMVT(t, 'nodes', 4096, 'tile_geom')
                 FROM (SELECT id, kind, state, operable, tile_geom FROM mvt WHERE layer = 'nodes') t), ''::bytea) AS tile
