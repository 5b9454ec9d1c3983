// npm run bench: start-up, grid-map API and outage-scope timings on embedded PGlite and (with BENCH_DATABASE_URL or
// TEST_DATABASE_URL) the PostgreSQL server, each beside a baseline measured in the same run.
// BENCH_SIZES=10000,100000,1000000 picks the network sizes (default 10000,100000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCityNetwork } from '../geodata/network-generator';
import { prng } from '../geodata/prng';
import { readConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/index';
import { migrate } from '../server/db/migrate';
import { parseNetwork } from '../server/network/format';
import { importNetwork } from '../server/network/service';
import { ReferenceNetwork } from '../server/outages/reference';
import { outageScope } from '../server/outages/service';
import { networkTile } from '../server/network/tiles';
import { startServer } from '../server/start';
import { layoutBench } from './layout';
import { table, timeRepeated } from './stats';

const REPEAT = 50;
const QUESTIONS = 40;
const startRows: (string | number)[][] = [];
const scopeRows: (string | number)[][] = [];
const tileRows: (string | number)[][] = [];
const layoutRows: (string | number)[][] = [];
const layoutHouseholds = Number(process.env.BENCH_LAYOUT_HOUSEHOLDS ?? 1_000_000);
const ms = (v: number) => v.toFixed(1);
const mib = () => (process.memoryUsage().rss / 2 ** 20).toFixed(0);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);

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

async function startup(root: string): Promise<string> {
  const baseline = await embeddedBaseline(path.join(root, 'baseline'));
  const appDir = path.join(root, 'app');
  for (const [what, base] of [
    ['first start to ready (create, migrate, load Panji)', baseline.create],
    ['restart to ready (data kept)', baseline.reopen],
  ] as const) {
    const [running, t] = await timed(async () => {
      const r = await startServer(readConfig({ PORT: '0', DATA_DIR: appDir, ADMIN_PASSWORD: 'bench password' }), () => undefined);
      await r.ready;
      return r;
    });
    await running.close();
    startRows.push(['embedded', what, ms(t), '', `bare PGlite+PostGIS ${ms(base)}`, mib()]);
  }
  return appDir;
}

