// A grid layout as planners send it: checked in form (GeoJSON, codes, names), then in PostGIS (validity, overlaps,
// gaps, overreach against the service area). Every problem names the grid and, where it can, the place on the map.
import { z } from 'zod';
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { checkFeatureCollection, checkGeometriesInPostgis, featuresOf, GeoDataError, type GeoProblem } from '../geodata/validate';

const layoutProblemsSql = sqlFile(import.meta.url, 'layout-problems.sql');

export const SOURCE = 'grid layout';

export interface LayoutGrid {
  code: string;
  name: string;
  name_en?: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface LayoutProblem extends GeoProblem {
  kind: string;
  grid: string | null;
  otherGrid?: string | null;
  areaM2?: number;
}

const properties = z.object({
  code: z.string({ error: 'needs a code' }).regex(/^[0-9A-Za-z_-]{1,16}$/, 'code must be 1–16 letters, digits, - or _'),
  name: z.string({ error: 'needs a name' }).trim().min(1, 'needs a name').max(64, 'name is longer than 64 characters'),
  name_en: z.string().trim().min(1).max(64).optional(),
});

const problem = (kind: string, grid: string | null, feature: string, message: string): LayoutProblem => ({ kind, grid, feature, message });

/** True when a Polygon or any polygon of a MultiPolygon has no ring at all (geojson-validation lets that pass). */
function hasEmptyPolygon(g: LayoutGrid['geometry']): boolean {
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : (g.coordinates as unknown[])) as unknown[][];
  return polygons.length === 0 || polygons.some((p) => !Array.isArray(p) || p.length === 0);
}

/** Runs a check whose GeoDataError names features by label, adding the grid code the map highlights. */
function withGridNames<T>(check: () => T, kind = 'form'): T {
  const named = (err: unknown) => {
    if (!(err instanceof GeoDataError)) return err;
    const grid = (label: string) => /^"(.*)"$/.exec(label)?.[1] ?? null;
    return new GeoDataError(err.source, err.problems.map((p) => ({ kind, grid: grid(p.feature), ...p })));
  };
  try {
    const r = check();
    return (r instanceof Promise ? r.catch((err) => Promise.reject(named(err))) : r) as T;
  } catch (err) {
    throw named(err);
  }
}

/** Checks the form of a layout and returns its grids; throws GeoDataError naming every grid at fault. */
export function parseLayout(obj: unknown): LayoutGrid[] {
  if (featuresOf(obj, SOURCE).length === 0) {
    throw new GeoDataError(SOURCE, [problem('empty', null, '(layout)', 'the layout has no grids')]);
  }
  const fc = withGridNames(() => checkFeatureCollection(obj, SOURCE, { geometryTypes: ['Polygon', 'MultiPolygon'], idProperty: 'code' }));
  const problems: LayoutProblem[] = [];
  const seen = new Set<string>();
  const grids = fc.features.map((f, i) => {
    const p = properties.safeParse(f.properties ?? {});
    const code = typeof f.properties?.code === 'string' ? f.properties.code : null;
    const label = code ? `"${code}"` : `#${i + 1}`;
    if (!p.success) {
      for (const issue of p.error.issues) problems.push(problem('properties', code, label, `${issue.path.join('.') || 'properties'}: ${issue.message}`));
    } else if (seen.has(p.data.code)) {
      problems.push(problem('duplicate_code', p.data.code, label, `code "${p.data.code}" is used by more than one grid`));
    } else {
      seen.add(p.data.code);
    }
    const geometry = f.geometry as LayoutGrid['geometry'];
    if (hasEmptyPolygon(geometry)) problems.push(problem('empty_polygon', code, label, 'a polygon without rings'));
    return { ...(p.data ?? { code: code ?? '', name: '' }), geometry };
  });
  if (problems.length) throw new GeoDataError(SOURCE, problems);
  return grids;
}

/** The layout as the JSON parameter the layout SQL reads: [{code, name, name_en, geom}]. */
export const layoutParam = (grids: LayoutGrid[]) =>
  JSON.stringify(grids.map((g) => ({ code: g.code, name: g.name, name_en: g.name_en, geom: JSON.stringify(g.geometry) })));

interface ProblemRow {
  kind: 'overlap' | 'outside_service_area' | 'gap';
  grid: string | null;
  other_grid: string | null;
  area_m2: number;
  geometry: unknown;
}

/** PostGIS checks: every geometry valid (with the reason and place), then no overlap, gap or overreach over 1 m². */
export async function checkLayoutInPostgis(db: Queryable, grids: LayoutGrid[], source = SOURCE): Promise<void> {
  const fc = { type: 'FeatureCollection' as const, features: grids.map((g) => ({ type: 'Feature' as const, geometry: g.geometry, properties: { code: g.code } })) };
  await withGridNames(() => checkGeometriesInPostgis(db, fc, source, 'code'), 'invalid_geometry');
  const rows = await db.query<ProblemRow & Record<string, unknown>>(layoutProblemsSql, [layoutParam(grids)]);
  if (rows.length) {
    throw new GeoDataError(
      source,
      rows.map((r): LayoutProblem => ({
        kind: r.kind,
        grid: r.grid,
        otherGrid: r.other_grid,
        areaM2: r.area_m2,
        feature: r.grid ? `"${r.grid}"${r.other_grid ? ` and "${r.other_grid}"` : ''}` : '(layout)',
        message: `${r.kind.replace(/_/g, ' ')} of ${r.area_m2} m²`,
        geometry: r.geometry,
      })),
    );
  }
}

/** The grids back as a GeoJSON FeatureCollection, as planners send and receive layouts. */
export function toFeatureCollection(grids: LayoutGrid[]) {
  return {
    type: 'FeatureCollection' as const,
    features: grids.map((g) => ({ type: 'Feature' as const, geometry: g.geometry, properties: { code: g.code, name: g.name, ...(g.name_en ? { name_en: g.name_en } : {}) } })),
  };
}
