-- Communities that lie in no grid (PostGIS finds no grid under them).
SELECT c.id FROM communities c JOIN community_grid cg ON cg.community_id = c.id WHERE cg.grid_code IS NULL ORDER BY c.id
