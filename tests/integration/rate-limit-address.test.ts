import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ADDRESS } from '../../server/auth/service';
import { describeOnEachDatabase } from '../support/databases';
import { Client, serveApp, TEST_PASSWORD, type TestServer } from '../support/http';
import { prepareSeeded } from '../support/seeded';

// Its own file and database: once this address is locked, nobody else here can log in for a while.
describeOnEachDatabase('login rate limit per address', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
  });
  afterAll(() => server.close());

  it('locks an address that tries many usernames', async () => {
    const anon = new Client(server.url);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect((await anon.post('/api/auth/login', { username: `guess-${i}`, password: 'wrong password' })).status).toBe(401);
    }
    const r = await anon.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD });
    expect(r.status).toBe(429);
    const [n] = await db().query<{ n: number }>(`SELECT count(*)::int n FROM sessions`);
    expect(n.n).toBe(0);
  });
});
