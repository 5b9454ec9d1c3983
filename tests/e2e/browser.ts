// Starts the app on a fresh embedded database and opens Debian's Chromium on it (never a downloaded browser).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readConfig } from '../../server/config';
import { startServer, type Running } from '../../server/start';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = path.resolve('test-results/e2e');

export interface Session {
  server: Running;
  browser: Browser;
  page: Page;
  /** Every request the page made to a host other than this machine. */
  foreignRequests: string[];
  close(): Promise<void>;
}

export async function openSession(viewport = { width: 1280, height: 800 }): Promise<Session> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH)`);
  mkdirSync(screenshotDir, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gasgrid-e2e-'));
  const server = await startServer(readConfig({ PORT: '0', DATA_DIR: dataDir }), () => undefined);
  await server.ready;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // Software WebGL for MapLibre; no background traffic on this closed network.
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['blob:', 'data:'].includes(u.protocol)) foreignRequests.push(r.url());
  });
  return {
    server,
    browser,
    page,
    foreignRequests,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the map has its data and has finished drawing. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__gasgrid?.dataLoaded === true, null, { timeout: 60_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__gasgrid!.map;
        if (map.loaded() && !map.isMoving()) resolve();
        map.once('idle', () => resolve());
        setTimeout(resolve, 5000);
      }),
  );
}
