// POST /api/households/import: the stored households become those of the file, all or nothing (spec §3).
import * as gjv from 'geojson-validation';
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { audit, type Actor } from '../audit/service';
import { featureLabel, featuresOf, GeoDataError, OUT_OF_RANGE, positionsOutOfRange, type GeoProblem } from '../geodata/validate';

const importSql = sqlFile(import.meta.url, 'import.sql');
const CHUNK = 5000;

export interface HouseholdIn {
  id: string;
  service: string | null;
  address: string | null;
  phone: string | null;
  name: string | null;
  coordinates: [number, number];
}

const text = (v: unknown, max = 200) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);

export function parseHouseholds(obj: unknown, source = 'households'): HouseholdIn[] {
  const problems: GeoProblem[] = [];
  const seen = new Set<string>();
  const out: HouseholdIn[] = [];
  featuresOf(obj, source).forEach((f, i) => {
    const label = featureLabel(f, i, 'id');
    const fail = (message: string) => problems.length < 50 && problems.push({ feature: label, message });
    const trace = gjv.isFeature(f, true);
    if (trace.length) return void fail(trace.join(', '));
    const { geometry, properties } = f as { geometry: { type: string; coordinates: [number, number] } | null; properties: Record<string, unknown> | null };
    const p = properties ?? {};
    if (geometry?.type !== 'Point') return void fail(`a household must be a Point, not ${geometry?.type ?? 'null'}`);
    if (positionsOutOfRange(geometry.coordinates)) return void fail(OUT_OF_RANGE);
    const [x, y] = geometry.coordinates;
    if (typeof p.id !== 'string' || !p.id.trim() || p.id.length > 64) return void fail('properties.id must be a non-empty string of at most 64 characters');
    if (seen.has(p.id)) return void fail('duplicate id');
    seen.add(p.id);
    if (p.service !== undefined && p.service !== null && typeof p.service !== 'string') return void fail('service must be a node id');
    out.push({ id: p.id, service: text(p.service, 64), address: text(p.address), phone: text(p.phone, 32), name: text(p.name, 64), coordinates: [x, y] });
  });
  if (problems.length) throw new GeoDataError(source, problems);
  return out;
}

/** Adds or updates households in chunks; answers how many of each. */
export async function upsertHouseholds(tx: Queryable, households: (HouseholdIn & { connection?: string })[]): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (let i = 0; i < households.length; i += CHUNK) {
    const [r] = await tx.query<{ added: number; updated: number }>(importSql, [JSON.stringify(households.slice(i, i + CHUNK))]);
    added += r.added;
    updated += r.updated;
  }
  return { added, updated };
}

export async function importHouseholds(db: Database, actor: Actor, body: unknown) {
  const households = parseHouseholds(body);
  return db.withTransaction(async (tx) => {
    const services = [...new Set(households.map((h) => h.service).filter((s): s is string => s !== null))];
    const bad = await tx.query<{ id: string }>(
      `SELECT s.id FROM unnest($1::text[]) AS s(id)
       WHERE NOT EXISTS (SELECT 1 FROM network_nodes n WHERE n.id = s.id AND n.kind = 'service') ORDER BY 1 LIMIT 20`,
      [services],
    );
    if (bad.length) {
      const byService = new Map(households.filter((h) => h.service).map((h) => [h.service, h.id]));
      throw new GeoDataError('households', bad.map((b) => ({ feature: `"${byService.get(b.id)}"`, message: `service "${b.id}" is not a service node of the stored network` })));
    }
    const { added, updated } = await upsertHouseholds(tx, households);
    const [{ n: retired }] = await tx.query<{ n: number }>(
      `WITH r AS (UPDATE households SET retired_at = now() WHERE retired_at IS NULL AND NOT (id = ANY($1::text[])) RETURNING 1) SELECT count(*)::int n FROM r`,
      [households.map((h) => h.id)],
    );
    await tx.exec('ANALYZE households');
    const result = { added, updated, retired, total: households.length };
    await audit(tx, actor, { action: 'households.import', entity: 'households', after: result });
    return result;
  });
}
