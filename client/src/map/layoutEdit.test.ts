import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  deleteVertex, emptyHistory, gridsAt, insertVertex, layoutEdges, layoutVertices, moveVertex, parseLayoutFile, record, redo, snap, snapTargets, toLayout, undo,
  type Layout, type LayoutFeature,
} from './layoutEdit';

// Two unit squares side by side sharing the edge x = 1, and a triangle touching their shared top vertex.
//   A: (0,0)-(1,0)-(1,1)-(0,1)   B: (1,0)-(2,0)-(2,1)-(1,1)   T: (1,1)-(2,2)-(0,2)
const square = (code: string, ring: Position[]): LayoutFeature => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] }, properties: { code, name: `网格${code}` } });
const layout = (): Layout => ({
  type: 'FeatureCollection',
  features: [
    square('A', [[0, 0], [1, 0], [1, 1], [0, 1]]),
    square('B', [[1, 0], [2, 0], [2, 1], [1, 1]]),
    square('T', [[1, 1], [2, 2], [0, 2]]),
  ],
});
const ring = (l: Layout, code: string) => (l.features.find((f) => f.properties.code === code)!.geometry.coordinates as Position[][])[0];

describe('moveVertex', () => {
  it('moves a shared vertex in every grid holding it, so the shared edge stays shared', () => {
    const next = moveVertex(layout(), [1, 1], [1.2, 1.1]);
    expect(ring(next, 'A')[2]).toEqual([1.2, 1.1]);
    expect(ring(next, 'B')[3]).toEqual([1.2, 1.1]);
    // T's vertex is also its first and closing position: both move.
    expect(ring(next, 'T')[0]).toEqual([1.2, 1.1]);
    expect(ring(next, 'T')[3]).toEqual([1.2, 1.1]);
  });

  it('matches positions within 1e-9 degrees, not farther', () => {
    const l = layout();
    ring(l, 'B')[3] = [1 + 5e-10, 1 - 5e-10];
    ring(l, 'T')[0] = ring(l, 'T')[3] = [1 + 1e-7, 1];
    const next = moveVertex(l, [1, 1], [1.5, 1.5]);
    expect(ring(next, 'B')[3]).toEqual([1.5, 1.5]);
    expect(ring(next, 'T')[0]).toEqual([1 + 1e-7, 1]);
  });

  it('leaves the input untouched (the undo stack keeps it)', () => {
    const l = layout();
    moveVertex(l, [1, 0], [1, -1]);
    expect(ring(l, 'A')[1]).toEqual([1, 0]);
  });
});

describe('insertVertex', () => {
  it('inserts on a shared edge in both grids, whichever way round each walks it', () => {
    const { layout: next, count } = insertVertex(layout(), [1, 0], [1, 1], [1.1, 0.5]);
    expect(count).toBe(2);
    expect(ring(next, 'A')).toEqual([[0, 0], [1, 0], [1.1, 0.5], [1, 1], [0, 1], [0, 0]]);
    expect(ring(next, 'B')).toEqual([[1, 0], [2, 0], [2, 1], [1, 1], [1.1, 0.5], [1, 0]]);
    expect(ring(next, 'T')).toHaveLength(4);
  });

  it('inserts on a closing edge', () => {
    const { layout: next, count } = insertVertex(layout(), [0, 1], [0, 0], [-0.1, 0.5]);
    expect(count).toBe(1);
    expect(ring(next, 'A')).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [-0.1, 0.5], [0, 0]]);
  });

  it('counts nothing for an edge no grid has', () => {
    expect(insertVertex(layout(), [0, 0], [2, 2], [1, 1]).count).toBe(0);
  });
});

