import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, clickGrid, logIn, openSession, screenshotDir, waitForMap, type Session } from './browser';

describe('the grid map in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await s.page.goto(s.server.url + '/');
    await s.page.screenshot({ path: path.join(screenshotDir, 'login.png') });
    await logIn(s.page, 'admin', ADMIN_PASSWORD);
    await waitForMap(s.page);
  });
  afterAll(() => s?.close());

  it('renders the four grids and the three named roads', async () => {
    const rendered = await s.page.evaluate(() => {
      const map = window.__gasgrid!.map;
      const grids = map.queryRenderedFeatures({ layers: ['grids-fill'] }).map((f) => String(f.properties.code));
      const roads = map.queryRenderedFeatures({ layers: ['road-labels'] }).map((f) => String(f.properties.name_zh));
      const communities = map.queryRenderedFeatures({ layers: ['communities-fill'] }).map((f) => String(f.properties.id));
      return { grids: [...new Set(grids)].sort(), roads: [...new Set(roads)].sort(), communities: new Set(communities).size };
    });
    expect(rendered.grids).toEqual(['1', '2', '3', '4']);
    expect(rendered.roads).toEqual(['孔李路', '武夷山路', '黄河路'].sort());
    expect(rendered.communities).toBe(30);
    await expect(s.page.locator('h1').textContent()).resolves.toBe('潘集燃气网格化管理');
  });

  it('opens grid 3 with its totals when it is clicked', async () => {
    await clickGrid(s.page, '3');
    const panel = s.page.getByTestId('grid-panel');
    await expect(panel.getByTestId('grid-code').textContent()).resolves.toBe('3');
    await s.page.getByTestId('community-table').waitFor();
    expect(await panel.getByTestId('grid-connected').textContent()).toBe('2,082');
    expect(await panel.getByTestId('grid-to-develop').textContent()).toBe('2,450');
    expect(await panel.getByTestId('grid-total').textContent()).toBe('4,532');
    expect(await panel.getByTestId('grid-chain').textContent()).toContain('段玉杰');
    expect(await s.page.getByTestId('community-table').locator('tbody tr').count()).toBe(6);
    const state = await s.page.evaluate(() => window.__gasgrid!.map.getFeatureState({ source: 'grids', id: '3' }));
    expect(state.selected).toBe(true);
    await s.page.screenshot({ path: path.join(screenshotDir, 'grid-3-zh.png') });
  });

  it('exports the communities of the grid as a CSV Excel opens', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('export-communities').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('祥苑社区,1546,913,633,59.1%');
    expect(download.suggestedFilename()).toBe('grid-3-communities.csv');
  });

  it('switches to English and back', async () => {
    await s.page.getByTestId('language-switch').click();
    await expect(s.page.locator('h1').textContent()).resolves.toBe('Panji Gas Grid Management');
    expect(await s.page.getByTestId('grid-name').textContent()).toBe('Grid 3');
    const field = await s.page.evaluate(() => JSON.stringify(window.__gasgrid!.map.getLayoutProperty('road-labels', 'text-field')));
    expect(field).toContain('name_en');
    await waitForMap(s.page);
    await s.page.screenshot({ path: path.join(screenshotDir, 'grid-3-en.png') });
    await s.page.getByTestId('language-switch').click();
    await expect(s.page.locator('h1').textContent()).resolves.toBe('潘集燃气网格化管理');
  });

  it('lists every disagreement of the plan in the reconciliation view', async () => {
    await s.page.getByTestId('open-reconciliation').click();
    const rows = s.page.getByTestId('reconciliation-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(6);
    expect(await s.page.getByTestId('reconciliation').textContent()).toContain('方案所列待开发 962 户，小区相加 5495 户');
    await s.page.screenshot({ path: path.join(screenshotDir, 'reconciliation.png') });
  });

  it('sent no request off this machine (offline basemap)', () => {
    expect(s.foreignRequests).toEqual([]);
  });
});
