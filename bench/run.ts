// npm run bench: start-up and grid-map API timings on embedded PGlite (and the PostgreSQL server when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set), each beside a baseline measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../server/config';
import { openDatabase } from '../server/db/index';
import { startServer } from '../server/start';
import { table, timeRepeated } from './stats';

const REPEAT = 50;
const rows: (string | number)[][] = [];
const ms = (v: number) => v.toFixed(1);
const mib = () => (process.memoryUsage().rss / 2 ** 20).toFixed(0);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** Baseline: what PGlite with PostGIS costs before GasGrid does anything. */
async function embeddedBaseline(dir: string): Promise<{ create: number; reopen: number }> {
  const [db, create] = await timed(async () => {
    const d = await openDatabase({ dataDir: dir });
    await d.exec('CREATE EXTENSION IF NOT EXISTS postgis');
    return d;
  });
  await db.close();
  const [db2, reopen] = await timed(() => openDatabase({ dataDir: dir }));
  await db2.close();
  return { create, reopen };
}

async function apiTimings(label: string, env: NodeJS.ProcessEnv): Promise<void> {
  const running = await startServer(readConfig({ PORT: '0', ...env }), () => undefined);
  await running.ready;
  const base = await timeRepeated(REPEAT, () => fetch(running.url + '/api/health').then((r) => r.json()));
  for (const route of ['/api/grids', '/api/grids/3', '/api/communities', '/api/reconciliation']) {
    const t = await timeRepeated(REPEAT, () => fetch(running.url + route).then((r) => r.json()));
    rows.push([label, `GET ${route}`, ms(t.p50), ms(t.p95), `GET /api/health p50 ${ms(base.p50)} / p95 ${ms(base.p95)}`, mib()]);
  }
  await running.close();
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'gasgrid-bench-'));
  try {
    const baseline = await embeddedBaseline(path.join(root, 'baseline'));
    const appDir = path.join(root, 'app');
    for (const [what, base] of [
      ['first start to ready (create, migrate, load Panji)', baseline.create],
      ['restart to ready (data kept)', baseline.reopen],
    ] as const) {
      const [running, t] = await timed(async () => {
        const r = await startServer(readConfig({ PORT: '0', DATA_DIR: appDir }), () => undefined);
        await r.ready;
        return r;
      });
      await running.close();
      rows.push(['embedded', what, ms(t), '', `bare PGlite+PostGIS ${ms(base)}`, mib()]);
    }
    await apiTimings('embedded', { DATA_DIR: appDir });
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (url) {
      // Reuses that database: the seed loads once and is kept on later runs.
      await apiTimings('server', { DATABASE_URL: url });
    } else {
      rows.push(['server', '(skipped: set BENCH_DATABASE_URL)', '', '', '', '']);
    }
    console.log(`\nGasGrid bench, ${new Date().toISOString()}, Node ${process.version}, ${REPEAT} requests per route\n`);
    console.log(table(['database', 'what', 'ms (p50 / once)', 'p95 ms', 'baseline, same run', 'RSS MiB'], rows));
    console.log('\nTarget: first start to ready ≤ 20 000 ms on a 2-core machine.');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