async function apiTimings(label: string, env: NodeJS.ProcessEnv): Promise<void> {
  const running = await startServer(readConfig({ PORT: '0', ADMIN_PASSWORD: 'bench password', ...env }), () => undefined);
  await running.ready;
  const login = await fetch(running.url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench password' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const get = (route: string) => fetch(running.url + route, { headers: { cookie } }).then((r) => r.json());
  const base = await timeRepeated(REPEAT, () => get('/api/health'));
  for (const route of ['/api/grids', '/api/grids/3', '/api/communities', '/api/reconciliation']) {
    const t = await timeRepeated(REPEAT, () => get(route));
    startRows.push([label, `GET ${route}`, ms(t.p50), ms(t.p95), `GET /api/health p50 ${ms(base.p50)} / p95 ${ms(base.p95)}`, mib()]);
  }
  await running.close();
}

type Question = [pipes: string[], stuck: string[]];

/** One network size on one database: load time, the scope questions, and network tiles. */
async function scopeOn(label: string, db: Database, fc: ReturnType<typeof generateCityNetwork>, questions: Question[], floor: { p50: number; p95: number }): Promise<void> {
  await migrate(db);
  const [, load] = await timed(() => importNetwork(db, { id: null, username: 'bench', ip: null }, fc, 'bench'));
  // Three questions first, not timed: the first statement on a fresh connection pays for planning and cold caches.
  for (const [pipes, stuck] of questions.slice(0, 3)) await outageScope(db, pipes, stuck);
  let i = 0;
  const lost: number[] = [];
  const t = await timeRepeated(questions.length, async () => {
    const [pipes, stuck] = questions[i++ % questions.length];
    lost.push((await outageScope(db, pipes, stuck)).unsuppliedPipes.length);
  });
  const pipes = fc.features.filter((f) => f.properties?.kind === 'pipe').length;
  lost.sort((a, b) => a - b);
  scopeRows.push([label, pipes, ms(load / 1000), ms(t.p50), ms(t.p95), `${lost[lost.length >> 1]} / ${lost[lost.length - 1]}`, `in-memory BFS p50 ${ms(floor.p50)} / p95 ${ms(floor.p95)}`, mib()]);
  await tileTimings(label, db, pipes, fc);
}

/** Network tiles at the middle of the network, close up and far out, beside the bare bounding-box query. */
async function tileTimings(label: string, db: Database, pipes: number, fc: ReturnType<typeof generateCityNetwork>): Promise<void> {
  const xs = fc.features.flatMap((f) => (f.geometry.type === 'Point' ? [f.geometry.coordinates] : []));
  const [lon, lat] = xs[xs.length >> 1];
  for (const z of [16, 14, 11]) {
    const n = 2 ** z;
    const x = Math.floor(((lon + 180) / 360) * n);
    const r = (lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
    // The first request cuts the tile; up to zoom 13 the later ones are read back from the tile cache.
    const [first, cut] = await timed(() => networkTile(db, { z, x, y }));
    const t = await timeRepeated(10, () => networkTile(db, { z, x, y }));
    const base = await timeRepeated(10, () => db.query(BBOX_COUNT, [z, x, y]));
    tileRows.push([label, pipes, `${z}/${x}/${y}`, ms(cut), ms(t.p50), ms(t.p95), (first.length / 1024).toFixed(0), `bounding-box count p50 ${ms(base.p50)}`]);
  }
}

const BBOX_COUNT = 'SELECT count(*) FROM network_pipes WHERE geom && ST_Transform(ST_TileEnvelope($1, $2, $3), 4326)';

async function scopeBench(root: string): Promise<void> {
  for (const size of sizes) {
    const fc = generateCityNetwork(size, size);
    const network = parseNetwork(fc);
    const rnd = prng(size);
    const pick = () => network.pipes[Math.floor(rnd() * network.pipes.length)].id;
    const ref = new ReferenceNetwork(network);
    // Mostly one pipe; every fifth two pipes; every seventh with its first valve to close assumed stuck.
    const questions = Array.from({ length: QUESTIONS }, (_, k): Question => {
      const pipes = k % 5 === 4 ? [pick(), pick()] : [pick()];
      return [pipes, k % 7 === 6 ? ref.scope(pipes).valvesToClose.slice(0, 1) : []];
    });
    let q = 0;
    const floor = await timeRepeated(questions.length, async () => ref.scope(...questions[q++ % questions.length]));
    const embedded = await openDatabase({ dataDir: path.join(root, `net-${size}`) });
    try {
      await scopeOn('embedded', embedded, fc, questions, floor);
    } finally {
      await embedded.close();
    }
    if (serverUrl) {
      const server = await openDatabase({ url: serverUrl });
      try {
        await scopeOn('server', server, fc, questions, floor);
      } finally {
        await server.close();
      }
    }
  }
}

/** Layout preview and save on Panji and on the lattice city, embedded and (when configured) on the server. */
async function layoutBenches(root: string): Promise<void> {
  for (const households of ['panji', layoutHouseholds] as const) {
    const embedded = await openDatabase({ dataDir: path.join(root, `layout-${households}`) });
    try {
      await layoutBench(embedded, 'embedded', households, layoutRows);
    } finally {
      await embedded.close();
    }
    if (!serverUrl) continue;
    // A database of its own, made and dropped here, so the bench never touches data it did not make.
    const admin = await openDatabase({ url: serverUrl });
    const name = `gasgrid_bench_layout_${process.pid}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const server = await openDatabase({ url: url.toString() });
    try {
      await layoutBench(server, 'server', households, layoutRows);
    } finally {
      await server.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    }
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'gasgrid-bench-'));
  try {
    const appDir = await startup(root);
    await apiTimings('embedded', { DATA_DIR: appDir });
    if (serverUrl) await apiTimings('server', { DATABASE_URL: serverUrl });
    await scopeBench(root);
    await layoutBenches(root);
    console.log(`\nGasGrid bench, ${new Date().toISOString()}, Node ${process.version}; server: ${serverUrl ? 'yes' : 'skipped (set BENCH_DATABASE_URL)'}\n`);
    console.log(table(['database', 'what', 'ms (p50 / once)', 'p95 ms', 'baseline, same run', 'RSS MiB'], startRows));
    console.log(`\nOutage scope, ${QUESTIONS} questions per size (one pipe; every fifth two pipes; every seventh a valve stuck):\n`);
    console.log(table(['database', 'pipes', 'load s', 'scope p50 ms', 'scope p95 ms', 'pipes losing gas p50 / max', 'floor, same run', 'RSS MiB'], scopeRows));
    console.log('\nNetwork vector tiles at the middle of the network (one first request, then 10; zoom ≤ 14 is kept once cut):\n');
    console.log(table(['database', 'pipes', 'tile z/x/y', 'first (cut) ms', 'then p50 ms', 'then p95 ms', 'KiB', 'baseline, same run'], tileRows));
    console.log('\nGrid layout: preview and save of one moved shared vertex, and a restore of version 1:\n');
    console.log(table(['database', 'city', 'grids', 'households', 'households moving', 'preview p50 ms', 'save ms', 'restore ms', 'baseline, same run'], layoutRows));
    console.log('\nTargets: first start ≤ 20 s; scope p95 ≤ 50 ms at 100k pipes and ≤ 250 ms at 1M on the server; embedded within 4× of the server; 1M pipes load < 2 min.');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
