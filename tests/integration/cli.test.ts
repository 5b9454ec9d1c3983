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

  it('imports a grid layout as the next version, exports it, and refuses a bad one naming the grid', () => {
    const square = (x: number) => [[[x, 32.7], [x + 0.01, 32.7], [x + 0.01, 32.71], [x, 32.71], [x, 32.7]]];
    const layout = (second: number[][][]) => ({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'A', name: '甲网格' }, geometry: { type: 'Polygon', coordinates: square(116.8) } },
        { type: 'Feature', properties: { code: 'B', name: '乙网格' }, geometry: { type: 'Polygon', coordinates: second } },
      ],
    });
    const good = path.join(dir, 'grids.geojson');
    writeFileSync(good, JSON.stringify(layout(square(116.81))));
    const ok = cli('import', 'grids', good, '两个网格');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n').pop()!)).toMatchObject({ version: 1, added: ['A', 'B'] });

    const bowtie = [[[116.81, 32.7], [116.82, 32.71], [116.82, 32.7], [116.81, 32.71], [116.81, 32.7]]];
    const bad = path.join(dir, 'bad-grids.geojson');
    writeFileSync(bad, JSON.stringify(layout(bowtie)));
    const refused = cli('import', 'grids', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/feature "B": invalid geometry: Self-intersection/);

    const out = path.join(dir, 'grids-out.geojson');
    expect(cli('export', 'grids', out).status).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    expect(exported.version).toBe(1);
    expect(exported.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['A', 'B']);
  });
});
