import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { skipReason } from '../support/databases';
import { loadExamples } from '../support/spec-examples';

const dir = mkdtempSync(path.join(tmpdir(), 'gasgrid-cli-'));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe.skipIf(skipReason('embedded') !== null)('npm run gasgrid -- import network FILE', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a network file, exports it back, and refuses a bad file naming the feature', () => {
    const ex = loadExamples().find((e) => e.file.startsWith('02'))!;
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(ex.network));
    const ok = cli('import', 'network', good);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n').pop()!).counts.pipes).toBeGreaterThan(0);

    const bad = path.join(dir, 'bad.json');
    const broken = structuredClone(ex.network) as { features: { properties: Record<string, unknown> }[] };
    broken.features.find((f) => f.properties.kind === 'pipe')!.properties.from = 'ghost';
    writeFileSync(bad, JSON.stringify(broken));
    const refused = cli('import', 'network', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/bad\.json: feature "P\w+": pipe end "ghost" is no node/);

    const out = path.join(dir, 'out.json');
    expect(cli('export', 'network', out).status).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    expect(exported.features).toHaveLength((ex.network as { features: unknown[] }).features.length);
  });
});
