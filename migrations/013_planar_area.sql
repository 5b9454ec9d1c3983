-- 013: area in square metres measured in the plane of the coordinates (degrees scaled at the geometry's latitude), as
-- PostGIS's overlay operations see shapes. A geography area follows geodesics instead: a sliver that is flat in degrees
-- (a split point on a straight boundary) measured 7.5 m² that way and was taken for a gap in the layout.
CREATE FUNCTION planar_area_m2(g geometry) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ST_Area(g) * (111132.954 - 559.822 * cos(2 * radians(lat)) + 1.175 * cos(4 * radians(lat)))
                    * (111412.84 * cos(radians(lat)) - 93.5 * cos(3 * radians(lat)))
  FROM (SELECT ST_Y(ST_Centroid(g)) AS lat) c
$$;
