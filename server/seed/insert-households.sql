-- Creates the demo households of every community from the plan's figures: the first `connected` are connected
-- (通气), the rest still to develop (待开发); unknown where the plan gives no connected figure. Names and phones are fake.
WITH surnames AS (SELECT ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗','郑','梁','谢','宋','唐'] AS a),
given AS (SELECT ARRAY['伟','芳','娜','秀英','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀兰','霞','平','刚','桂英','建华','玉兰'] AS a),
points AS (
  SELECT c.id AS community_id, c.name_zh, c.total_households, c.connected_households,
         (ST_Dump(ST_GeneratePoints(c.geom, c.total_households, 20261204))).geom AS geom
  FROM communities c WHERE c.total_households > 0
),
numbered AS (
  SELECT p.*, row_number() OVER (PARTITION BY p.community_id ORDER BY ST_Y(p.geom) DESC, ST_X(p.geom)) - 1 AS i
  FROM points p
)
INSERT INTO households (id, community_id, grid_code, address, name, phone, connection, geom)
SELECT n.community_id || '-' || lpad((n.i + 1)::text, 4, '0'),
       n.community_id,
       (SELECT g.code FROM grids g WHERE ST_Contains(g.geom, n.geom) LIMIT 1),
       n.name_zh || ' ' || (n.i / 24 + 1) || '栋' || ((n.i / 8) % 3 + 1) || '单元' || ((n.i / 2) % 4 + 1) || '0' || (n.i % 2 + 1) || '室',
       s.a[1 + (n.i * 7 + length(n.community_id)) % 25] || g.a[1 + (n.i * 13 + 3) % 25],
       CASE WHEN n.i % 10 = 9 THEN NULL  -- one in ten has no mobile number on file
            ELSE '1' || (ARRAY['38','39','58','86','37','35','50','52'])[1 + n.i % 8]
                 || lpad(((n.i * 7919 + ascii(n.community_id)) % 100000000)::text, 8, '0') END,
       CASE WHEN n.connected_households IS NULL THEN 'unknown'
            WHEN n.i < n.connected_households THEN 'connected' ELSE 'to_develop' END,
       n.geom
FROM numbered n, surnames s, given g
