-- What /api/health reports about the database: server and PostGIS versions, schema version, the loaded seed.
SELECT current_setting('server_version') AS postgres,
       postgis_lib_version() AS postgis,
       (SELECT max(version) FROM schema_migrations)::int AS schema_version,
       (SELECT value FROM app_meta WHERE key = 'seed') AS seed
