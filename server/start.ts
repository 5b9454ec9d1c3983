// Starts GasGrid: listens at once (health says 503), opens the database, migrates, seeds, then reports ready.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { Config } from './config';
import { openDatabase, type Database } from './db/index';
import { migrate } from './db/migrate';
import { newReadiness } from './readiness';
import { ensureAdmin, setDemoPasswords } from './seed/accounts';
import { loadPanjiSeed } from './seed/panji';
import { ensureUnits } from './network/service';
import { startOutbox } from './outages/outbox';
import { recordingGateway, webhookGateway } from './outages/sms';

export interface Running {
  url: string;
  port: number;
  /** Resolves once the data is loaded; rejects if start-up failed (the server then closes). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** --demo: give every account without a password the demo password, and say so loudly. */
  demo?: boolean;
}

export async function startServer(config: Config, log: (line: string) => void = console.log, opts: StartOptions = {}): Promise<Running> {
  const t0 = performance.now();
  const readiness = newReadiness();
  let db: Database | undefined;
  const app = createApp({ config, readiness, db: () => (readiness.ready ? db : undefined), log });
  const server = app.listen(config.port);
  // Longer than browsers' and proxies' idle keep-alive, so a reused connection is not closed under a request.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const port = (server.address() as AddressInfo).port;
  let stopOutbox = () => undefined as void;
  const close = async () => {
    stopOutbox();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db?.close().catch(() => undefined);
    db = undefined;
  };
  const step = (s: string) => log(`gasgrid: ${s} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const ready = (async () => {
    readiness.phase = 'database';
    if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
    db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
    step(config.databaseUrl ? 'connected to the PostgreSQL server' : `embedded PostgreSQL open in ${config.dataDir}`);
    readiness.phase = 'migrations';
    const version = await migrate(db);
    step(`schema at version ${version}`);
    if (config.seed === 'panji') {
      readiness.phase = 'seed';
      const seeded = await loadPanjiSeed(db);
      step(seeded.loaded ? 'Panji data loaded' : 'Panji data already present, kept');
    }
    if (await ensureUnits(db)) step('network isolation units computed again');
    await ensureAdmin(db, config.adminPassword, log);
    if (opts.demo) await setDemoPasswords(db, log);
    stopOutbox = startOutbox(db, config.smsWebhookUrl ? webhookGateway(config.smsWebhookUrl) : recordingGateway, log);
    readiness.readyMs = Math.round(performance.now() - t0);
    readiness.phase = 'ready';
    readiness.ready = true;
    log(`gasgrid: ready at http://localhost:${port} in ${(readiness.readyMs / 1000).toFixed(1)} s`);
  })().catch(async (err) => {
    readiness.failed = true;
    readiness.phase = 'failed';
    await close();
    throw err;
  });
  return { url: `http://127.0.0.1:${port}`, port, ready, close };
}
