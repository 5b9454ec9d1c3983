import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/seed/accounts';
import { logIn, openSession, screenshotDir, waitForMap, type Session } from './browser';

type Position = [number, number];
// A vertex grids 1 and 3 share on Wuyishan Road; dragging it east hands a strip of grid 3 to grid 1.
const SHARED: Position = [116.8255, 32.776];
const EAST: Position = [116.8285, 32.776];

/** The codes of the grids (in the layout being edited) that hold a position, within 1e-9 degrees. */
async function gridsHolding(page: Page, pos: Position): Promise<string[]> {
  return page.evaluate(([x, y]) => {
    const layout = window.__gasgrid!.plannerLayout!();
    const holds = (rings: number[][][]) => rings.some((r) => r.some((p) => Math.abs(p[0] - x) <= 1e-9 && Math.abs(p[1] - y) <= 1e-9));
    return layout.features
      .filter((f) => holds(f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()))
      .map((f) => f.properties.code);
  }, pos);
}

/** Centres the map on a place at a zoom where a drag is a few dozen pixels, and answers where that place is on screen. */
async function showAt(page: Page, pos: Position, zoom = 15): Promise<{ x: number; y: number }> {
  return page.evaluate(
    async ([p, z]) => {
      const map = window.__gasgrid!.map;
      // A jump to where the map already is may never go idle again: wait a little at most.
      const idle = new Promise((r) => {
        map.once('idle', r);
        setTimeout(r, 3000);
      });
      map.jumpTo({ center: p as [number, number], zoom: z as number });
      await idle;
      return map.project(p as [number, number]);
    },
    [pos, zoom] as const,
  );
}

/** Drags the vertex at `from` to `to` with the mouse, as a planner would. */
async function dragVertex(page: Page, from: Position, to: Position): Promise<{ x: number; y: number }> {
  const a = await showAt(page, from);
  const b = await page.evaluate((p) => window.__gasgrid!.map.project(p), to);
  await page.waitForFunction(() => window.__gasgrid!.map.queryRenderedFeatures({ layers: ['planner-vertices', 'planner-midpoints'] }).length > 0);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, a.y, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  return b;
}

/** The bounding box of a grid in the layout being edited. */
async function gridBox(page: Page, code: string): Promise<[number, number, number, number]> {
  return page.evaluate((c) => {
    const f = window.__gasgrid!.plannerLayout!().features.find((g) => g.properties.code === c)!;
    const pts = (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()).flat();
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as [number, number, number, number];
  }, code);
}

const featureCount = (page: Page) => page.evaluate(() => window.__gasgrid!.plannerLayout!().features.length);

async function versions(page: Page): Promise<{ current: number; items: { version: number; restoredFrom: number | null; note: string }[] }> {
  return page.evaluate(async () => (await fetch('/api/grids/versions')).json());
}

