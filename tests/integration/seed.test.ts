import { expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { loadPanjiSeed } from '../../server/seed/panji';
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
});
