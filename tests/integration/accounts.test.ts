import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../support/databases';
import { Client, login, serveApp, setPasswords, TEST_PASSWORD, type TestServer } from '../support/http';
import { prepareSeeded } from '../support/seeded';

describeOnEachDatabase('accounts, sessions and the audit log', ({ db }) => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    admin = await login(server.url, 'admin', TEST_PASSWORD);
  });
  afterAll(() => server.close());

  it('seeds the organisation: a grid-worker account for every grid, none able to log in yet', async () => {
    const rows = await db().query<{ code: string; n: number }>(
      `SELECT g.code, count(ug.user_id)::int n FROM grids g LEFT JOIN user_grids ug ON ug.grid_code = g.code
       LEFT JOIN user_roles r ON r.user_id = ug.user_id AND r.role = 'grid_worker' GROUP BY g.code ORDER BY g.code`,
    );
    expect(rows.every((r) => r.n >= 1)).toBe(true);
    const r = await new Client(server.url).post('/api/auth/login', { username: 'cao-yinyin', password: 'anything at all' });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid_credentials');
  });

  it('sets an httpOnly, SameSite=Strict cookie and keeps the session in the database', async () => {
    const c = new Client(server.url);
    const r = await c.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD });
    expect(r.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    // A second app server over the same database accepts the same cookie: nothing lives in process memory.
    const other = await serveApp(db);
    try {
      const me = await new Client(other.url, c.cookie).get('/api/auth/me');
      expect(me.body.username).toBe('admin');
    } finally {
      await other.close();
    }
  });

  it('ends a session that has expired', async () => {
    const c = await login(server.url, 'planner', TEST_PASSWORD);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    await db().query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE username = 'planner')`);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('ends the session on logout', async () => {
    const c = await login(server.url, 'planner', TEST_PASSWORD);
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await new Client(server.url, cookie).get('/api/auth/me')).status).toBe(401);
  });

  it('refuses changes without the CSRF token or from another origin', async () => {
    const noToken = new Client(server.url, admin.cookie);
    const r = await noToken.post('/api/users', { username: 'csrf-victim', displayName: 'x', roles: ['planner'] });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf');
    const foreign = await admin.request('POST', '/api/users', { username: 'csrf-victim', displayName: 'x', roles: ['planner'] }, { origin: 'http://evil.example' });
    expect(foreign.body.error.code).toBe('bad_origin');
    const sandboxed = await admin.request('POST', '/api/users', { username: 'csrf-victim', displayName: 'x', roles: ['planner'] }, { origin: 'null' });
    expect(sandboxed.status).toBe(403);
    expect(sandboxed.body.error.code).toBe('bad_origin');
    expect(await db().query(`SELECT 1 FROM users WHERE username = 'csrf-victim'`)).toEqual([]);
  });

  it('creates a user, audits it, and detects a conflicting edit', async () => {
    const created = await admin.post('/api/users', { username: 'wang-new', displayName: '王新', roles: ['grid_worker'], grids: ['2'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'wang-new', roles: ['grid_worker'], grids: ['2'], has_password: false, version: 1 });
    const id = created.body.id;
    const first = await admin.patch(`/api/users/${id}`, { version: 1, grids: ['2', '3'] });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.patch(`/api/users/${id}`, { version: 1, displayName: '王旧' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.grids).toEqual(['2', '3']);
    expect((await db().query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [id]))[0].display_name).toBe('王新');
    const audit = await admin.get(`/api/audit?action=user.update&q=${id}`);
    const entry = audit.body.items.find((e: { entity_id: string }) => e.entity_id === String(id));
    expect(entry.actor_username).toBe('admin');
    expect(entry.before.grids).toEqual(['2']);
    expect(entry.after.grids).toEqual(['2', '3']);
  });

  it('refuses bad user input with a message naming it, changing nothing', async () => {
    const count = async () => (await db().query<{ n: number }>('SELECT count(*)::int n FROM users'))[0].n;
    const n = await count();
    const cases = [
      { username: 'Bad Name!', displayName: 'x', roles: ['planner'] },
      { username: 'ok-name', displayName: 'x', roles: ['wizard'] },
      { username: 'ok-name', displayName: 'x', roles: ['grid_worker'], grids: [] },
      { username: 'ok-name', displayName: 'x', roles: ['grid_worker'], grids: ['99'] },
      { username: 'admin', displayName: 'x', roles: ['planner'] },
    ];
    const answers = [];
    for (const body of cases) answers.push((await admin.post('/api/users', body)).body.error.message);
    expect(answers[0]).toMatch(/username/);
    expect(answers[1]).toMatch(/roles/);
    expect(answers[2]).toMatch(/at least one grid/);
    expect(answers[3]).toMatch(/no grid with code "99"/);
    expect(answers[4]).toMatch(/taken/);
    expect(await count()).toBe(n);
  });

  it('forces a password change after an admin reset and ends the old sessions', async () => {
    const [{ id }] = await db().query<{ id: number }>(`SELECT id FROM users WHERE username = 'liu-jie'`);
    const old = await login(server.url, 'liu-jie', TEST_PASSWORD);
    expect((await admin.post(`/api/users/${id}/password`, { password: 'temporary-pass-1' })).status).toBe(200);
    expect((await old.get('/api/grids')).status).toBe(401);
    const fresh = await login(server.url, 'liu-jie', 'temporary-pass-1');
    const blocked = await fresh.get('/api/grids');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await fresh.post('/api/auth/password', { currentPassword: 'temporary-pass-1', newPassword: 'short' })).status).toBe(400);
    expect((await fresh.post('/api/auth/password', { currentPassword: 'temporary-pass-1', newPassword: 'a much longer pass' })).status).toBe(200);
    expect((await fresh.get('/api/grids')).status).toBe(200);
    await setPasswords(db(), ['liu-jie']);
  });

  it('logs a disabled user out at once', async () => {
    const c = await login(server.url, 'dispatcher', TEST_PASSWORD);
    const [u] = await db().query<{ id: number; version: number }>(`SELECT id, version FROM users WHERE username = 'dispatcher'`);
    expect((await admin.patch(`/api/users/${u.id}`, { version: u.version, disabled: true })).status).toBe(200);
    expect((await c.get('/api/grids')).status).toBe(401);
    const again = await new Client(server.url).post('/api/auth/login', { username: 'dispatcher', password: TEST_PASSWORD });
    expect(again.status).toBe(401);
  });

  it('exports the audit log as CSV', async () => {
    const res = await fetch(server.url + '/api/audit/export.csv?action=user.create', { headers: { cookie: admin.cookie! } });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs for Chinese
    const text = bytes.toString('utf8');
    expect(text).toContain('id,time');
    expect(text).toContain('wang-new');
  });
});
