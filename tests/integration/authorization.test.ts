import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../support/databases';
import { Client, login, serveApp, TEST_PASSWORD, type TestServer } from '../support/http';
import { ACCOUNTS, prepareSeeded } from '../support/seeded';

type Who = keyof typeof ACCOUNTS | 'anonymous';
const ALL: Who[] = ['admin', 'manager', 'department_head', 'dispatcher', 'planner', 'grid_worker'];
const LAYOUT_READERS: Who[] = ['admin', 'manager', 'department_head', 'dispatcher', 'planner'];

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string | ((who: Who) => string);
  body?: (who: Who) => unknown;
  /** Who is allowed; everyone else gets 403, and anonymous 401. */
  allow: Who[];
  /** The status of an allowed call, when not 200. */
  ok?: number;
}

// Every route of the API against every role. The grid worker is 段玉杰 of grid 3.
const cases: Case[] = [
  { method: 'GET', path: '/api/auth/me', allow: ALL },
  { method: 'GET', path: '/api/grids', allow: ALL },
  { method: 'GET', path: '/api/grids/3', allow: ALL },
  { method: 'GET', path: '/api/grids/1', allow: ALL.filter((w) => w !== 'grid_worker') },
  { method: 'GET', path: '/api/grids?version=1', allow: ALL },
  { method: 'GET', path: '/api/grids/versions', allow: LAYOUT_READERS },
  { method: 'GET', path: '/api/grids/export', allow: LAYOUT_READERS },
  { method: 'GET', path: '/api/grids/drafts/999999', allow: ['admin', 'planner'], ok: 404 },
  { method: 'POST', path: '/api/grids/preview', body: () => ({ grids: { type: 'Feature' } }), allow: ['admin', 'planner'], ok: 400 },
  { method: 'PUT', path: '/api/grids', body: () => ({ baseVersion: 1, note: 'x', grids: { type: 'Feature' } }), allow: ['admin', 'planner'], ok: 400 },
  { method: 'POST', path: '/api/grids/restore', body: () => ({ version: 999, baseVersion: 1 }), allow: ['admin', 'planner'], ok: 404 },
  { method: 'POST', path: '/api/grids/tools/merge', body: () => ({ grids: { type: 'Feature' }, codes: ['1', '2'] }), allow: ['admin', 'planner'], ok: 400 },
  { method: 'POST', path: '/api/grids/tools/split', body: () => ({ grids: { type: 'Feature' }, code: '1', newCode: '9', newName: '九', line: { type: 'LineString', coordinates: [] } }), allow: ['admin', 'planner'], ok: 400 },
  { method: 'POST', path: '/api/grids/tools/add', body: () => ({ grids: { type: 'Feature' }, code: '9', name: '九', polygon: { type: 'Polygon', coordinates: [] } }), allow: ['admin', 'planner'], ok: 400 },
  { method: 'GET', path: '/api/communities', allow: ALL },
  { method: 'GET', path: '/api/roads', allow: ALL },
  { method: 'GET', path: '/api/context', allow: ALL },
  { method: 'GET', path: '/api/map/config', allow: ALL },
  { method: 'GET', path: '/api/reconciliation', allow: ['admin', 'manager', 'department_head', 'planner'] },
  { method: 'GET', path: '/api/households?grid=3&limit=5', allow: ALL },
  { method: 'GET', path: '/api/households?grid=1&limit=5', allow: ALL.filter((w) => w !== 'grid_worker') },
  { method: 'GET', path: '/api/households?limit=5', allow: ALL },
  { method: 'GET', path: '/api/users', allow: ['admin'] },
  { method: 'POST', path: '/api/users', body: (w) => ({ username: `new-${w}`, displayName: '新用户', roles: ['planner'] }), allow: ['admin'], ok: 201 },
  { method: 'PATCH', path: '/api/users/ID_OF_PLANNER', body: () => ({ version: 999, displayName: '改名' }), allow: ['admin'], ok: 409 },
  { method: 'POST', path: '/api/users/ID_OF_PLANNER/password', body: () => ({ password: 'short' }), allow: ['admin'], ok: 400 },
  { method: 'GET', path: '/api/network', allow: ['admin', 'dispatcher', 'planner'] },
  { method: 'GET', path: '/api/network/summary', allow: ['admin', 'dispatcher', 'planner'] },
  { method: 'GET', path: '/api/network/tiles/14/13509/6600.pbf', allow: ['admin', 'dispatcher', 'planner'] },
  { method: 'GET', path: '/api/calls', allow: ['admin', 'dispatcher', 'grid_worker'] },
  { method: 'GET', path: '/api/calls/999999?grid=3', allow: ['admin', 'dispatcher', 'grid_worker'] },
  { method: 'POST', path: '/api/calls/notices/999999', body: () => ({ outcome: 'reached' }), allow: ['admin', 'dispatcher', 'grid_worker'], ok: 404 },
  { method: 'POST', path: '/api/network/import', body: () => ({ type: 'Feature' }), allow: ['admin', 'dispatcher'], ok: 400 },
  { method: 'POST', path: '/api/households/import', body: () => ({ type: 'Feature' }), allow: ['admin'], ok: 400 },
  { method: 'POST', path: '/api/outages/scope', body: () => ({ pipes: ['P1'] }), allow: ['admin', 'dispatcher'] },
  { method: 'GET', path: '/api/audit', allow: ['admin'] },
  { method: 'GET', path: '/api/audit/export.csv', allow: ['admin'] },
];

