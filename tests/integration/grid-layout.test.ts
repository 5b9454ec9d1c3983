import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../support/databases';
import { login, serveApp, TEST_PASSWORD, type Client, type Json, type TestServer } from '../support/http';
import { prepareSeeded } from '../support/seeded';
import { moveVertex as moveShared, type Layout as EditorLayout } from '../../client/src/map/layoutEdit';

type Position = [number, number];
type Layout = { type: 'FeatureCollection'; features: Json[]; version?: number };

// A vertex that grids 1 and 2 share on Huanghe Road; moving it 860 m south hands a wedge of grid 2, with most of
// 幸福家园, to grid 1.
const SHARED: Position = [116.811, 32.7738];
const MOVED: Position = [116.811, 32.766];

/** The editor's shared-vertex move (every grid holding `from`); with `only`, in that one grid alone (a broken edit). */
function moveVertex(layout: Layout, from: Position, to: Position, only?: string): Layout {
  const move = (l: Layout) => moveShared(l as unknown as EditorLayout, from, to) as unknown as Layout;
  if (!only) return move(layout);
  return { ...layout, features: layout.features.map((f) => (f.properties.code === only ? move({ ...layout, features: [f] }).features[0] : f)) };
}

describeOnEachDatabase('grid layout: preview, save, versions, restore', ({ db }) => {
  let server: TestServer;
  let planner: Client;
  let admin: Client;
  let v1: Layout;
  const gridOfHouseholds = () =>
    db().query<{ grid_code: string; n: number }>('SELECT grid_code, count(*)::int n FROM households WHERE retired_at IS NULL GROUP BY 1 ORDER BY 1');
  const storedGrids = () => db().query<{ code: string; wkt: string }>('SELECT code, ST_AsText(geom) wkt FROM grids ORDER BY code');

  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    planner = await login(server.url, 'planner', TEST_PASSWORD);
    admin = await login(server.url, 'admin', TEST_PASSWORD);
    v1 = (await planner.get('/api/grids')).body as Layout;
  });
  afterAll(() => server.close());

  it('starts with the seed layout as version 1', async () => {
    expect(v1.version).toBe(1);
    const r = await planner.get('/api/grids/versions');
    expect(r.body.current).toBe(1);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ version: 1, by: 'system' });
    expect(r.body.items[0].figures.grids.map((g: Json) => g.code)).toEqual(['1', '2', '3', '4']);
  });

  it('previews an unchanged layout as moving nothing', async () => {
    const r = await planner.post('/api/grids/preview', { grids: v1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ baseVersion: 1, moves: [], added: [], removed: [] });
    expect(Object.values(r.body.totals).every((n) => n === 0)).toBe(true);
  });

  it('previews a moved shared vertex: land, households and communities from grid 2 to grid 1, storing nothing', async () => {
    const households = await gridOfHouseholds();
    const r = await planner.post('/api/grids/preview', { grids: moveVertex(v1, SHARED, MOVED) });
    expect(r.status).toBe(200);
    expect(r.body.moves).toHaveLength(1);
    const [m] = r.body.moves;
    expect(m).toMatchObject({ from: '2', to: '1' });
    expect(m.communities).toContainEqual({ id: '2-02', name: '幸福家园' });
    expect(m.households).toBeGreaterThan(100);
    expect(m.areaM2).toBeGreaterThan(10_000);
    expect(m.geometry.type).toMatch(/Polygon/);
    // The households that move are exactly those standing in the strip, counted by PostGIS independently here.
    const [inStrip] = await db().query<{ n: number }>(
      `SELECT count(*)::int n FROM households WHERE retired_at IS NULL AND grid_code = '2' AND ST_Intersects(geom, ST_GeomFromGeoJSON($1))`,
      [JSON.stringify(m.geometry)],
    );
    expect(m.households).toBe(inStrip.n);
    expect(r.body.totals.households).toBe(inStrip.n);
    expect(await gridOfHouseholds()).toEqual(households);
    expect((await planner.get('/api/grids/versions')).body.current).toBe(1);
  });

  let v2Households = 0;
  it('saves the layout as version 2 and moves the households with it', async () => {
    const before = Object.fromEntries((await gridOfHouseholds()).map((r) => [r.grid_code, r.n]));
    const preview = (await planner.post('/api/grids/preview', { grids: moveVertex(v1, SHARED, MOVED) })).body;
    const r = await planner.request('PUT', '/api/grids', { baseVersion: 1, note: '幸福家园划入一号网格', grids: moveVertex(v1, SHARED, MOVED) });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.body.totals).toEqual(preview.totals);
    v2Households = preview.totals.households;
    const after = Object.fromEntries((await gridOfHouseholds()).map((r) => [r.grid_code, r.n]));
    expect(after['1'] - before['1']).toBe(v2Households);
    expect(before['2'] - after['2']).toBe(v2Households);
    const [community] = await db().query<{ grid_code: string }>(`SELECT grid_code FROM community_grid WHERE community_id = '2-02'`);
    expect(community.grid_code).toBe('1');
    const versions = (await planner.get('/api/grids/versions')).body;
    expect(versions.current).toBe(2);
    expect(versions.items[0]).toMatchObject({ version: 2, by: 'planner', note: '幸福家园划入一号网格' });
    expect(versions.items[0].figures.moved.households).toBe(v2Households);
    const audit = (await admin.get('/api/audit?action=grids.save')).body;
    expect(audit.items[0]).toMatchObject({ actor_username: 'planner', entity: 'grid_layout', entity_id: '2' });
    // Every household stands in the grid it is assigned to.
    const [wrong] = await db().query<{ n: number }>(
      `SELECT count(*)::int n FROM households h JOIN grids g ON g.code = h.grid_code WHERE h.retired_at IS NULL AND NOT ST_Intersects(g.geom, h.geom)`,
    );
    expect(wrong.n).toBe(0);
  });

  it('refuses a save on a stale base version with who saved meanwhile, keeping the late layout as a draft', async () => {
    const grids = await storedGrids();
    const late = moveVertex(v1, SHARED, [116.811, 32.770]);
    const r = await admin.request('PUT', '/api/grids', { baseVersion: 1, note: '另一种划法', grids: late });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('conflict');
    expect(r.body.error.details.currentVersion).toBe(2);
    expect(r.body.error.details.meanwhile).toMatchObject([{ version: 2, by: 'planner', note: '幸福家园划入一号网格' }]);
    expect(r.body.error.message).toMatch(/version 2 by planner/);
    const draft = await admin.get(`/api/grids/drafts/${r.body.error.details.draftId}`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ baseVersion: 1, by: 'admin', note: '另一种划法' });
    expect(draft.body.layout.features).toHaveLength(4);
    expect(await storedGrids()).toEqual(grids);
    expect((await planner.get('/api/grids/versions')).body.current).toBe(2);
  });

  it('shows an old version and exports a layout as a GeoJSON file', async () => {
    const old = (await planner.get('/api/grids?version=1')).body as Layout;
    expect(old.version).toBe(1);
    expect(old.features.map((f) => f.geometry)).toEqual(v1.features.map((f) => f.geometry));
    expect(old.features[0].properties.figures).toMatchObject({ code: '1' });
    const file = await planner.request('GET', '/api/grids/export?version=2');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="gasgrid-grids-v2\.geojson"/);
    expect(file.body.features).toHaveLength(4);
    expect((await planner.get('/api/grids?version=99')).status).toBe(404);
  });

  it('restores version 1 as version 3, households back where they were', async () => {
    const r = await planner.post('/api/grids/restore', { version: 1, baseVersion: 2 });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(3);
    expect(r.body.totals.households).toBe(v2Households);
    const now = (await planner.get('/api/grids')).body as Layout;
    expect(now.version).toBe(3);
    expect(now.features.map((f) => f.geometry)).toEqual(v1.features.map((f) => f.geometry));
    const versions = (await planner.get('/api/grids/versions')).body;
    expect(versions.items[0]).toMatchObject({ version: 3, restoredFrom: 1, note: 'restore version 1' });
  });

  it('splits a grid along a line into a new grid, saves it, and merges it back', async () => {
    const base = (await planner.get('/api/grids')).body as Layout;
    const split = await planner.post('/api/grids/tools/split', {
      grids: base, code: '4', newCode: '5', newName: '五号网格', line: { type: 'LineString', coordinates: [[116.84, 32.772], [116.875, 32.772]] },
    });
    expect(split.status).toBe(200);
    expect(split.body.grids.features.map((f: Json) => f.properties.code)).toEqual(['1', '2', '3', '4', '5']);
    const preview = (await planner.post('/api/grids/preview', { grids: split.body.grids })).body;
    expect(preview.added).toEqual(['5']);
    expect(preview.moves.every((m: Json) => m.from === '4' && m.to === '5')).toBe(true);
    const saved = await planner.request('PUT', '/api/grids', { baseVersion: 3, note: '四号网格南北拆分', grids: split.body.grids });
    expect(saved.status).toBe(200);
    const [g5] = await db().query<{ n: number }>(`SELECT count(*)::int n FROM households WHERE grid_code = '5'`);
    expect(g5.n).toBe(preview.totals.households);

    const merged = await planner.post('/api/grids/tools/merge', { grids: split.body.grids, codes: ['4', '5'] });
    expect(merged.status).toBe(200);
    const back = await planner.request('PUT', '/api/grids', { baseVersion: 4, note: '合并回四号网格', grids: merged.body.grids });
    expect(back.status).toBe(200);
    expect(back.body.removed).toEqual(['5']);
    expect((await storedGrids()).map((g) => g.code)).toEqual(['1', '2', '3', '4']);
    const [orphans] = await db().query<{ n: number }>(`SELECT count(*)::int n FROM households WHERE grid_code IS NULL AND retired_at IS NULL`);
    expect(orphans.n).toBe(0);
  });

  it('lets exactly one of two planners saving at once win; the other gets 409 and a kept draft', async () => {
    const base = (await planner.get('/api/grids')).body as Layout;
    const [a, b] = await Promise.all([
      planner.request('PUT', '/api/grids', { baseVersion: base.version, note: '甲方案', grids: moveVertex(base, SHARED, [116.811, 32.771]) }),
      admin.request('PUT', '/api/grids', { baseVersion: base.version, note: '乙方案', grids: moveVertex(base, SHARED, [116.811, 32.772]) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(won.body.version).toBe(base.version! + 1);
    expect(lost.body.error.details.meanwhile).toMatchObject([{ version: base.version! + 1 }]);
    expect((await admin.get(`/api/grids/drafts/${lost.body.error.details.draftId}`)).status).toBe(200);
    // Back to where the next tests start.
    expect((await planner.post('/api/grids/restore', { version: base.version, baseVersion: base.version! + 1 })).status).toBe(200);
  });

  it('hands the workers of a grid that disappears to the grid taking its land', async () => {
    const base = (await planner.get('/api/grids')).body as Layout;
    const merged = (await planner.post('/api/grids/tools/merge', { grids: base, codes: ['3', '1'] })).body.grids;
    const preview = (await planner.post('/api/grids/preview', { grids: merged })).body;
    expect(preview.removed).toEqual(['1']);
    const move = preview.moves.find((m: Json) => m.from === '1' && m.to === '3');
    expect(move.workers.map((w: Json) => w.name)).toContain('曹银银');
    expect(preview.totals.workers).toBeGreaterThan(0);
  });

  it('gives the neighbour the corners a split makes on its edge, so they stay shared', async () => {
    const base = (await planner.get('/api/grids')).body as Layout;
    const split = await planner.post('/api/grids/tools/split', {
      grids: base, code: '4', newCode: '5', newName: '五号网格', line: { type: 'LineString', coordinates: [[116.84, 32.78], [116.875, 32.78]] },
    });
    expect(split.status, JSON.stringify(split.body)).toBe(200);
    const vertices = (code: string) => {
      const g = split.body.grids.features.find((f: Json) => f.properties.code === code).geometry;
      return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2) as Position[];
    };
    // The cut's west end, on the edge grids 3 and 4 share (Kongli Road), is a corner of grid 3 as well.
    const westEnd = vertices('5').filter((p) => Math.abs(p[1] - 32.78) < 1e-9).sort((a, b) => a[0] - b[0])[0];
    expect(westEnd[0]).toBeGreaterThan(116.847);
    const preview = await planner.post('/api/grids/preview', { grids: split.body.grids });
    expect(preview.status, JSON.stringify(preview.body.error)).toBe(200);
    expect(vertices('3')).toContainEqual(westEnd);
  });

  it('refuses a merge of grids that are not neighbours and a split line that does not cut', async () => {
    const base = (await planner.get('/api/grids')).body as Layout;
    const m = await planner.post('/api/grids/tools/merge', { grids: base, codes: ['1', '4'] });
    expect(m.status).toBe(400);
    expect(m.body.error).toMatchObject({ code: 'not_neighbours', message: expect.stringMatching(/"1" and "4" share no boundary/) });
    const s = await planner.post('/api/grids/tools/split', { grids: base, code: '4', newCode: '9', newName: '九', line: { type: 'LineString', coordinates: [[116.80, 32.70], [116.81, 32.70]] } });
    expect(s.status).toBe(400);
    expect(s.body.error).toMatchObject({ code: 'line_does_not_cut', message: expect.stringMatching(/does not cut grid "4"/) });
  });

  it('adds a new grid drawn over others, taking their land', async () => {
    const base = (await planner.get('/api/grids')).body as Layout;
    const drawn = { type: 'Polygon', coordinates: [[[116.82, 32.77], [116.832, 32.77], [116.832, 32.78], [116.82, 32.78], [116.82, 32.77]]] };
    const r = await planner.post('/api/grids/tools/add', { grids: base, polygon: drawn, code: 'N1', name: '新网格' });
    expect(r.status).toBe(200);
    expect(r.body.grids.features.map((f: Json) => f.properties.code)).toEqual(['1', '2', '3', '4', 'N1']);
    const preview = await planner.post('/api/grids/preview', { grids: r.body.grids });
    expect(preview.status).toBe(200);
    expect(preview.body.added).toEqual(['N1']);
    expect(new Set(preview.body.moves.map((m: Json) => m.from))).toEqual(new Set(['1', '2', '3']));
  });
});

describeOnEachDatabase('grid layout: what is refused', ({ db }) => {
  let server: TestServer;
  let planner: Client;
  let v1: Layout;
  const state = () => db().query('SELECT (SELECT max(version) FROM grid_versions) v, (SELECT string_agg(code || ST_AsText(geom), \';\' ORDER BY code) FROM grids) g');

  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    planner = await login(server.url, 'planner', TEST_PASSWORD);
    v1 = (await planner.get('/api/grids')).body as Layout;
  });
  afterAll(() => server.close());

  // Stored grids come back as MultiPolygons: the outer ring of the first polygon.
  const ring = (l: Layout, code: string) => l.features.find((f) => f.properties.code === code)!.geometry.coordinates[0][0] as Position[];
  const cases: [string, (l: Layout) => unknown, RegExp, Json?][] = [
    ['a body that is no FeatureCollection', () => ({ type: 'Feature' }), /not a GeoJSON FeatureCollection/],
    ['an empty layout', () => ({ type: 'FeatureCollection', features: [] }), /the layout has no grids/],
    ['a wrong geometry type', (l) => ((l.features[1].geometry = { type: 'Point', coordinates: [116.8, 32.77] }), l), /"2": geometry must be Polygon or MultiPolygon, not Point/, { grid: '2' }],
    ['an unclosed ring', (l) => (ring(l, '2').pop(), l), /"2": .*first and last positions must be equivalent/],
    ['a too-short ring', (l) => ((l.features[1].geometry.coordinates = [[[[116.8, 32.77], [116.81, 32.77], [116.8, 32.77]]]]), l), /"2": .*at least four positions/],
    ['coordinates out of range', (l) => ((ring(l, '2')[1] = [216.8, 32.77]), l), /"2": coordinates out of range/],
    ['a polygon without rings', (l) => ((l.features[1].geometry.coordinates = []), l), /"2": a polygon without rings/],
    ['a self-intersecting grid', (l) => {
      const r = ring(l, '2');
      [r[1], r[2]] = [r[2], r[1]];
      return l;
    }, /"2": invalid geometry: Self-intersection/, { kind: 'invalid_geometry', grid: '2' }],
    ['two grids overlapping', (l) => moveVertex(l, SHARED, MOVED, '1'), /"1" and "2": overlap of [\d.]+ m²/, { kind: 'overlap', grid: '1', otherGrid: '2' }],
    ['a gap between grids', (l) => moveVertex(l, SHARED, MOVED, '2'), /\(layout\): gap of [\d.]+ m²/, { kind: 'gap', grid: null }],
    ['a grid reaching outside the service area', (l) => moveVertex(l, [116.867, 32.788], [116.875, 32.795]), /"4": outside service area of [\d.]+ m²/, { kind: 'outside_service_area', grid: '4' }],
    ['a duplicate code', (l) => ((l.features[1].properties.code = '1'), l), /code "1" is used by more than one grid/, { kind: 'duplicate_code', grid: '1' }],
    ['a missing code', (l) => (delete l.features[1].properties.code, l), /#2: code: needs a code/],
    ['a missing name', (l) => (delete l.features[1].properties.name, l), /"2": name: needs a name/],
  ];
  for (const [what, edit, message, problem] of cases) {
    it(`refuses ${what} on preview and save, naming the grid, and changes nothing`, async () => {
      const before = await state();
      for (const r of [
        await planner.post('/api/grids/preview', { grids: edit(structuredClone(v1)) }),
        await planner.request('PUT', '/api/grids', { baseVersion: 1, note: 'x', grids: edit(structuredClone(v1)) }),
      ]) {
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('invalid_geojson');
        expect(r.body.error.message).toMatch(message);
        if (problem) expect(r.body.error.details.problems[0]).toMatchObject(problem);
        if (problem?.kind && problem.kind !== 'duplicate_code') expect(r.body.error.details.problems[0].geometry).toBeTruthy();
      }
      expect(await state()).toEqual(before);
    });
  }

  it('refuses invalid JSON, a missing note and an oversized body', async () => {
    const before = await state();
    expect((await planner.request('PUT', '/api/grids', '{"baseVersion": 1, "grids": ', {})).status).toBe(400);
    const noNote = await planner.request('PUT', '/api/grids', { baseVersion: 1, grids: v1 });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toMatch(/note/);
    const huge = structuredClone(v1);
    huge.features[0].properties.padding = 'x'.repeat(3 * 2 ** 20);
    expect((await planner.request('PUT', '/api/grids', { baseVersion: 1, note: 'big', grids: huge })).status).toBe(413);
    expect(await state()).toEqual(before);
  });

  it('lets only planners and admins change the layout', async () => {
    const dispatcher = await login(server.url, 'dispatcher', TEST_PASSWORD);
    expect((await dispatcher.request('PUT', '/api/grids', { baseVersion: 1, note: 'x', grids: v1 })).status).toBe(403);
    expect((await dispatcher.post('/api/grids/preview', { grids: v1 })).status).toBe(403);
  });
});
