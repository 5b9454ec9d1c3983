import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/seed/accounts';
import { logIn, openSession, screenshotDir, waitForMap, type Session } from './browser';

interface NetworkJson {
  features: { geometry: { type: string; coordinates: number[][] }; properties: Record<string, string> }[];
}

describe("the dispatcher's outage map, in Chromium", () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await s.page.goto(s.server.url + '/');
    await logIn(s.page, 'dispatcher', DEMO_PASSWORD);
    await waitForMap(s.page);
  });
  afterAll(() => s?.close());

  /** Clicks the middle of a pipe, zoomed to it so it is the only one under the pointer. */
  async function clickPipe(id: string, shift = false): Promise<void> {
    const point = await s.page.evaluate(async (pipeId) => {
      const net = (await (await fetch('/api/network')).json()) as NetworkJson;
      const [a, b] = net.features.find((f) => f.properties.id === pipeId)!.geometry.coordinates;
      const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const map = window.__gasgrid!.map;
      map.jumpTo({ center: mid, zoom: 17 });
      await new Promise((r) => map.once('idle', r));
      return map.project(mid);
    }, id);
    if (shift) await s.page.keyboard.down('Shift');
    await s.page.mouse.click(point.x, point.y);
    if (shift) await s.page.keyboard.up('Shift');
  }

  it('shows the network and answers a click on a pipe with valves, regulators and households', async () => {
    await s.page.getByTestId('toggle-dispatch').click();
    await s.page.getByTestId('dispatch-panel').waitFor();
    await s.page.waitForFunction(() => window.__gasgrid!.map.queryRenderedFeatures({ layers: ['network-pipes'] }).length > 20, null, { timeout: 20_000 });
    const inlet = await s.page.evaluate(async () => {
      const net = (await (await fetch('/api/network')).json()) as NetworkJson;
      return net.features.find((f) => f.properties.id === 'R-3-04')!.properties.inlet;
    });
    await clickPipe(inlet);
    await s.page.getByTestId('valve-list').waitFor();
    expect(await s.page.getByTestId('scope-households').textContent()).toBe('913');
    expect(await s.page.getByTestId('valve-list').textContent()).toContain('V-3-04-branch');
    expect(await s.page.getByTestId('list-regulatorsAffected').textContent()).toContain('R-3-04');
    expect(await s.page.getByTestId('households-by-community').textContent()).toContain('祥苑社区');
    const drawn = await s.page.evaluate(() => window.__gasgrid!.map.queryRenderedFeatures({ layers: ['scope-nodes'] }).map((f) => f.properties.role));
    expect(drawn).toContain('valve_to_close');
    await s.page.screenshot({ path: path.join(screenshotDir, 'dispatch-scope.png') });
  });

  it('recomputes when a valve to close is marked stuck: the zone grows to the next valves', async () => {
    await s.page.locator('[data-valve="V-3-04-branch"] [data-testid=mark-stuck]').click();
    await s.page.waitForFunction(() => !document.querySelector('[data-valve="V-3-04-branch"]'), null, { timeout: 10_000 });
    const households = Number((await s.page.getByTestId('scope-households').textContent())!.replace(/,/g, ''));
    expect(households).toBeGreaterThan(913);
    expect(await s.page.getByTestId('dispatch-panel').textContent()).toContain('V-3-04-branch');
    await s.page.screenshot({ path: path.join(screenshotDir, 'dispatch-stuck.png') });
  });

  it('adds a pipe to the question with shift-click', async () => {
    await s.page.getByTestId('clear-scope').click();
    const [first, second] = await s.page.evaluate(async () => {
      const net = (await (await fetch('/api/network')).json()) as NetworkJson;
      return ['R-1-01', 'R-2-01'].map((r) => net.features.find((f) => f.properties.id === r)!.properties.inlet);
    });
    await clickPipe(first);
    await s.page.getByTestId('valve-list').waitFor();
    await clickPipe(second, true);
    await s.page.waitForFunction((ids) => document.querySelector('[data-testid=selected-pipes]')?.textContent === ids, `${first}、${second}`, { timeout: 10_000 });
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=households-by-grid] tbody tr').length === 2, null, { timeout: 10_000 });
  });

  it('records the outage, confirms it (queuing notices) and shows it again on the map', async () => {
    await s.page.getByTestId('create-outage').click();
    await s.page.fill('input[name=cause]', '管道抢修');
    await s.page.getByTestId('outage-submit').click();
    await s.page.getByTestId('outage-created').waitFor();
    await s.page.getByTestId('tab-outages').click();
    const row = s.page.locator('[data-testid=outages-table] tr[data-outage]').first();
    await row.click();
    await s.page.getByTestId('to-confirmed').click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid=outage-status]')?.textContent === '已确认', null, { timeout: 15_000 });
    expect(await s.page.locator('[data-testid=outage-events] li').count()).toBe(2);
    await s.page.screenshot({ path: path.join(screenshotDir, 'outage-record.png') });
    await s.page.getByTestId('outage-on-map').click();
    await s.page.getByTestId('dispatch-panel').waitFor();
    await s.page.getByTestId('households-by-grid').waitFor();
    expect(await s.page.locator('[data-testid=households-by-grid] tbody tr').count()).toBe(2);
  });
});
