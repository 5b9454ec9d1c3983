import { expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { loadPanjiSeed } from '../../server/seed/panji';
import { parseNetwork } from '../../server/network/format';
import { exportNetwork } from '../../server/network/service';
import { ReferenceNetwork } from '../../server/outages/reference';
import { outageScope } from '../../server/outages/service';
import { describeOnEachDatabase } from '../support/databases';

describeOnEachDatabase('the Panji seed', ({ db }) => {
  it('loads on first start', async () => {
    await migrate(db());
    const r = await loadPanjiSeed(db());
    expect(r.loaded).toBe(true);
    expect(Object.keys(r.files).sort()).toEqual(
      ['communities.geojson', 'district.geojson', 'grids.geojson', 'organisation.json', 'roads.geojson', 'service-area.geojson'].sort(),
    );
  });

  it('is kept, not reloaded, on restart', async () => {
    const [before] = await db().query<{ v: { loadedAt: string } }>(`SELECT value v FROM app_meta WHERE key = 'seed'`);
    expect((await loadPanjiSeed(db())).loaded).toBe(false);
    const [after] = await db().query<{ v: { loadedAt: string } }>(`SELECT value v FROM app_meta WHERE key = 'seed'`);
    expect(after.v.loadedAt).toBe(before.v.loadedAt);
    const [n] = await db().query<{ n: number }>('SELECT count(*)::int n FROM communities');
    expect(n.n).toBe(30);
  });

  it('places every community in the grid the plan lists it under, by PostGIS', async () => {
    const rows = await db().query<{ id: string; plan_grid: string; grid_code: string }>(
      'SELECT c.id, c.plan_grid, cg.grid_code FROM communities c JOIN community_grid cg ON cg.community_id = c.id ORDER BY c.id',
    );
    expect(rows).toHaveLength(30);
    for (const r of rows) expect(r.grid_code, r.id).toBe(r.plan_grid);
    const [inside] = await db().query<{ n: number }>(
      'SELECT count(*)::int n FROM communities c JOIN grids g ON ST_Within(c.geom, g.geom)',
    );
    expect(inside.n).toBe(30);
  });

  it('has four grids that cover the service area without gaps or overlaps', async () => {
    const [r] = await db().query<{ gap: number; overlap: number; valid: boolean; n: number }>(
      `SELECT ST_Area(ST_Difference((SELECT ST_Union(geom) FROM service_area), ST_Union(g.geom))::geography)::float8 gap,
              (SELECT COALESCE(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0)::float8
                 FROM grids a JOIN grids b ON a.code < b.code) overlap,
              bool_and(ST_IsValid(g.geom)) valid, count(*)::int n
       FROM grids g`,
    );
    expect(r).toMatchObject({ n: 4, valid: true });
    expect(r.gap).toBeLessThan(1);
    expect(r.overlap).toBeLessThan(1);
  });

  it('puts the grids on the right sides of the roads', async () => {
    // Grid 1 north of Huanghe Rd and west of Wuyishan Rd, 2 south and west, 3 between Wuyishan and Kongli, 4 east of Kongli.
    const rows = await db().query<{ code: string; x: number; y: number; wx: number; kx: number; hy: number }>(
      `SELECT g.code, ST_X(p) x, ST_Y(p) y,
              ST_X(ST_ClosestPoint(w.geom, p)) wx, ST_X(ST_ClosestPoint(k.geom, p)) kx, ST_Y(ST_ClosestPoint(h.geom, p)) hy
       FROM (SELECT code, ST_PointOnSurface(geom) p FROM grids) g,
            (SELECT geom FROM roads WHERE name_zh = '武夷山路') w,
            (SELECT geom FROM roads WHERE name_zh = '孔李路') k,
            (SELECT geom FROM roads WHERE name_zh = '黄河路') h
       ORDER BY g.code`,
    );
    const [g1, g2, g3, g4] = rows;
    expect(g1.x < g1.wx && g1.y > g1.hy).toBe(true);
    expect(g2.x < g2.wx && g2.y < g2.hy).toBe(true);
    expect(g3.x > g3.wx && g3.x < g3.kx).toBe(true);
    expect(g4.x > g4.kx).toBe(true);
  });

  it('sums grid 3 to the plan: 2082 connected, 2450 to develop', async () => {
    const [g] = await db().query<{ connected_households: number; to_develop_households: number; connected_agrees: boolean }>(
      `SELECT * FROM grid_figures WHERE code = '3'`,
    );
    expect(g).toMatchObject({ connected_households: 2082, to_develop_households: 2450, connected_agrees: true });
  });

  it('loads the responsibility chain with a grid worker for every grid', async () => {
    const rows = await db().query<{ code: string; workers: number }>(
      `SELECT g.code, count(r.id)::int workers FROM grids g LEFT JOIN responsibilities r ON r.grid_code = g.code AND r.level = 3 GROUP BY g.code ORDER BY g.code`,
    );
    expect(rows.every((r) => r.workers >= 1)).toBe(true);
  });

  it('loads a generated network: connected households on service points, the others on none', async () => {
    const rows = await db().query<{ connection: string; n: number; on_service: number }>(
      `SELECT h.connection, count(*)::int n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM network_nodes s WHERE s.id = h.service_node AND s.kind = 'service'))::int on_service
       FROM households h WHERE h.retired_at IS NULL GROUP BY h.connection ORDER BY h.connection`,
    );
    // 1553 + 2267 + 2082 + 3562 connected in the community figures; 富邦小区 and 滨海花园 (276) unknown.
    expect(rows).toEqual([
      { connection: 'connected', n: 9464, on_service: 9464 },
      { connection: 'to_develop', n: 12313, on_service: 0 },
      { connection: 'unknown', n: 276, on_service: 0 },
    ]);
    const [g3] = await db().query<{ n: number }>(`SELECT count(*)::int n FROM households WHERE grid_code = '3' AND connection = 'connected'`);
    expect(g3.n).toBe(2082);
  });

  it('feeds every service point from a gate station, and cuts off a community when its regulator inlet is shut', async () => {
    const network = parseNetwork(await exportNetwork(db()));
    expect(network.nodes.filter((n) => n.kind === 'source')).toHaveLength(2);
    const ref = new ReferenceNetwork(network);
    const supplied = ref.suppliedPipes();
    const services = network.nodes.filter((n) => n.kind === 'service').map((n) => n.id);
    const fed = new Set(network.pipes.filter((p) => supplied.has(p.id)).flatMap((p) => [p.from, p.to]));
    expect(services.filter((s) => !fed.has(s))).toEqual([]);
    const inlet = network.nodes.find((n) => n.id === 'R-3-04')!.inlet!;
    const answer = await outageScope(db(), [inlet]);
    expect(answer.regulatorsAffected).toContain('R-3-04');
    expect(answer.households.byCommunity).toEqual([{ community: '祥苑社区', count: 913 }]);
    expect(answer.households.byGrid).toEqual([{ grid: '3', count: 913 }]);
  });
});
