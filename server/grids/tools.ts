// Layout editing tools that need exact geometry: split a grid along a line, merge two neighbours, carve out a new
// grid. Each takes the layout being edited and answers the whole new layout; nothing is stored.
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { AppError } from '../errors';
import { layoutParam, toFeatureCollection, type LayoutGrid } from './layout';

/** A refused tool request, with a code the client words in the planner's language. */
const refused = (code: string, message: string) => new AppError(400, code, message);

const sql = {
  split: sqlFile(import.meta.url, 'tool-split.sql'),
  merge: sqlFile(import.meta.url, 'tool-merge.sql'),
  add: sqlFile(import.meta.url, 'tool-add.sql'),
  snap: sqlFile(import.meta.url, 'tool-snap.sql'),
};

type Geometry = LayoutGrid['geometry'];

function gridOf(grids: LayoutGrid[], code: string): LayoutGrid {
  const g = grids.find((x) => x.code === code);
  if (!g) throw refused('grid_not_in_layout', `grid "${code}" is not in the layout`);
  return g;
}

function newCodeFree(grids: LayoutGrid[], code: string): void {
  if (grids.some((g) => g.code === code)) throw refused('grid_code_taken', `grid code "${code}" is already used`);
}

const multi = (parts: Geometry[]): Geometry =>
  parts.length === 1 ? parts[0] : { type: 'MultiPolygon', coordinates: parts.map((p) => p.coordinates) };

export async function splitGrid(db: Queryable, grids: LayoutGrid[], code: string, line: unknown, newCode: string, newName: string) {
  const grid = gridOf(grids, code);
  newCodeFree(grids, newCode);
  const parts = await db.query<{ geometry: Geometry; area_m2: number }>(sql.split, [layoutParam([grid]), code, JSON.stringify(line)]);
  const real = parts.filter((p) => p.area_m2 > 1);
  if (real.length < 2) throw refused('line_does_not_cut', `the line does not cut grid "${code}" in two: draw it across the grid, from outside to outside`);
  // The largest piece keeps the grid's code; the rest become the new grid.
  const kept: LayoutGrid = { ...grid, geometry: real[0].geometry };
  const added: LayoutGrid = { code: newCode, name: newName, geometry: multi(real.slice(1).map((p) => p.geometry)) };
  // The cut's ends lie on the neighbours' edges: give them those corners too, so the editor moves them together.
  const neighbours = grids.filter((g) => g.code !== code);
  const snapped = await db.query<{ code: string; geometry: Geometry }>(sql.snap, [layoutParam(neighbours), JSON.stringify(added.geometry)]);
  const byCode = new Map(snapped.map((r) => [r.code, r.geometry]));
  return toFeatureCollection(
    grids.flatMap((g) => (g.code === code ? [kept, added] : [{ ...g, geometry: byCode.get(g.code) ?? g.geometry }])),
  );
}

export async function mergeGrids(db: Queryable, grids: LayoutGrid[], keep: string, other: string, name?: string) {
  if (keep === other) throw refused('same_grid', 'choose two different grids to merge');
  gridOf(grids, keep);
  gridOf(grids, other);
  const [r] = await db.query<{ shared_m: number; geometry: Geometry }>(sql.merge, [layoutParam(grids), keep, other]);
  if (!(r.shared_m > 1)) throw refused('not_neighbours', `grids "${keep}" and "${other}" share no boundary: only neighbours can be merged`);
  return toFeatureCollection(
    grids.flatMap((g) => (g.code === other ? [] : g.code === keep ? [{ ...g, name: name ?? g.name, geometry: r.geometry }] : [g])),
  );
}

export async function addGrid(db: Queryable, grids: LayoutGrid[], polygon: unknown, code: string, name: string) {
  newCodeFree(grids, code);
  const rows = await db.query<{ code: string | null; geometry: Geometry; area_m2: number }>(sql.add, [layoutParam(grids), JSON.stringify(polygon)]);
  const drawn = rows.find((r) => r.code === null)!;
  if (!(drawn.area_m2 > 1)) throw refused('drawn_outside_service_area', 'the drawn grid lies outside the service area');
  const rest = new Map(rows.filter((r) => r.code !== null && r.area_m2 > 1).map((r) => [r.code!, r.geometry]));
  const kept = grids.filter((g) => rest.has(g.code)).map((g) => ({ ...g, geometry: rest.get(g.code)! }));
  return toFeatureCollection([...kept, { code, name, geometry: drawn.geometry }]);
}
