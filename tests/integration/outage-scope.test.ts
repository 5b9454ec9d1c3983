import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseNetwork } from '../../server/network/format';
import { importNetwork } from '../../server/network/service';
import { ReferenceNetwork } from '../../server/outages/reference';
import { outageScope } from '../../server/outages/service';
import { describeOnEachDatabase } from '../support/databases';
import { login, serveApp, TEST_PASSWORD, type Client, type TestServer } from '../support/http';
import { prng, randomNetwork } from '../support/random-network';
import { ANSWER_LISTS, loadExamples } from '../support/spec-examples';
import { prepareSeeded } from '../support/seeded';

const system = { id: null, username: 'test', ip: null };

describeOnEachDatabase('outage scope', ({ db }) => {
  let server: TestServer;
  let dispatcher: Client;
  let admin: Client;
  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    dispatcher = await login(server.url, 'dispatcher', TEST_PASSWORD);
    admin = await login(server.url, 'admin', TEST_PASSWORD);
  });
  afterAll(() => server.close());

  for (const ex of loadExamples()) {
    it(`answers every case of ${ex.file} as the contract expects`, async () => {
      const imported = await dispatcher.post('/api/network/import', ex.network);
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      const households = await admin.post('/api/households/import', ex.households);
      expect(households.status, JSON.stringify(households.body)).toBe(200);
      for (const c of ex.cases) {
        const r = await dispatcher.post('/api/outages/scope', { pipes: c.pipes, assumeInoperable: c.assumeInoperable ?? [] });
        expect(r.status).toBe(200);
        const label = `${ex.file} ${c.pipes.join(',')} stuck ${(c.assumeInoperable ?? []).join(',')}`;
        for (const key of ANSWER_LISTS) expect(r.body[key], `${label}: ${key}`).toEqual(c.expect[key]);
        expect(r.body.households.ids, `${label}: households`).toEqual(c.expect.households);
        expect(r.body.households.total).toBe(c.expect.households.length);
        expect(r.body.households.byGrid.reduce((s: number, g: { count: number }) => s + g.count, 0)).toBe(c.expect.households.length);
        const roles = new Set(r.body.geometry.features.map((f: { properties: { role: string } }) => f.properties.role));
        if (c.expect.valvesToClose.length) expect(roles.has('valve_to_close')).toBe(true);
        const lines = r.body.geometry.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'MultiLineString');
        const drawn = Object.fromEntries(lines.map((f: { properties: { role: string; count: number } }) => [f.properties.role, f.properties.count]));
        expect(drawn.isolated ?? 0, `${label}: isolated pipes drawn`).toBe(c.expect.isolatedPipes.length);
        expect(drawn.unsupplied ?? 0, `${label}: unsupplied pipes drawn`).toBe(c.expect.unsuppliedPipes.length - c.expect.isolatedPipes.length);
      }
    });
  }

  it('agrees with the in-memory reference on 40 random networks it has never seen', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const net = randomNetwork(seed);
      await importNetwork(db(), system, net.fc);
      const ref = new ReferenceNetwork(parseNetwork(net.fc));
      const rnd = prng(seed * 7919);
      for (let q = 0; q < 4; q++) {
        const pipes = [net.pipes[Math.floor(rnd() * net.pipes.length)], ...(rnd() < 0.3 ? [net.pipes[Math.floor(rnd() * net.pipes.length)]] : [])];
        const stuck = net.valves.filter(() => rnd() < 0.2);
        const sql = await outageScope(db(), pipes, stuck);
        const expected = ref.scope(pipes, stuck);
        for (const key of ANSWER_LISTS) expect(sql[key], `seed ${seed} pipes ${pipes} stuck ${stuck}: ${key}`).toEqual(expected[key]);
      }
    }
  });

  it('agrees with the reference on every single pipe of 12 random networks (the dominator intervals)', async () => {
    for (let seed = 101; seed <= 112; seed++) {
      const net = randomNetwork(seed);
      await importNetwork(db(), system, net.fc);
      const ref = new ReferenceNetwork(parseNetwork(net.fc));
      for (const pipe of net.pipes) {
        const sql = await outageScope(db(), [pipe]);
        const expected = ref.scope([pipe]);
        for (const key of ANSWER_LISTS) expect(sql[key], `seed ${seed} pipe ${pipe}: ${key}`).toEqual(expected[key]);
      }
    }
  });

  it('refuses bad questions with 4xx and changes nothing', async () => {
    const planner = await login(server.url, 'planner', TEST_PASSWORD);
    const before = await db().query('SELECT (SELECT count(*) FROM network_pipes)::int p, (SELECT count(*) FROM audit_log)::int a');
    const unknown = await dispatcher.post('/api/outages/scope', { pipes: ['P1', 'no-such-pipe'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('"no-such-pipe"');
    expect((await dispatcher.post('/api/outages/scope', { pipes: [] })).status).toBe(400);
    expect((await dispatcher.post('/api/outages/scope', {})).status).toBe(400);
    const malformed = await dispatcher.request('POST', '/api/outages/scope', '{"pipes": [', {});
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
    expect((await admin.get('/api/grids')).status).toBe(200);
    expect((await planner.post('/api/outages/scope', { pipes: ['P1'] })).status).toBe(403);
    expect(await db().query('SELECT (SELECT count(*) FROM network_pipes)::int p, (SELECT count(*) FROM audit_log)::int a')).toEqual(before);
  });
});
