// Replaces the stored network all-or-nothing, and exports it back in the same format.
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { withIndexesDeferred } from '../db/bulk-load';
import { audit, type Actor } from '../audit/service';
import { GeoDataError } from '../geodata/validate';
import { parseNetwork, type Network } from './format';
import { computeUnits, type Units } from './dominators';
import { computeSegments } from './segments';

const sql = {
  nodes: sqlFile(import.meta.url, 'insert-nodes.sql'),
  pipes: sqlFile(import.meta.url, 'insert-pipes.sql'),
  invalid: sqlFile(import.meta.url, 'invalid-pipes.sql'),
  detach: sqlFile(import.meta.url, 'detach-households.sql'),
  deviceEnds: sqlFile(import.meta.url, 'insert-device-ends.sql'),
  units: sqlFile(import.meta.url, 'insert-units.sql'),
  feeds: sqlFile(import.meta.url, 'insert-feeds.sql'),
  counts: sqlFile(import.meta.url, 'counts.sql'),
  export: sqlFile(import.meta.url, 'export.sql'),
  nextGeneration: sqlFile(import.meta.url, 'next-generation.sql'),
};

const CHUNK = 5000;
/** Every table an import rewrites, children first. */
const NETWORK_TABLES = ['network_unit_feeds', 'network_units', 'network_device_ends', 'network_pipe_ends', 'network_pipes', 'network_nodes'];

export interface NetworkCounts {
  nodes: Partial<Record<string, number>>;
  pipes: number;
}

/** A position as WKT: longitude and latitude only (a height, if given, is not stored). */
const xy = (c: number[]) => `${c[0]} ${c[1]}`;

async function inChunks<T>(items: T[], run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await run(items.slice(i, i + CHUNK));
}

/** Replaces the units, their dominator tree and the feeds of the joins. */
async function writeUnits(tx: Queryable, units: Units): Promise<void> {
  const { pre, post, idom, anchor, join, core } = units;
  const rows = Array.from({ length: units.count }, (_, i) => i + 1).map((u) => ({
    unit: u, pre: pre[u], post: post[u], idom: pre[u] === null ? null : idom[u], anchor: anchor[u], join: join[u], core: core[u],
  }));
  await inChunks(rows, (c) => tx.query(sql.units, [JSON.stringify(c)]));
  const feeds = units.feeds.map((f) => ({
    unit: f.unit, core: core[f.unit], pred: f.pred, predPre: pre[f.pred], predAnchor: anchor[f.pred], anchorPre: pre[anchor[f.pred]], valve: f.valve,
  }));
  await inChunks(feeds, (c) => tx.query(sql.feeds, [JSON.stringify(c)]));
}

/** Computes segments and units again when a migration dropped them (a network stored by an earlier version):
 *  the network is written back as it is, same ids, so households keep their service points. */
export async function ensureUnits(db: Database): Promise<boolean> {
  const [{ missing }] = await db.query<{ missing: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM network_pipes) AND NOT EXISTS (SELECT 1 FROM network_units) AS missing',
  );
  if (!missing) return false;
  const network = parseNetwork(await exportNetwork(db), 'stored network');
  await db.withTransaction((tx) => replaceNetwork(tx, network, 'stored network'));
  return true;
}

/** Writes a parsed network in place of the stored one; call inside a transaction. */
export async function replaceNetwork(tx: Queryable, network: Network, source: string): Promise<{ counts: NetworkCounts; detachedHouseholds: number }> {
  // TRUNCATE, not DELETE: deleting nodes checks each one against the pipes' dead rows, quadratic at 100k pipes.
  // It is transactional, and holds readers off until the import commits.
  await tx.query(`TRUNCATE ${NETWORK_TABLES.join(', ')}`);
  await tx.query(sql.nextGeneration);
  // Segments and supply are worked out once here, so an outage question walks segments, not pipes.
  const seg = computeSegments(network);
  const units = computeUnits(network, seg);
  const unitOfSegment = (s: number | undefined) => (s === undefined ? null : units.segmentUnit.get(s)!);
  const nodes = network.nodes.map(({ coordinates, ...n }) => ({
    ...n, segment: seg.nodeSegment.get(n.id) ?? null, unit: unitOfSegment(seg.nodeSegment.get(n.id)), wkt: `POINT(${xy(coordinates)})`,
  }));
  const pipes = network.pipes.map(({ coordinates, ...p }) => ({
    ...p, segment: seg.pipeSegment.get(p.id), unit: unitOfSegment(seg.pipeSegment.get(p.id)), supplied: seg.supplied.has(p.id),
    wkt: `LINESTRING(${coordinates.map(xy).join(',')})`,
  }));
  await withIndexesDeferred(tx, NETWORK_TABLES, async () => {
    await inChunks(nodes, (c) => tx.query(sql.nodes, [JSON.stringify(c)]));
    await inChunks(pipes, (c) => tx.query(sql.pipes, [JSON.stringify(c)]));
    await tx.query(sql.deviceEnds);
    await writeUnits(tx, units);
  });
  // Fresh statistics, or the planner walks a million-row network with plans made for an empty one.
  await tx.exec('ANALYZE network_nodes, network_pipes, network_pipe_ends, network_device_ends, network_units, network_unit_feeds, households');
  const invalid = await tx.query<{ id: string; reason: string }>(sql.invalid);
  if (invalid.length) throw new GeoDataError(source, invalid.map((r) => ({ feature: `"${r.id}"`, message: `invalid geometry: ${r.reason}` })));
  const [{ n: detachedHouseholds }] = await tx.query<{ n: number }>(sql.detach);
  const [{ counts }] = await tx.query<{ counts: NetworkCounts }>(sql.counts);
  return { counts, detachedHouseholds };
}

export async function importNetwork(db: Database, actor: Actor, body: unknown, source = 'network') {
  const network = parseNetwork(body, source);
  return db.withTransaction(async (tx) => {
    const before = (await tx.query<{ counts: NetworkCounts }>(sql.counts))[0].counts;
    const result = await replaceNetwork(tx, network, source);
    await audit(tx, actor, { action: 'network.import', entity: 'network', before, after: { ...result.counts, detachedHouseholds: result.detachedHouseholds } });
    return result;
  });
}

export async function exportNetwork(db: Queryable): Promise<unknown> {
  const [{ fc }] = await db.query<{ fc: unknown }>(sql.export);
  return fc;
}
