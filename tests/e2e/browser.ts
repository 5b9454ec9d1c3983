// Starts the app on a fresh embedded database and opens Debian's Chromium on it (never a downloaded browser).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readConfig } from '../../server/config';
import { startServer, type Running } from '../../server/start';

export const ADMIN_PASSWORD = 'e2e admin password';
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
  // --demo: the seeded accounts (grid workers and others) get the demo password, so several roles can log in.
  const server = await startServer(readConfig({ PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD }), () => undefined, { demo: true });
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

/** Logs in through the form, as a person would. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-form').waitFor();
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
}

/** Clicks a grid where PostGIS put its label point. */
export async function clickGrid(page: Page, code: string): Promise<void> {
  const point = await page.evaluate(async (c) => {
    const grids = (await (await fetch('/api/grids')).json()) as { features: { properties: { code: string; label_point: { coordinates: [number, number] } } }[] };
    const g = grids.features.find((f) => f.properties.code === c)!;
    return window.__gasgrid!.map.project(g.properties.label_point.coordinates);
  }, code);
  await page.mouse.click(point.x, point.y);
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
