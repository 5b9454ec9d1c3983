// Replaces the stored network all-or-nothing, and exports it back in the same format.
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { audit, type Actor } from '../audit/service';
import { GeoDataError } from '../geodata/validate';
import { parseNetwork, type Network } from './format';
import { computeUnits } from './dominators';
import { computeSegments } from './segments';

const sql = {
  nodes: sqlFile(import.meta.url, 'insert-nodes.sql'),
  pipes: sqlFile(import.meta.url, 'insert-pipes.sql'),
  invalid: sqlFile(import.meta.url, 'invalid-pipes.sql'),
  detach: sqlFile(import.meta.url, 'detach-households.sql'),
  deviceEnds: sqlFile(import.meta.url, 'insert-device-ends.sql'),
  units: sqlFile(import.meta.url, 'insert-units.sql'),
  counts: sqlFile(import.meta.url, 'counts.sql'),
  export: sqlFile(import.meta.url, 'export.sql'),
};

const CHUNK = 5000;

export interface NetworkCounts {
  nodes: Partial<Record<string, number>>;
  pipes: number;
}

async function inChunks<T>(items: T[], run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await run(items.slice(i, i + CHUNK));
}

/** Writes a parsed network in place of the stored one; call inside a transaction. */
export async function replaceNetwork(tx: Queryable, network: Network, source: string): Promise<{ counts: NetworkCounts; detachedHouseholds: number }> {
  await tx.query('DELETE FROM network_units');
  await tx.query('DELETE FROM network_device_ends');
  await tx.query('DELETE FROM network_pipe_ends');
  await tx.query('DELETE FROM network_pipes');
  await tx.query('DELETE FROM network_nodes');
  // Segments and supply are worked out once here, so an outage question walks segments, not pipes.
  const seg = computeSegments(network);
  const units = computeUnits(network, seg);
  const unitOfSegment = (s: number | undefined) => (s === undefined ? null : units.segmentUnit.get(s)!);
  const nodes = network.nodes.map((n) => ({ ...n, segment: seg.nodeSegment.get(n.id) ?? null, unit: unitOfSegment(seg.nodeSegment.get(n.id)) }));
  const pipes = network.pipes.map((p) => ({ ...p, segment: seg.pipeSegment.get(p.id), unit: unitOfSegment(seg.pipeSegment.get(p.id)), supplied: seg.supplied.has(p.id) }));
  await inChunks(nodes, (c) => tx.query(sql.nodes, [JSON.stringify(c)]));
  await inChunks(pipes, (c) => tx.query(sql.pipes, [JSON.stringify(c)]));
  await tx.query(sql.deviceEnds);
  const unitRows = Array.from({ length: units.count }, (_, i) => ({ unit: i + 1, pre: units.pre[i + 1], post: units.post[i + 1], simple: units.simple[i + 1] }));
  await inChunks(unitRows, (c) => tx.query(sql.units, [JSON.stringify(c)]));
  // Fresh statistics, or the planner walks a million-row network with plans made for an empty one.
  await tx.exec('ANALYZE network_nodes, network_pipes, network_pipe_ends, network_device_ends, network_units, households');
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
