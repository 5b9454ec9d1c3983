import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database, Row } from '../../server/db/index';
import { describeOnEachDatabase } from '../support/databases';
import { login, serveApp, TEST_PASSWORD, type Client, type Json, type TestServer } from '../support/http';
import { prepareSeeded } from '../support/seeded';

describeOnEachDatabase('the grid map API', ({ kind, db }) => {
  let server: TestServer;
  let admin: Client;
  const get = (path: string) => admin.get(path);

  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    admin = await login(server.url, 'admin', TEST_PASSWORD);
  });
  afterAll(() => server.close());

  it('reports health with the database mode and versions', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.database.mode).toBe(kind);
    expect(body.database.postgis).toMatch(/^3\./);
    expect(body.schemaVersion).toBeGreaterThanOrEqual(3);
    expect(body.seed.name).toBe('panji');
  });

  it('answers 503 on health and data routes while not ready', async () => {
    server.readiness.ready = false;
    try {
      expect((await get('/api/health')).status).toBe(503);
      const grids = await get('/api/grids');
      expect(grids.status).toBe(503);
      expect(grids.body.error.code).toBe('starting');
    } finally {
      server.readiness.ready = true;
    }
  });

  it('lists the four grids as a FeatureCollection with codes, names and figures', async () => {
    const { status, body } = await get('/api/grids');
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: Json) => f.properties.code)).toEqual(['1', '2', '3', '4']);
    const g3 = body.features[2];
    expect(g3.geometry.type).toBe('MultiPolygon');
    expect(g3.properties.name).toBe('网格3');
    expect(g3.properties.figures.communities).toMatchObject({ count: 6, total: 4532, connected: 2082, toDevelop: 2450 });
    expect(g3.properties.figures.plan).toEqual({ connected: 2082, toDevelop: 2450 });
  });

  it('flags the grids whose plan totals disagree with the community sums, keeping both', async () => {
    const { body } = await get('/api/grids');
    const flags = body.features.map((f: Json) => [f.properties.code, f.properties.figures.connectedAgrees, f.properties.figures.toDevelopAgrees]);
    expect(flags).toEqual([
      ['1', false, false],
      ['2', true, false],
      ['3', true, true],
      ['4', true, false],
    ]);
    const g1 = body.features[0].properties.figures;
    expect(g1.plan.connected).toBe(1453);
    expect(g1.communities.connected).toBe(1553);
    expect(g1.communities.unknownCount).toBe(1);
  });

  it('gives one grid with its communities and its three-level chain', async () => {
    const { status, body } = await get('/api/grids/3');
    expect(status).toBe(200);
    expect(body.type).toBe('Feature');
    const p = body.properties;
    expect(p.communities.map((c: Json) => c.name_zh)).toEqual(['大庄社区', '刘龙社区', '岱庙新村', '祥苑社区', '宝辰花园', '嘉和名城']);
    expect(p.communities[3]).toMatchObject({ total: 1546, connected: 913, to_develop: 633 });
    expect(p.responsibility.map((l: Json) => l.level)).toEqual([1, 2, 3]);
    expect(p.responsibility[2].people.map((x: Json) => x.name)).toEqual(['段玉杰']);
    expect(p.discrepancies).toEqual([]);
  });

  it('answers 404 for an unknown grid and 400 for a malformed code, in the error format', async () => {
    const missing = await get('/api/grids/9');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: 'no grid with code "9"' });
    const bad = await get(`/api/grids/${encodeURIComponent("1' OR '1'='1")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
  });

  it('lists communities with the grid PostGIS finds them in', async () => {
    const { body } = await get('/api/communities');
    expect(body.features).toHaveLength(30);
    const byGrid: Record<string, number> = {};
    for (const f of body.features) byGrid[f.properties.grid] = (byGrid[f.properties.grid] ?? 0) + 1;
    expect(byGrid).toEqual({ '1': 10, '2': 12, '3': 6, '4': 2 });
    expect(body.features[0].properties.label_point.type).toBe('Point');
  });

  it('lists the three named roads', async () => {
    const { body } = await get('/api/roads');
    expect(body.features.map((f: Json) => f.properties.name_zh).sort()).toEqual(['孔李路', '武夷山路', '黄河路'].sort());
    expect(body.features.every((f: Json) => f.geometry.type === 'LineString')).toBe(true);
  });

  it('lists every disagreement of the plan in the reconciliation', async () => {
    const { body } = await get('/api/reconciliation');
    const rows = body.items.map((r: Json) => [r.kind, r.grid, r.community_name, r.plan_value, r.computed_value]);
    expect(rows).toEqual([
      ['community_connected_missing', '1', '富邦小区', null, 61],
      ['grid_connected_mismatch', '1', null, 1453, 1553],
      ['grid_to_develop_mismatch', '1', null, 1227, 1174],
      ['community_connected_missing', '2', '滨海花园', null, 215],
      ['grid_to_develop_mismatch', '2', null, 3030, 3194],
      ['grid_to_develop_mismatch', '4', null, 962, 5495],
    ]);
  });

  it('serves the service area and district outline as context', async () => {
    const { body } = await get('/api/context');
    expect(body.features.map((f: Json) => f.properties.layer).sort()).toEqual(['district', 'service_area']);
  });

  it('keeps the map offline unless a basemap is configured', async () => {
    const { body, headers } = await get('/api/map/config');
    expect(body.basemap).toEqual({ kind: 'none' });
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain('tianditu');
  });

  it('answers unknown API routes with a 404 in the error format', async () => {
    const { status, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('hides internals when something breaks', async () => {
    // Sessions still work (the first query of a request); the grid query then fails inside.
    let calls = 0;
    const failing = (): Database => ({
      ...db(),
      query: <T extends Row>(sql: string, params?: readonly unknown[]) =>
        ++calls > 1 && sql.includes('FeatureCollection') ? Promise.reject(new Error('relation "secret_table" does not exist')) : db().query<T>(sql, params),
    });
    const broken = await serveApp(failing);
    try {
      const res = await fetch(broken.url + '/api/grids', { headers: { cookie: admin.cookie! } });
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(text).not.toContain('secret_table');
      expect(JSON.parse(text).error.code).toBe('internal');
      expect(broken.logs.join('\n')).toContain('secret_table');
    } finally {
      await broken.close();
    }
  });
});
