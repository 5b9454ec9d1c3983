// Bench of grid layout preview and save: the Panji layout, and a synthetic city of 200 grids (a 20 × 10 lattice)
// over many households. The baseline, same run, is the preview of the unchanged layout: only the checks, nothing moves.
import type { Database } from '../server/db/index';
import { migrate } from '../server/db/migrate';
import { SYSTEM_ACTOR } from '../server/audit/service';
import type { FeatureCollection } from 'geojson';
import { moveVertex, toLayout } from '../client/src/map/layoutEdit';
import { parseLayout, toFeatureCollection, type LayoutGrid } from '../server/grids/layout';
import { currentVersion, previewLayout, restoreLayout, saveLayout, snapshotLayout, versionLayout } from '../server/grids/layout-service';
import { loadPanjiSeed } from '../server/seed/panji';
import { timeRepeated } from './stats';

const actor = { id: null, username: 'bench', ip: null };
const ms = (v: number) => v.toFixed(0);
type Position = [number, number];

/** The city: a 0.2° × 0.1° service area (about 19 × 11 km) cut into 20 × 10 rectangular grids, households at random. */
const CITY_SQL = [
  `INSERT INTO service_area (id, name_zh, geom) VALUES ('city', '基准城区', ST_Multi(ST_MakeEnvelope(116.7, 32.7, 116.9, 32.8, 4326)))`,
  `INSERT INTO grids (code, name_zh, name_en, geom)
   SELECT format('G%s-%s', i, j), format('网格%s-%s', i, j), format('Grid %s-%s', i, j),
          ST_Multi(ST_MakeEnvelope(116.7 + i * 0.01, 32.7 + j * 0.01, 116.7 + (i + 1) * 0.01, 32.7 + (j + 1) * 0.01, 4326))
   FROM generate_series(0, 19) i, generate_series(0, 9) j`,
  `SELECT setseed(0.42)`,
  `INSERT INTO households (id, grid_code, connection, geom)
   SELECT 'H' || n, format('G%s-%s', least(floor((x - 116.7) / 0.01), 19), least(floor((y - 32.7) / 0.01), 9)), 'connected',
          ST_SetSRID(ST_MakePoint(x, y), 4326)
   FROM (SELECT n, 116.7 + random() * 0.2 AS x, 32.7 + random() * 0.1 AS y FROM generate_series(1, $1::int) n) h`,
  `ANALYZE households`,
];

/** The editor's own shared-vertex move (every grid holding `from`), on the layout as the server reads it. */
const moveShared = (grids: LayoutGrid[], from: Position, to: Position) =>
  parseLayout(moveVertex(toLayout(toFeatureCollection(grids) as FeatureCollection), from, to));

async function timeLayout(db: Database, label: string, city: string, households: number, vertex: Position, to: Position, rows: (string | number)[][]) {
  const grids = parseLayout(await versionLayout(db, await currentVersion(db)));
  const moved = moveShared(grids, vertex, to);
  const base = await timeRepeated(5, () => previewLayout(db, grids));
  let moving = 0;
  const preview = await timeRepeated(5, async () => void (moving = (await previewLayout(db, moved)).totals.households));
  const t0 = performance.now();
  await saveLayout(db, actor, moved, { baseVersion: await currentVersion(db), note: 'bench: one shared vertex moved' });
  const save = performance.now() - t0;
  const t1 = performance.now();
  await restoreLayout(db, actor, 1, await currentVersion(db));
  const restore = performance.now() - t1;
  rows.push([label, city, grids.length, households, moving, ms(preview.p50), ms(save), ms(restore), `unchanged layout preview p50 ${ms(base.p50)}`]);
}

export async function layoutBench(db: Database, label: string, households: number | 'panji', rows: (string | number)[][]): Promise<void> {
  await migrate(db);
  if (households === 'panji') {
    await loadPanjiSeed(db);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int n FROM households');
    // The vertex grids 1 and 2 share on Huanghe Road, moved 860 m south: most of 幸福家园 changes grid.
    return timeLayout(db, label, 'Panji', n, [116.811, 32.7738], [116.811, 32.766], rows);
  }
  const t = performance.now();
  for (const statement of CITY_SQL) await db.query(statement, statement.includes('$1') ? [households] : []);
  await snapshotLayout(db, SYSTEM_ACTOR, 'bench city');
  console.error(`bench: ${label} city of ${households} households loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // A lattice corner inside the city, shared by four grids, moved about 300 m north-east.
  return timeLayout(db, label, 'lattice city', households, [116.8, 32.75], [116.803, 32.752], rows);
}
