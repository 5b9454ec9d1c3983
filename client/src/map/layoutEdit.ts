// The planner's edits to a grid layout as a whole, in plain geometry (no map, no Vue), so they can be tested alone.
// Grids that share a boundary share its vertices: an edit applies to every ring holding the same position, so a
// shared edge stays shared. "Same" is within EPS degrees (the server rounds coordinates; two grids cut from one
// line hold bit-identical positions, but an imported file may not).
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export interface LayoutProps {
  code: string;
  name: string;
  name_en?: string;
}
export type LayoutFeature = Feature<Polygon | MultiPolygon, LayoutProps>;
export type Layout = FeatureCollection<Polygon | MultiPolygon, LayoutProps>;

export const EPS = 1e-9;
/** A ring needs its first position repeated at the end, and three distinct ones: four at least. */
export const MIN_RING = 4;

export const samePos = (a: Position, b: Position): boolean => Math.abs(a[0] - b[0]) <= EPS && Math.abs(a[1] - b[1]) <= EPS;

/** Every ring of a feature (outer and holes, all parts of a MultiPolygon). */
export function ringsOf(f: LayoutFeature): Position[][] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

/** A copy of the layout with each ring passed through `fn` (which may return the ring itself when unchanged). */
function mapRings(layout: Layout, fn: (ring: Position[], code: string) => Position[]): Layout {
  return {
    ...layout,
    features: layout.features.map((f) => {
      const code = f.properties.code;
      const geometry: Polygon | MultiPolygon =
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: f.geometry.coordinates.map((r) => fn(r, code)) }
          : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((p) => p.map((r) => fn(r, code))) };
      return { ...f, geometry };
    }),
  };
}

/** Codes of the grids holding this position. */
export function gridsAt(layout: Layout, pos: Position): string[] {
  return layout.features.filter((f) => ringsOf(f).some((r) => r.some((p) => samePos(p, pos)))).map((f) => f.properties.code);
}

/** Moves a vertex in every grid holding it. */
export function moveVertex(layout: Layout, from: Position, to: Position): Layout {
  return mapRings(layout, (ring) => (ring.some((p) => samePos(p, from)) ? ring.map((p) => (samePos(p, from) ? [to[0], to[1]] : p)) : ring));
}

/** Inserts `at` on the edge a–b (either direction) of every ring having that edge; `count` is how many rings got it. */
export function insertVertex(layout: Layout, a: Position, b: Position, at: Position): { layout: Layout; count: number } {
  let count = 0;
  const next = mapRings(layout, (ring) => {
    const out: Position[] = [ring[0]];
    for (let i = 1; i < ring.length; i++) {
      const p = ring[i - 1];
      const q = ring[i];
      if ((samePos(p, a) && samePos(q, b)) || (samePos(p, b) && samePos(q, a))) {
        out.push([at[0], at[1]]);
        count++;
      }
      out.push(q);
    }
    return out.length === ring.length ? ring : out;
  });
  return { layout: next, count };
}

export type DeleteResult = { ok: true; layout: Layout } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'too_few'; grid: string };

/** Deletes a vertex from every grid holding it; refused when a ring would drop below MIN_RING positions. */
export function deleteVertex(layout: Layout, pos: Position): DeleteResult {
  let found = false;
  let tooFew: string | null = null;
  const next = mapRings(layout, (ring, code) => {
    if (!ring.some((p) => samePos(p, pos))) return ring;
    found = true;
    // The closing position repeats the first: work on the open ring and close it again.
    const open = ring.slice(0, -1).filter((p) => !samePos(p, pos));
    if (open.length + 1 < MIN_RING) tooFew ??= code;
    return open.length ? [...open, open[0]] : [];
  });
  if (!found) return { ok: false, reason: 'not_found' };
  if (tooFew !== null) return { ok: false, reason: 'too_few', grid: tooFew };
  return { ok: true, layout: next };
}

export interface Vertex {
  pos: Position;
  /** Codes of the grids holding it (a vertex on a shared boundary has two or more). */
  grids: string[];
}

export interface Edge {
  a: Position;
  b: Position;
  mid: Position;
  grids: string[];
}

// Keys only group positions for display; the edits themselves compare with samePos, so a near-miss key merely
// shows two handles on one spot, both of which move everything at that spot.
const key = (p: Position) => `${p[0].toFixed(9)},${p[1].toFixed(9)}`;

/** The distinct vertices of the layout, each with the grids holding it. */
export function layoutVertices(layout: Layout): Vertex[] {
  const byKey = new Map<string, Vertex>();
  for (const f of layout.features) {
    for (const ring of ringsOf(f)) {
      for (const p of ring.slice(0, -1)) {
        const v = byKey.get(key(p)) ?? { pos: p, grids: [] };
        if (!v.grids.includes(f.properties.code)) v.grids.push(f.properties.code);
        byKey.set(key(p), v);
      }
    }
  }
  return [...byKey.values()];
}

