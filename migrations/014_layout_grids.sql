-- 014: the grids of a layout as the server passes them to SQL (a JSON array of {code, name, name_en, geom}, geom a
-- GeoJSON text; see layoutParam in server/grids/layout.ts), read in one place for every layout statement.
CREATE FUNCTION layout_grids(layout json)
RETURNS TABLE (code text, name text, name_en text, geom geometry)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT l->>'code', l->>'name', COALESCE(l->>'name_en', l->>'name'), ST_SetSRID(ST_GeomFromGeoJSON(l->>'geom'), 4326)
  FROM json_array_elements(layout) l
$$;