describe("the planner redraws grid boundaries, in Chromium", () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await s.page.goto(s.server.url + '/');
    await logIn(s.page, 'planner', DEMO_PASSWORD);
    await waitForMap(s.page);
  });
  afterAll(() => s?.close());

  it('opens planner mode on the current layout', async () => {
    await s.page.getByTestId('toggle-planner').click();
    await s.page.getByTestId('planner-panel').waitFor();
    await s.page.waitForFunction(() => (window.__gasgrid?.plannerLayout?.().features.length ?? 0) === 4, null, { timeout: 20_000 });
    expect(await s.page.getByTestId('planner-status').textContent()).toContain('基于版本 1');
    expect(await gridsHolding(s.page, SHARED)).toEqual(['1', '3']);
  });

  it('drags a shared vertex: both grids holding it move, and nothing keeps the old corner', async () => {
    const to = await dragVertex(s.page, SHARED, EAST);
    const moved = await s.page.evaluate(([x, y]) => window.__gasgrid!.map.unproject([x, y]).toArray(), [to.x, to.y]);
    expect(await gridsHolding(s.page, SHARED)).toEqual([]);
    // Where the vertex landed (the cursor, or a snap target within 10 px of it) is held by both grids.
    const landed = await s.page.evaluate(([x, y]) => {
      const f = window.__gasgrid!.plannerLayout!().features.find((g) => g.properties.code === '1')!;
      const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]) as number[][];
      return ring.reduce((best, p) => (Math.hypot(p[0] - x, p[1] - y) < Math.hypot(best[0] - x, best[1] - y) ? p : best));
    }, moved);
    expect(Math.abs(landed[0] - moved[0])).toBeLessThan(0.0005);
    expect(await gridsHolding(s.page, landed as Position)).toEqual(['1', '3']);
    expect(await s.page.getByTestId('planner-status').textContent()).toContain('有未保存的修改');
    await expect.poll(() => s.page.getByTestId('planner-undo').isEnabled()).toBe(true);
  });

  it('snaps a dragged vertex onto a road within 10 px, and undoes it with Ctrl+Z', async () => {
    // Grid 1's own corner west of town, dragged to 4 px above Huanghe Road (黄河路) between two of its vertices.
    const corner: Position = [116.801, 32.776];
    const road: [Position, Position] = [[116.796, 32.7725], [116.811, 32.7738]];
    const onRoad: Position = [116.7985, road[0][1] + ((116.7985 - road[0][0]) / (road[1][0] - road[0][0])) * (road[1][1] - road[0][1])];
    const near = await s.page.evaluate((p) => {
      const map = window.__gasgrid!.map;
      const q = map.project(p);
      return map.unproject([q.x, q.y - 4]).toArray();
    }, onRoad);
    await dragVertex(s.page, corner, near as Position);
    const landed = await s.page.evaluate(() => {
      const f = window.__gasgrid!.plannerLayout!().features.find((g) => g.properties.code === '1')!;
      return (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]).find((p) => p[0] < 116.8005) as number[];
    });
    // On the road line: the cross product with the segment is zero (to rounding).
    const cross = (landed[0] - road[0][0]) * (road[1][1] - road[0][1]) - (landed[1] - road[0][1]) * (road[1][0] - road[0][0]);
    expect(Math.abs(cross)).toBeLessThan(1e-10);
    expect(Math.abs(landed[0] - onRoad[0])).toBeLessThan(0.0002);
    await s.page.mouse.move(200, 700);
    await s.page.keyboard.press('Control+z');
    expect(await gridsHolding(s.page, corner)).toEqual(['1']);
  });

  it('previews the impact: land and households from grid 3 to grid 1, drawn on the map', async () => {
    await showAt(s.page, SHARED, 14.5);
    await s.page.getByTestId('planner-preview').click();
    await s.page.getByTestId('planner-impact').waitFor({ timeout: 30_000 });
    const move = s.page.locator('[data-testid=impact-move][data-from="3"][data-to="1"]');
    await move.waitFor();
    expect(await move.textContent()).toMatch(/面积/);
    await s.page.waitForFunction(() => window.__gasgrid!.map.queryRenderedFeatures({ layers: ['planner-moves-fill'] }).length > 0, null, { timeout: 10_000 });
    await s.page.screenshot({ path: path.join(screenshotDir, 'planner-preview.png') });
  });

  it('saves with a note: the version goes up', async () => {
    await s.page.getByTestId('planner-save').click();
    await s.page.getByTestId('save-note').fill('武夷山路东移：e2e');
    await s.page.getByTestId('save-confirm').click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid=planner-notice]')?.textContent?.includes('已保存为版本 2'), null, { timeout: 30_000 });
    const v = await versions(s.page);
    expect(v.current).toBe(2);
    expect(v.items[0]).toMatchObject({ version: 2, note: '武夷山路东移：e2e' });
    expect(await s.page.getByTestId('planner-status').textContent()).toContain('基于版本 2');
  });

  it('shows why a layout is refused, naming the grid and lighting it on the map', async () => {
    // Grid 2 drawn over grid 1: an overlap the server refuses.
    const layout = await s.page.evaluate(() => {
      const l = structuredClone(window.__gasgrid!.plannerLayout!());
      const one = l.features.find((f) => f.properties.code === '1')!;
      l.features.find((f) => f.properties.code === '2')!.geometry = one.geometry;
      return l;
    });
    await s.page.getByTestId('import-layout').setInputFiles({ name: 'overlap.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(layout)) });
    await s.page.getByTestId('planner-notice').waitFor();
    await s.page.getByTestId('planner-preview').click();
    await s.page.getByTestId('planner-problems').waitFor({ timeout: 30_000 });
    const grids = await s.page.locator('[data-testid=planner-problem]').evaluateAll((els) => els.map((e) => e.getAttribute('data-grid')));
    expect(grids.some((g) => g === '1' || g === '2')).toBe(true);
    // Said in Chinese, naming both grids.
    expect(await s.page.getByTestId('planner-problems').textContent()).toMatch(/网格[12]：与网格[12]重叠/);
    await showAt(s.page, [116.815, 32.783], 13.5);
    const lit = await s.page.evaluate(() => {
      const map = window.__gasgrid!.map;
      const drawn = map.queryRenderedFeatures({ layers: ['planner-problems-fill', 'planner-problems-line'] }).length;
      const states = ['1', '2'].map((id) => map.getFeatureState({ source: 'planner-grids', id }).problem === true);
      return drawn > 0 || states.some(Boolean);
    });
    expect(lit).toBe(true);
    await s.page.screenshot({ path: path.join(screenshotDir, 'planner-problems.png') });
    // Undo takes the import back: the saved layout again.
    await s.page.keyboard.press('Control+z');
    await expect.poll(() => s.page.getByTestId('planner-status').textContent()).toContain('没有修改');
    expect(await s.page.locator('[data-testid=planner-problems]').count()).toBe(0);
  });

  it('restores version 1 from the versions panel, after confirming, as version 3', async () => {
    await s.page.getByTestId('planner-tab-versions').click();
    const item = s.page.locator('[data-testid=version-item][data-version="1"]');
    await item.waitFor();
    expect(await s.page.locator('[data-testid=version-item]').count()).toBe(2);
    await item.getByTestId('restore-version').click();
    await item.getByTestId('restore-note').fill('回到初始方案');
    await item.getByTestId('restore-confirm').click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid=planner-notice]')?.textContent?.includes('现为版本 3'), null, { timeout: 30_000 }).catch(async (err) => {
      await s.page.screenshot({ path: path.join(screenshotDir, 'planner-restore-failed.png') });
      throw new Error(`${err}: ${await s.page.getByTestId('planner-panel').textContent()}`);
    });
    const v = await versions(s.page);
    expect(v.current).toBe(3);
    expect(v.items[0]).toMatchObject({ version: 3, restoredFrom: 1 });
    expect(await gridsHolding(s.page, SHARED)).toEqual(['1', '3']);
    await s.page.screenshot({ path: path.join(screenshotDir, 'planner-versions.png') });
  });

  it('adds a vertex on a shared edge in both grids by dragging its midpoint, and deletes it again', async () => {
    await s.page.getByTestId('planner-tab-edit').click();
    // An edge two grids share: both its ends are in both grids' rings.
    const [a, b, g1, g2] = await s.page.evaluate(() => {
      const fs = window.__gasgrid!.plannerLayout!().features;
      // The server may answer MultiPolygons: the outer ring of the first part.
      const ring = (f: (typeof fs)[number]) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]) as number[][];
      const holds = (r: number[][], p: number[]) => r.some((q) => Math.abs(q[0] - p[0]) <= 1e-9 && Math.abs(q[1] - p[1]) <= 1e-9);
      for (const f of fs) {
        const r = ring(f);
        for (let k = 1; k < r.length; k++) {
          const other = fs.find((g) => g !== f && holds(ring(g), r[k - 1]) && holds(ring(g), r[k]));
          if (other) return [r[k - 1], r[k], f.properties.code, other.properties.code] as const;
        }
      }
      throw new Error('no shared edge');
    });
    const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    // Off the edge sideways, by a quarter of its length.
    const target: Position = [mid[0] + (b[1] - a[1]) / 4, mid[1] - (b[0] - a[0]) / 4];
    const count = () => s.page.evaluate(() => Object.fromEntries(window.__gasgrid!.plannerLayout!().features.map((f) => [f.properties.code, f.geometry.coordinates.flat(f.geometry.type === 'Polygon' ? 1 : 2).length])));
    const before = await count();
    const landed = await dragVertex(s.page, mid, target);
    const after = await count();
    expect(after).toEqual({ ...before, [g1]: before[g1] + 1, [g2]: before[g2] + 1 });
    // The new vertex is selected: the panel says which grids share it; Delete takes it out of both.
    expect(await s.page.getByTestId('selected-vertex').textContent()).toContain(`网格${g1}、网格${g2}`);
    await s.page.mouse.move(landed.x + 200, landed.y + 100); // off the panel's inputs: the key goes to the page
    await s.page.keyboard.press('Delete');
    await expect.poll(count).toEqual(before);
  });

  it('speaks English when switched', async () => {
    await s.page.getByTestId('language-switch').click();
    expect(await s.page.getByTestId('planner-panel').textContent()).toContain('Grid boundary planning');
    await s.page.screenshot({ path: path.join(screenshotDir, 'planner-english.png') });
    await s.page.getByTestId('language-switch').click();
  });

  it('splits a grid along a line drawn with terra-draw, then merges it back (each one undo step)', async () => {
    await s.page.getByTestId('planner-tab-edit').click();
    const [w, south, e, n] = await gridBox(s.page, '4');
    const y = (south + n) / 2;
    await s.page.evaluate(async (b) => {
      const map = window.__gasgrid!.map;
      map.fitBounds(b as [number, number, number, number], { padding: { top: 60, bottom: 40, left: 40, right: 480 }, duration: 0 });
      await new Promise((r) => map.once('idle', r));
    }, [w - 0.004, south, e + 0.004, n]);
    const [a, b] = await s.page.evaluate((pts) => pts.map((p) => window.__gasgrid!.map.project(p as [number, number])), [[w - 0.002, y], [e + 0.002, y]]);
    await s.page.getByTestId('tool-split').click();
    await s.page.getByTestId('tool-grid').selectOption('4');
    await s.page.getByTestId('tool-draw').click();
    await s.page.mouse.click(a.x, a.y);
    await s.page.mouse.click(b.x, b.y);
    await s.page.mouse.click(b.x, b.y); // a click on the last point finishes the line
    await s.page.getByText('已绘制分割线').waitFor({ timeout: 10_000 });
    expect(await s.page.getByTestId('tool-code').inputValue()).toBe('5');
    await s.page.getByTestId('tool-apply').click();
    await expect.poll(() => featureCount(s.page), { timeout: 30_000 }).toBe(5);
    await s.page.screenshot({ path: path.join(screenshotDir, 'planner-split.png') });

    await s.page.getByTestId('tool-merge').click();
    await s.page.getByTestId('tool-grid').selectOption('4');
    await s.page.getByTestId('tool-other').selectOption('5');
    await s.page.getByTestId('tool-apply').click();
    await expect.poll(() => featureCount(s.page), { timeout: 30_000 }).toBe(4);
    await s.page.getByTestId('planner-undo').click();
    expect(await featureCount(s.page)).toBe(5);
    await s.page.getByTestId('planner-undo').click();
    expect(await featureCount(s.page)).toBe(4);
    await expect.poll(() => s.page.getByTestId('planner-status').textContent()).toContain('没有修改');
  });

  it('adds a new grid by drawing its area: it takes that land from the grids under it (one undo step)', async () => {
    const [w, south, e, n] = await gridBox(s.page, '3');
    await s.page.evaluate(async (b) => {
      const map = window.__gasgrid!.map;
      map.fitBounds(b as [number, number, number, number], { padding: { top: 60, bottom: 40, left: 40, right: 480 }, duration: 0 });
      await new Promise((r) => map.once('idle', r));
    }, [w, south, e, n]);
    // A square in the middle of grid 3, a third of its width.
    const [cx, cy, dx, dy] = [(w + e) / 2, (south + n) / 2, (e - w) / 6, (n - south) / 6];
    const corners = await s.page.evaluate(
      (pts) => pts.map((p) => window.__gasgrid!.map.project(p as [number, number])),
      [[cx - dx, cy - dy], [cx + dx, cy - dy], [cx + dx, cy + dy], [cx - dx, cy + dy]],
    );
    await s.page.getByTestId('tool-add').click();
    await s.page.getByTestId('tool-draw').click();
    for (const c of corners) await s.page.mouse.click(c.x, c.y);
    await s.page.mouse.click(corners[0].x, corners[0].y); // a click on the first point closes the polygon
    await s.page.getByText('已绘制范围').waitFor({ timeout: 10_000 });
    const code = await s.page.getByTestId('tool-code').inputValue();
    await s.page.getByTestId('tool-apply').click();
    await expect.poll(() => featureCount(s.page), { timeout: 30_000 }).toBe(5);
    // Grid 3 now has a hole where the new grid is: the new grid's area is no longer in it.
    const inThree = await s.page.evaluate(([x, y, c]) => {
      const l = window.__gasgrid!.plannerLayout!();
      const added = l.features.find((f) => f.properties.code === c);
      return { added: !!added, centreHeldBy: l.features.filter((f) => {
        const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
        const inside = (ring: number[][]) => ring.reduce((acc, p, i) => {
          const q = ring[(i + 1) % ring.length];
          return (p[1] > y) !== (q[1] > y) && x < ((q[0] - p[0]) * (y - p[1])) / (q[1] - p[1]) + p[0] ? !acc : acc;
        }, false);
        return polys.some((poly) => inside(poly[0]) && !poly.slice(1).some(inside));
      }).map((f) => f.properties.code) };
    }, [cx, cy, code] as [number, number, string]);
    expect(inThree).toEqual({ added: true, centreHeldBy: [code] });
    await s.page.getByTestId('planner-undo').click();
    expect(await featureCount(s.page)).toBe(4);
    await expect.poll(() => s.page.getByTestId('planner-status').textContent()).toContain('没有修改');
  });

  it('on a conflict shows who saved meanwhile, loads the current layout and reopens the refused one as a draft', async () => {
    await dragVertex(s.page, SHARED, EAST);
    // Someone else saves meanwhile (here the same desk, from outside the editor).
    const saved = await s.page.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const current = await (await fetch('/api/grids')).json();
      const grids = {
        type: 'FeatureCollection',
        features: current.features.map((f: { geometry: unknown; properties: { code: string; name: string } }) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code, name: f.properties.name } })),
      };
      const r = await fetch('/api/grids', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ baseVersion: current.version, note: '同时保存', grids }) });
      return r.status;
    });
    expect(saved).toBe(200);
    await s.page.getByTestId('planner-save').click();
    await s.page.getByTestId('save-note').fill('晚了一步');
    await s.page.getByTestId('save-confirm').click();
    const box = s.page.getByTestId('planner-conflict');
    await box.waitFor({ timeout: 30_000 });
    expect(await box.textContent()).toContain('同时保存');
    await s.page.screenshot({ path: path.join(screenshotDir, 'planner-conflict.png') });
    await s.page.getByTestId('conflict-load-current').click();
    await s.page.getByTestId('planner-lost-draft').waitFor();
    expect(await gridsHolding(s.page, SHARED)).toEqual(['1', '3']);
    await s.page.getByTestId('reopen-draft').click();
    await expect.poll(() => gridsHolding(s.page, SHARED)).toEqual([]);
    expect(await s.page.getByTestId('planner-status').textContent()).toContain('基于版本 4');
  });

  it('views an old version, overlays two versions in two colours, and downloads layouts', async () => {
    await s.page.getByTestId('planner-tab-versions').click();
    await s.page.locator('[data-testid=version-item][data-version="2"]').getByTestId('view-version').click();
    await s.page.getByTestId('viewing-banner').waitFor();
    await showAt(s.page, SHARED, 13.5);
    // While looking, the editing handles are gone.
    expect(await s.page.evaluate(() => window.__gasgrid!.map.getLayoutProperty('planner-vertices', 'visibility'))).toBe('none');
    await s.page.getByTestId('compare-a').selectOption('1');
    await s.page.getByTestId('compare-b').selectOption('2');
    await s.page.getByTestId('compare-run').click();
    await s.page.waitForFunction(() => {
      const sides = window.__gasgrid!.map.queryRenderedFeatures({ layers: ['planner-compare-line'] }).map((f) => f.properties.side);
      return sides.includes('a') && sides.includes('b');
    }, null, { timeout: 10_000 });
    await s.page.screenshot({ path: path.join(screenshotDir, 'planner-overlay.png') });
    await s.page.getByTestId('back-to-editing').click();
    expect(await s.page.evaluate(() => window.__gasgrid!.map.getLayoutProperty('planner-vertices', 'visibility'))).toBe('visible');

    const exported = s.page.waitForEvent('download');
    await s.page.locator('[data-testid=version-item][data-version="2"] a[download]').click();
    expect((await exported).suggestedFilename()).toBe('gasgrid-grids-v2.geojson');
    await s.page.getByTestId('planner-tab-edit').click();
    const editing = s.page.waitForEvent('download');
    await s.page.getByTestId('download-editing').click();
    const file = await editing;
    expect(file.suggestedFilename()).toMatch(/\.geojson$/);
    const { readFile } = await import('node:fs/promises');
    const saved = JSON.parse(await readFile((await file.path())!, 'utf8'));
    expect(saved.features).toHaveLength(4);
  });

  it('compares two versions side by side on two maps', async () => {
    await s.page.getByTestId('planner-tab-versions').click();
    await s.page.getByTestId('compare-a').selectOption('1');
    await s.page.getByTestId('compare-b').selectOption('2');
    await s.page.getByTestId('compare-side').check();
    await s.page.getByTestId('compare-run').click();
    await s.page.getByTestId('compare-map').waitFor({ timeout: 20_000 });
    await s.page.getByTestId('viewing-banner').waitFor();
    await s.page.waitForTimeout(3000); // the second map draws its first frame
    await s.page.screenshot({ path: path.join(screenshotDir, 'planner-side-by-side.png') });
    await s.page.getByTestId('back-to-editing').click();
    await s.page.getByTestId('compare-map').waitFor({ state: 'detached' });
  });
});
