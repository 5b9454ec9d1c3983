import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureUnits } from '../../server/network/service';
import { describeOnEachDatabase } from '../support/databases';
import { login, serveApp, TEST_PASSWORD, type Client, type Json, type TestServer } from '../support/http';
import { loadExamples } from '../support/spec-examples';
import { prepareSeeded } from '../support/seeded';

const example = () => structuredClone(loadExamples().find((e) => e.file.startsWith('03'))!.network) as { features: Json[] };
const byId = (fc: { features: Json[] }, id: string) => fc.features.find((f) => f.properties.id === id)!;

describeOnEachDatabase('network import and export', ({ db }) => {
  let server: TestServer;
  let dispatcher: Client;
  const counts = () => db().query('SELECT (SELECT count(*) FROM network_nodes)::int n, (SELECT count(*) FROM network_pipes)::int p');
  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    dispatcher = await login(server.url, 'dispatcher', TEST_PASSWORD);
    expect((await dispatcher.post('/api/network/import', example())).status).toBe(200);
  });
  afterAll(() => server.close());

  it('answers counts by kind and exports the same network back', async () => {
    const r = await dispatcher.post('/api/network/import', example());
    const input = example();
    const kinds: Record<string, number> = {};
    for (const f of input.features) if (f.properties.kind !== 'pipe') kinds[f.properties.kind] = (kinds[f.properties.kind] ?? 0) + 1;
    expect(r.body.counts.nodes).toEqual(kinds);
    expect(r.body.counts.pipes).toBe(input.features.filter((f) => f.properties.kind === 'pipe').length);
    // Coordinates come back at 9 decimals (about 0.1 mm), so both sides are compared at that precision.
    const exported = (await dispatcher.get('/api/network')).body as { features: Json[] };
    const norm = (fc: { features: Json[] }) =>
      fc.features
        .map((f) => ({ ...f.properties, state: f.properties.state ?? (f.properties.kind === 'valve' ? 'open' : undefined), operable: f.properties.operable ?? (f.properties.kind === 'valve' ? true : undefined), coordinates: JSON.stringify(f.geometry.coordinates, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)) }))
        .map((p) => JSON.stringify(Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined).sort())))
        .sort();
    expect(norm(exported)).toEqual(norm(input));
  });

  it('computes the isolation units again when an upgrade dropped them, keeping every answer and household', async () => {
    const ask = () => dispatcher.post('/api/outages/scope', { pipes: ['P2'] });
    const before = (await ask()).body;
    expect(before.unsuppliedPipes).toContain('P2');
    const attached = () => db().query<{ n: number }>('SELECT count(*)::int n FROM households WHERE service_node IS NOT NULL');
    const households = await attached();
    expect(await ensureUnits(db())).toBe(false);
    await db().query('DELETE FROM network_unit_feeds');
    await db().query('DELETE FROM network_units');
    expect(await ensureUnits(db())).toBe(true);
    expect((await ask()).body).toEqual(before);
    expect(await attached()).toEqual(households);
  });

  const bad: [string, (fc: { features: Json[] }) => void, RegExp][] = [
    ['an unknown kind', (fc) => (byId(fc, 'J1').properties.kind = 'teapot'), /"J1": unknown kind "teapot"/],
    ['a duplicate id', (fc) => fc.features.push(structuredClone(byId(fc, 'J1'))), /"J1": duplicate id/],
    ['a pipe end that is no node', (fc) => (byId(fc, 'P4').properties.to = 'nowhere'), /"P4": pipe end "nowhere" is no node/],
    ['a regulator without inlet', (fc) => delete byId(fc, 'R1').properties.inlet, /"R1": a regulator needs inlet/],
    ['a regulator whose inlet is not attached', (fc) => (byId(fc, 'R1').properties.inlet = 'P10'), /"R1": inlet pipe "P10" is not attached/],
    ['a wrong geometry type', (fc) => (byId(fc, 'P4').geometry = { type: 'Point', coordinates: [116.8, 32.77] }), /"P4": a pipe must be a LineString/],
    ['coordinates out of range', (fc) => (byId(fc, 'J1').geometry.coordinates = [216.8, 32.77]), /"J1": coordinates out of range/],
    ['no FeatureCollection', (fc) => ((fc as Json).type = 'Feature'), /not a GeoJSON FeatureCollection/],
  ];
  for (const [what, edit, message] of bad) {
    it(`refuses ${what}, naming the feature, and keeps the stored network`, async () => {
      const before = await counts();
      const fc = example();
      edit(fc);
      const r = await dispatcher.post('/api/network/import', fc);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_geojson');
      expect(r.body.error.message).toMatch(message);
      expect(await counts()).toEqual(before);
    });
  }

  it('refuses invalid JSON', async () => {
    const r = await dispatcher.request('POST', '/api/network/import', '{"type": "FeatureCollection", ', {});
    expect(r.status).toBe(400);
  });

  it('refuses a household on a node that is not a service point, with the whole import', async () => {
    const admin = await login(server.url, 'admin', TEST_PASSWORD);
    const [before] = await db().query<{ n: number }>('SELECT count(*)::int n FROM households WHERE retired_at IS NULL');
    const r = await admin.post('/api/households/import', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [116.8, 32.77] }, properties: { id: 'ok-1' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [116.8, 32.77] }, properties: { id: 'bad-1', service: 'J1' } },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/"bad-1": service "J1" is not a service node/);
    const [after] = await db().query<{ n: number }>('SELECT count(*)::int n FROM households WHERE retired_at IS NULL');
    expect(after.n).toBe(before.n);
  });

  it('detaches households whose service point the new network lacks, and counts them', async () => {
    const admin = await login(server.url, 'admin', TEST_PASSWORD);
    const ex = loadExamples().find((e) => e.file.startsWith('03'))!;
    expect((await admin.post('/api/households/import', ex.households)).status).toBe(200);
    const smaller = example();
    const gone = 'C1';
    smaller.features = smaller.features.filter((f) => f.properties.id !== gone && f.properties.from !== gone && f.properties.to !== gone);
    const r = await dispatcher.post('/api/network/import', smaller);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const onC1 = ex.households.features.filter((f) => f.properties.service === gone).length;
    expect(onC1).toBeGreaterThan(0);
    expect(r.body.detachedHouseholds).toBe(onC1);
  });
});
