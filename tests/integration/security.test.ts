import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_FAILURES_PER_USER } from '../../server/auth/service';
import { describeOnEachDatabase } from '../support/databases';
import { Client, login, serveApp, TEST_PASSWORD, type TestServer } from '../support/http';
import { prepareSeeded } from '../support/seeded';

describeOnEachDatabase('hardening', ({ db }) => {
  let server: TestServer;
  let admin: Client;
  const snapshot = () =>
    db().query(`SELECT (SELECT count(*) FROM users)::int u, (SELECT count(*) FROM grids)::int g, (SELECT count(*) FROM households)::int h,
                       (SELECT max(version) FROM users)::int v`);
  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    admin = await login(server.url, 'admin', TEST_PASSWORD);
  });
  afterAll(() => server.close());

  it('locks a username after repeated failures, the same for a known and an unknown user', async () => {
    const anon = new Client(server.url);
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i <= MAX_FAILURES_PER_USER; i++) {
        const r = await anon.post('/api/auth/login', { username, password: `wrong-${i}` });
        out.push(`${r.status} ${JSON.stringify(r.body)}`);
      }
      return out;
    };
    const known = await answers('planner');
    const unknown = await answers('nobody-here');
    expect(known).toEqual(unknown);
    expect(known.slice(0, MAX_FAILURES_PER_USER).every((a) => a.startsWith('401'))).toBe(true);
    expect(known[MAX_FAILURES_PER_USER]).toMatch(/^429 .*too_many_attempts/);
    // Locked even with the right password.
    expect((await anon.post('/api/auth/login', { username: 'planner', password: TEST_PASSWORD })).status).toBe(429);
  });

  it('treats SQL in inputs as text', async () => {
    const before = await snapshot();
    const anon = new Client(server.url);
    expect((await anon.post('/api/auth/login', { username: "admin' --", password: "' OR '1'='1" })).status).toBe(401);
    expect((await admin.get(`/api/grids/${encodeURIComponent("3' OR '1'='1")}`)).status).toBe(400);
    const q = await admin.get(`/api/households?q=${encodeURIComponent("'; DROP TABLE households; --")}`);
    expect(q.status).toBe(200);
    expect(q.body.total).toBe(0);
    const wild = await admin.get(`/api/households?q=${encodeURIComponent('%')}`);
    expect(wild.body.total).toBe(0);
    const name = "Robert'); DROP TABLE users; --";
    const created = await admin.post('/api/users', { username: 'bobby', displayName: name, roles: ['planner'] });
    expect(created.body.display_name).toBe(name);
    const after = await snapshot();
    expect(after[0]).toMatchObject({ g: before[0].g, h: before[0].h });
  });

  it('refuses oversized bodies and changes nothing', async () => {
    const before = await snapshot();
    const big = await admin.post('/api/auth/login', { username: 'admin', password: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    const huge = await admin.post('/api/users', { username: 'huge', displayName: 'x'.repeat(3_000_000), roles: ['planner'] });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed JSON with 400', async () => {
    const r = await admin.request('POST', '/api/users', '{"username": ', {});
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_json');
  });

  it('serves no file outside the client through path traversal', async () => {
    for (const p of ['/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/api/grids/..%2f..%2fetc%2fpasswd']) {
      const res = await fetch(server.url + p, { headers: { cookie: admin.cookie! } });
      const text = await res.text();
      expect(text, p).not.toContain('root:');
      expect(text, p).not.toContain('"devDependencies"');
    }
  });

  it('sends security headers and never a stack trace', async () => {
    const res = await fetch(server.url + '/api/grids/9', { headers: { cookie: admin.cookie! } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(await res.text()).not.toMatch(/at .*\.ts:\d+/);
  });
});