describeOnEachDatabase('authorisation of every route', ({ db }) => {
  let server: TestServer;
  const clients = new Map<Who, Client>();
  let plannerId = 0;

  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    for (const who of ALL) clients.set(who, await login(server.url, ACCOUNTS[who as keyof typeof ACCOUNTS], TEST_PASSWORD));
    clients.set('anonymous', new Client(server.url));
    [{ id: plannerId }] = await db().query<{ id: number }>(`SELECT id FROM users WHERE username = 'planner'`);
  });
  afterAll(() => server.close());

  for (const c of cases) {
    for (const who of [...ALL, 'anonymous'] as Who[]) {
      const allowed = c.allow.includes(who);
      const expected = who === 'anonymous' ? 401 : allowed ? (c.ok ?? 200) : 403;
      const label = typeof c.path === 'string' ? c.path : c.path(who);
      it(`${c.method} ${label} as ${who} → ${expected}`, async () => {
        const path = (typeof c.path === 'string' ? c.path : c.path(who)).replace('ID_OF_PLANNER', String(plannerId));
        const before = await db().query('SELECT count(*)::int n, max(version)::int v FROM users');
        const r = await clients.get(who)!.request(c.method, path, c.body?.(who));
        expect(r.status, JSON.stringify(r.body)).toBe(expected);
        if (expected === 401 || expected === 403) {
          expect(r.body.error.code).toMatch(/^(unauthorized|forbidden)$/);
          expect(await db().query('SELECT count(*)::int n, max(version)::int v FROM users')).toEqual(before);
        }
      });
    }
  }

  it('keeps a grid worker to their own grids in an unfiltered list', async () => {
    const r = await clients.get('grid_worker')!.get('/api/households?limit=1000');
    expect(r.body.total).toBe(4532);
    expect(new Set(r.body.items.map((h: { grid_code: string }) => h.grid_code))).toEqual(new Set(['3']));
  });

  it('masks names and phones for roles that do not need them', async () => {
    const sample = async (who: Who) => (await clients.get(who)!.get('/api/households?grid=3&community=3-01&limit=3')).body.items;
    for (const who of ['manager', 'department_head', 'planner'] as Who[]) {
      for (const h of await sample(who)) {
        expect(h.masked).toBe(true);
        expect(h.name).toMatch(/^.\*+$/u);
        if (h.phone) expect(h.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
      }
    }
    for (const who of ['admin', 'dispatcher', 'grid_worker'] as Who[]) {
      for (const h of await sample(who)) {
        expect(h.masked).toBe(false);
        expect(h.name).not.toContain('*');
        if (h.phone) expect(h.phone).toMatch(/^1\d{10}$/);
      }
    }
  });
});
