import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { startServer } from '../../server/start';
import { openTestDatabase, skipReason, type TestDatabase } from '../support/databases';

const quiet = () => undefined;
const health = async (url: string) => {
  const res = await fetch(url + '/api/health');
  return { status: res.status, body: await res.json() };
};

describe.skipIf(skipReason('embedded') !== null)('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gasgrid-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the schema and loads Panji on first start, answering health only when loaded', async () => {
    const running = await startServer(readConfig({ PORT: '0', DATA_DIR: dataDir }), quiet);
    try {
      const early = await health(running.url);
      expect(early.status).toBe(503);
      await running.ready;
      const ready = await health(running.url);
      expect(ready.status).toBe(200);
      expect(ready.body.database.mode).toBe('embedded');
      expect(ready.body.seed.name).toBe('panji');
    } finally {
      await running.close();
    }
  });

  it('keeps the data on restart', async () => {
    const lines: string[] = [];
    const running = await startServer(readConfig({ PORT: '0', DATA_DIR: dataDir }), (l) => lines.push(l));
    try {
      await running.ready;
      expect(lines.join('\n')).toContain('already present, kept');
      const grids = await (await fetch(running.url + '/api/grids')).json();
      expect(grids.features).toHaveLength(4);
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
    const running = await startServer(readConfig({ PORT: '0', DATABASE_URL: handle.url, SEED: 'none' }), quiet);
    try {
      await running.ready;
      const ready = await health(running.url);
      expect(ready.body.database.mode).toBe('server');
      expect(ready.body.seed).toBeNull();
      expect((await (await fetch(running.url + '/api/grids')).json()).features).toEqual([]);
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