/** The distinct edges of the layout (a shared edge once), with their midpoints: where a vertex can be added. */
export function layoutEdges(layout: Layout): Edge[] {
  const byKey = new Map<string, Edge>();
  for (const f of layout.features) {
    for (const ring of ringsOf(f)) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1], ring[i]];
        const k = [key(a), key(b)].sort().join('|');
        const e = byKey.get(k) ?? { a, b, mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], grids: [] };
        if (!e.grids.includes(f.properties.code)) e.grids.push(f.properties.code);
        byKey.set(k, e);
      }
    }
  }
  return [...byKey.values()];
}

// ── Snapping ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface ScreenPoint {
  x: number;
  y: number;
}
export interface SnapTargets {
  /** Vertices to snap to first: other grids' vertices and road vertices. */
  vertices: Position[];
  /** Lines to snap onto when no vertex is near: roads. */
  lines: Position[][];
}
export interface Snapped {
  pos: Position;
  kind: 'vertex' | 'line' | 'none';
}

/**
 * Where a dragged vertex lands: the nearest target vertex within `tolerancePx` screen pixels, else the nearest point
 * on a target line within it, else the cursor. Distances are in pixels because "close" is what the planner sees.
 */
export function snap(cursor: Position, targets: SnapTargets, project: (p: Position) => ScreenPoint, tolerancePx: number): Snapped {
  const c = project(cursor);
  let best: { pos: Position; d: number } | null = null;
  for (const v of targets.vertices) {
    const s = project(v);
    const d = Math.hypot(s.x - c.x, s.y - c.y);
    if (d <= tolerancePx && (!best || d < best.d)) best = { pos: v, d };
  }
  if (best) return { pos: [best.pos[0], best.pos[1]], kind: 'vertex' };
  for (const line of targets.lines) {
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1], line[i]];
      const [sa, sb] = [project(a), project(b)];
      const t = segmentParam(c, sa, sb);
      const d = Math.hypot(sa.x + t * (sb.x - sa.x) - c.x, sa.y + t * (sb.y - sa.y) - c.y);
      // Interpolating in degrees is what the screen shows, to well under a pixel, over a city block's segment.
      if (d <= tolerancePx && (!best || d < best.d)) best = { pos: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], d };
    }
  }
  return best ? { pos: best.pos, kind: 'line' } : { pos: [cursor[0], cursor[1]], kind: 'none' };
}

/** Where along a–b (0..1) the point nearest to c lies. */
function segmentParam(c: ScreenPoint, a: ScreenPoint, b: ScreenPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  return Math.max(0, Math.min(1, ((c.x - a.x) * dx + (c.y - a.y) * dy) / len2));
}

/** Snap targets for dragging the vertex at `dragged`: every other layout vertex, and the roads' vertices and lines. */
export function snapTargets(layout: Layout, roads: Position[][], dragged: Position): SnapTargets {
  const vertices = layoutVertices(layout)
    .map((v) => v.pos)
    .filter((p) => !samePos(p, dragged));
  for (const line of roads) vertices.push(...line);
  return { vertices, lines: roads };
}

// ── Undo / redo ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Whole-layout snapshots: a layout is small (a few grids), and a snapshot cannot drift from what was drawn. */
export interface History<T> {
  past: T[];
  future: T[];
}
export const HISTORY_LIMIT = 100;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** Records the state before an edit; a new edit drops whatever could have been redone. */
export function record<T>(h: History<T>, before: T): History<T> {
  return { past: [...h.past, before].slice(-HISTORY_LIMIT), future: [] };
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  if (!h.past.length) return null;
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future] }, value: h.past[h.past.length - 1] };
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  if (!h.future.length) return null;
  return { history: { past: [...h.past, current], future: h.future.slice(1) }, value: h.future[0] };
}

// ── Reading layouts ──────────────────────────────────────────────────────────────────────────────────────────────

/** A layout from GET /api/grids (or a version's layout): the geometry with code and names only. */
export function toLayout(fc: FeatureCollection): Layout {
  return {
    type: 'FeatureCollection',
    features: fc.features
      .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
      .map((f) => {
        const p = (f.properties ?? {}) as Record<string, unknown>;
        const props: LayoutProps = { code: String(p.code ?? ''), name: String(p.name ?? p.name_zh ?? '') };
        if (typeof p.name_en === 'string' && p.name_en) props.name_en = p.name_en;
        return { type: 'Feature', geometry: f.geometry as Polygon | MultiPolygon, properties: props };
      }),
  };
}

export type ParseResult = { ok: true; layout: Layout; skipped: number } | { ok: false; reason: 'not_json' | 'not_collection' | 'no_polygons' };

/**
 * A layout from a GeoJSON file the planner picked. Only the shape is checked here (a FeatureCollection with
 * polygons); codes, names, overlaps and gaps are the server's to judge at preview and save.
 */
export function parseLayoutFile(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  const fc = data as FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { ok: false, reason: 'not_collection' };
  const layout = toLayout(fc);
  if (!layout.features.length) return { ok: false, reason: 'no_polygons' };
  return { ok: true, layout, skipped: fc.features.length - layout.features.length };
}
