import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { DEMO_PASSWORD } from '../../server/seed/accounts';
import { startServer } from '../../server/start';
import { openTestDatabase, skipReason, type TestDatabase } from '../support/databases';
import { login } from '../support/http';

const quiet = () => undefined;
const health = async (url: string) => {
  const res = await fetch(url + '/api/health');
  return { status: res.status, body: await res.json() };
};

describe.skipIf(skipReason('embedded') !== null)('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gasgrid-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  let adminPassword = '';
  it('creates the schema and loads Panji on first start, answering health only when loaded', async () => {
    const lines: string[] = [];
    const running = await startServer(readConfig({ PORT: '0', DATA_DIR: dataDir }), (l) => lines.push(l));
    try {
      const early = await health(running.url);
      expect(early.status).toBe(503);
      await running.ready;
      const ready = await health(running.url);
      expect(ready.status).toBe(200);
      expect(ready.body.database.mode).toBe('embedded');
      expect(ready.body.seed.name).toBe('panji');
      // Without ADMIN_PASSWORD the first admin gets a random password, printed once.
      adminPassword = /created user admin with password (\S+)/.exec(lines.join('\n'))?.[1] ?? '';
      expect(adminPassword.length).toBeGreaterThanOrEqual(12);
    } finally {
      await running.close();
    }
  });

  it('keeps the data on restart; --demo gives seeded accounts the demo password, loudly', async () => {
    const lines: string[] = [];
    const running = await startServer(readConfig({ PORT: '0', DATA_DIR: dataDir }), (l) => lines.push(l), { demo: true });
    try {
      await running.ready;
      expect(lines.join('\n')).toContain('already present, kept');
      expect(lines.join('\n')).toContain('DEMO MODE');
      const worker = await login(running.url, 'duan-yujie', DEMO_PASSWORD);
      expect((await worker.get('/api/auth/me')).body.grids).toEqual(['3']);
      expect(lines.join('\n')).not.toContain('created user admin');
      const admin = await login(running.url, 'admin', adminPassword);
      const me = await admin.get('/api/auth/me');
      expect(me.body).toMatchObject({ username: 'admin', roles: ['admin'], mustChangePassword: true });
    } finally {
      await running.close();
    }
  });
});

describe.skipIf(skipReason('server') !== null)(`npm start on the PostgreSQL server${skipReason('server') ? ` [skipped: ${skipReason('server')}]` : ''}`, () => {
  let handle: TestDatabase;
  afterAll(() => handle?.close());

  it('migrates and seeds through DATABASE_URL, starting empty with SEED=none', async () => {
    handle = await openTestDatabase('server');
    const running = await startServer(readConfig({ PORT: '0', DATABASE_URL: handle.url, SEED: 'none', ADMIN_PASSWORD: 'admin password 1' }), quiet);
    try {
      await running.ready;
      const ready = await health(running.url);
      expect(ready.body.database.mode).toBe('server');
      expect(ready.body.seed).toBeNull();
      const admin = await login(running.url, 'admin', 'admin password 1');
      expect((await admin.get('/api/grids')).body.features).toEqual([]);
    } finally {
      await running.close();
    }
  });
});

describe.skipIf(skipReason('embedded') !== null)('a bad configuration', () => {
  it('exits non-zero naming the variable', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid configuration:\n\s+PORT:/);
  });
});
