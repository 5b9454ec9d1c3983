// Checks GeoJSON twice: its form with geojson-validation, then each geometry's validity in PostGIS.
import * as gjv from 'geojson-validation';
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';

const invalidGeometriesSql = sqlFile(import.meta.url, 'invalid-geometries.sql');

export interface GeoProblem {
  /** Which feature: its id property where it has one, else its place in the list. */
  feature: string;
  message: string;
  /** Where the map should point: the place of an invalid geometry, an overlap, a gap. */
  geometry?: unknown;
}

export class GeoDataError extends Error {
  constructor(
    readonly source: string,
    readonly problems: GeoProblem[],
  ) {
    super(`${source}: ${problems.map((p) => `feature ${p.feature}: ${p.message}`).join('; ')}`);
  }
}

interface FeatureLike {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

export interface FeatureCollectionLike {
  type: 'FeatureCollection';
  features: FeatureLike[];
}

export function featureLabel(f: unknown, index: number, idProperty: string): string {
  const id = (f as FeatureLike | null)?.properties?.[idProperty];
  return typeof id === 'string' || typeof id === 'number' ? `"${id}"` : `#${index + 1}`;
}

export const OUT_OF_RANGE = 'coordinates out of range (longitude −180…180, latitude −90…90)';

/** True when any position in (nested) coordinates lies outside longitude ±180 or latitude ±90. */
export function positionsOutOfRange(coords: unknown): boolean {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const [x, y] = coords as number[];
    return !(Math.abs(x) <= 180 && Math.abs(y) <= 90);
  }
  return Array.isArray(coords) && coords.some(positionsOutOfRange);
}

/** The features of a FeatureCollection, or a GeoDataError saying the object is none. */
export function featuresOf(obj: unknown, source: string): unknown[] {
  if ((obj as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray((obj as { features?: unknown }).features)) {
    throw new GeoDataError(source, [{ feature: '(file)', message: 'is not a GeoJSON FeatureCollection' }]);
  }
  return (obj as { features: unknown[] }).features;
}

/**
 * Checks the form of a FeatureCollection: GeoJSON itself, the allowed geometry types, coordinates in range.
 * Throws GeoDataError naming the source and the features at fault.
 */
export function checkFeatureCollection(
  obj: unknown,
  source: string,
  opts: { geometryTypes: readonly string[]; idProperty: string },
): FeatureCollectionLike {
  const features = featuresOf(obj, source);
  const problems: GeoProblem[] = [];
  features.forEach((f, i) => {
    const feature = featureLabel(f, i, opts.idProperty);
    const trace = gjv.isFeature(f, true);
    if (trace.length) return void problems.push({ feature, message: trace.join(', ') });
    const g = (f as FeatureLike).geometry;
    if (!g || !opts.geometryTypes.includes(g.type)) {
      problems.push({ feature, message: `geometry must be ${opts.geometryTypes.join(' or ')}, not ${g?.type ?? 'null'}` });
    } else if (positionsOutOfRange(g.coordinates)) {
      problems.push({ feature, message: OUT_OF_RANGE });
    }
  });
  if (problems.length) throw new GeoDataError(source, problems);
  return obj as FeatureCollectionLike;
}

/** Asks PostGIS whether each geometry is valid (ST_IsValid) and why not (ST_IsValidReason). */
export async function checkGeometriesInPostgis(
  db: Queryable,
  fc: FeatureCollectionLike,
  source: string,
  idProperty: string,
): Promise<void> {
  const geometries = fc.features.map((f) => JSON.stringify(f.geometry));
  const rows = await db.query<{ i: number; reason: string; location: unknown }>(invalidGeometriesSql, [geometries]);
  if (rows.length) {
    throw new GeoDataError(
      source,
      rows.map((r) => ({
        feature: featureLabel(fc.features[r.i - 1], r.i - 1, idProperty),
        message: `invalid geometry: ${r.reason}`,
        ...(r.location ? { geometry: r.location } : {}),
      })),
    );
  }
}
