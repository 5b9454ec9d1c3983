// The outage scope of a set of pipes, computed by PostGIS in one statement (scope-units.sql + scope-answer.sql).
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { notFound } from '../errors';
import type { ScopeAnswer, ValvePlace } from '../../common/api-types';

export type { ScopeAnswer };

const scopeSql = sqlFile(import.meta.url, 'scope-units.sql') + sqlFile(import.meta.url, 'scope-answer.sql');
const valvePlacesSql = sqlFile(import.meta.url, 'valve-places.sql');

export async function outageScope(db: Queryable, pipes: string[], assumeInoperable: string[] = []): Promise<ScopeAnswer> {
  const unknown = await db.query<{ id: string }>(
    `SELECT p.id FROM unnest($1::text[]) AS p(id) WHERE NOT EXISTS (SELECT 1 FROM network_pipes n WHERE n.id = p.id) ORDER BY 1`,
    [pipes],
  );
  if (unknown.length) throw notFound(`no pipe with id ${unknown.map((u) => `"${u.id}"`).join(', ')}`);
  const [answer] = await db.query<ScopeAnswer & Record<string, unknown>>(scopeSql, [pipes, assumeInoperable]);
  const places = await db.query<Omit<ValvePlace, 'order'> & Record<string, unknown>>(valvePlacesSql, [answer.valvesToClose]);
  const byId = new Map(places.map((p) => [p.id, p]));
  answer.valveList = answer.valvesToClose.map((id, i) => ({ order: i + 1, ...byId.get(id)! }));
  return answer;
}
