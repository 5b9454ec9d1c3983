-- (after tile-features.sql) The tile's features as GeoJSON, for cutting in Node where PostGIS lacks ST_AsMVT (PGlite).
SELECT layer, id, pressure, diameter_mm, kind, state, operable, ST_AsGeoJSON(geom, 7)::json AS geometry FROM features
