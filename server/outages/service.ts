// The outage scope of a set of pipes, computed by PostGIS in one statement (see scope.sql).
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { notFound } from '../errors';

const scopeSql = sqlFile(import.meta.url, 'scope.sql');

export interface ScopeAnswer {
  valvesToClose: string[];
  valvesNotNeeded: string[];
  alreadyClosed: string[];
  inoperableValves: string[];
  regulatorsToShut: string[];
  sourcesToShut: string[];
  regulatorsAffected: string[];
  isolatedPipes: string[];
  unsuppliedPipes: string[];
  households: { total: number; ids: string[]; byGrid: { grid: string | null; count: number }[]; byCommunity: { community: string | null; count: number }[] };
  geometry: { type: 'FeatureCollection'; features: unknown[] };
}

export async function outageScope(db: Queryable, pipes: string[], assumeInoperable: string[] = []): Promise<ScopeAnswer> {
  const unknown = await db.query<{ id: string }>(
    `SELECT p.id FROM unnest($1::text[]) AS p(id) WHERE NOT EXISTS (SELECT 1 FROM network_pipes n WHERE n.id = p.id) ORDER BY 1`,
    [pipes],
  );
  if (unknown.length) throw notFound(`no pipe with id ${unknown.map((u) => `"${u.id}"`).join(', ')}`);
  const [answer] = await db.query<ScopeAnswer & Record<string, unknown>>(scopeSql, [pipes, assumeInoperable]);
  return answer;
}