describe('deleteVertex', () => {
  it('deletes a vertex from every grid holding it', () => {
    const l = insertVertex(layout(), [1, 0], [1, 1], [1.1, 0.5]).layout;
    const r = deleteVertex(l, [1.1, 0.5]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.layout).toEqual(layout());
  });

  it('deletes a first (and closing) position and closes the ring again', () => {
    const r = deleteVertex(layout(), [0, 0]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(ring(r.layout, 'A')).toEqual([[1, 0], [1, 1], [0, 1], [1, 0]]);
  });

  it('refuses when a ring would drop below four positions, naming the grid', () => {
    expect(deleteVertex(layout(), [1, 1])).toEqual({ ok: false, reason: 'too_few', grid: 'T' });
  });

  it('says so when no grid has the vertex', () => {
    expect(deleteVertex(layout(), [5, 5])).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('vertices and edges', () => {
  it('lists each vertex once with the grids sharing it', () => {
    const vs = layoutVertices(layout());
    expect(vs).toHaveLength(8);
    expect(vs.find((v) => v.pos[0] === 1 && v.pos[1] === 1)!.grids).toEqual(['A', 'B', 'T']);
    expect(gridsAt(layout(), [1, 0])).toEqual(['A', 'B']);
  });

  it('lists a shared edge once, with its midpoint', () => {
    const es = layoutEdges(layout());
    expect(es).toHaveLength(4 + 4 + 3 - 1);
    const shared = es.find((e) => e.grids.length === 2)!;
    expect(shared.mid).toEqual([1, 0.5]);
    expect(shared.grids).toEqual(['A', 'B']);
  });

  it('reads a MultiPolygon part by part', () => {
    const l = layout();
    l.features[0] = { ...l.features[0], geometry: { type: 'MultiPolygon', coordinates: [[ring(l, 'A')], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] } };
    const next = moveVertex(l, [6, 6], [7, 7]);
    expect((next.features[0].geometry.coordinates as Position[][][])[1][0][2]).toEqual([7, 7]);
    expect(layoutVertices(l)).toHaveLength(11);
  });
});

describe('snap', () => {
  // One degree is 100 px: easy to reason about.
  const project = (p: Position) => ({ x: p[0] * 100, y: -p[1] * 100 });
  const targets = { vertices: [[1, 1]], lines: [[[0, 3], [4, 3]]] };

  it('snaps to a vertex within the tolerance', () => {
    expect(snap([1.05, 1.05], targets, project, 10)).toEqual({ pos: [1, 1], kind: 'vertex' });
  });

  it('snaps onto a line when no vertex is near, at the nearest point', () => {
    const s = snap([2, 3.05], targets, project, 10);
    expect(s.kind).toBe('line');
    expect(s.pos[0]).toBeCloseTo(2);
    expect(s.pos[1]).toBeCloseTo(3);
  });

  it('prefers a vertex over a nearer line', () => {
    const s = snap([0.05, 3.02], { vertices: [[0, 3]], lines: [[[-1, 3.02], [1, 3.02]]] }, project, 10);
    expect(s).toEqual({ pos: [0, 3], kind: 'vertex' });
  });

  it('keeps the cursor when nothing is near', () => {
    expect(snap([1.5, 1.5], targets, project, 10)).toEqual({ pos: [1.5, 1.5], kind: 'none' });
  });

  it('offers every other vertex and the roads, never the dragged vertex itself', () => {
    const t = snapTargets(layout(), [[[9, 9], [10, 10]]], [1, 1]);
    expect(t.vertices).toHaveLength(7 + 2);
    expect(t.vertices.some((p) => p[0] === 1 && p[1] === 1)).toBe(false);
  });
});

describe('undo and redo', () => {
  it('walks back and forth through snapshots; a new edit drops the redo side', () => {
    let h = record(record(emptyHistory<number>(), 1), 2);
    const u = undo(h, 3)!;
    expect(u.value).toBe(2);
    const r = redo(u.history, 2)!;
    expect(r.value).toBe(3);
    h = record(u.history, 2);
    expect(h.future).toEqual([]);
    expect(undo(emptyHistory<number>(), 1)).toBeNull();
    expect(redo(h, 5)).toBeNull();
  });

  it('keeps at most a hundred steps', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < 150; i++) h = record(h, i);
    expect(h.past).toHaveLength(100);
    expect(h.past[0]).toBe(50);
  });
});

describe('reading layouts', () => {
  it('keeps code and names of the grids answered by the API', () => {
    const l = toLayout({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: ring(layout(), 'A') && layout().features[0].geometry, properties: { code: '1', name_zh: '网格1', name_en: 'Grid 1', figures: {} } }] });
    expect(l.features[0].properties).toEqual({ code: '1', name: '网格1', name_en: 'Grid 1' });
  });

  it('reads a file with polygons, skipping other features', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [...layout().features, { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} }] });
    const r = parseLayoutFile(text);
    expect(r.ok && r.layout.features.length).toBe(3);
    expect(r.ok && r.skipped).toBe(1);
  });

  it('names what is wrong with a file that is no layout', () => {
    expect(parseLayoutFile('{')).toEqual({ ok: false, reason: 'not_json' });
    expect(parseLayoutFile('{"type":"Feature"}')).toEqual({ ok: false, reason: 'not_collection' });
    expect(parseLayoutFile('{"type":"FeatureCollection","features":[]}')).toEqual({ ok: false, reason: 'no_polygons' });
  });
});
