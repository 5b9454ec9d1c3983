// The outage scope of a set of pipes, computed by PostGIS in one statement (see scope.sql).
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { notFound } from '../errors';
import type { ScopeAnswer, ValvePlace } from '../../common/api-types';

export type { ScopeAnswer };

const answerSql = sqlFile(import.meta.url, 'scope-answer.sql');
const walkSql = sqlFile(import.meta.url, 'scope-walk.sql') + answerSql;
const unitsSql = sqlFile(import.meta.url, 'scope-units.sql') + answerSql;
const valvePlacesSql = sqlFile(import.meta.url, 'valve-places.sql');

/** One pipe, nothing assumed stuck, on a simple unit: the dominator interval answers it (see network/dominators.ts). */
async function takesFastPath(db: Queryable, pipes: string[], assumeInoperable: string[]): Promise<boolean> {
  if (new Set(pipes).size !== 1 || assumeInoperable.length) return false;
  const [row] = await db.query<{ simple: boolean }>(
    'SELECT u.simple FROM network_pipes p JOIN network_units u ON u.unit = p.unit WHERE p.id = $1',
    [pipes[0]],
  );
  return row?.simple === true;
}

export async function outageScope(db: Queryable, pipes: string[], assumeInoperable: string[] = []): Promise<ScopeAnswer> {
  const unknown = await db.query<{ id: string }>(
    `SELECT p.id FROM unnest($1::text[]) AS p(id) WHERE NOT EXISTS (SELECT 1 FROM network_pipes n WHERE n.id = p.id) ORDER BY 1`,
    [pipes],
  );
  if (unknown.length) throw notFound(`no pipe with id ${unknown.map((u) => `"${u.id}"`).join(', ')}`);
  const [answer] = await db.query<ScopeAnswer & Record<string, unknown>>((await takesFastPath(db, pipes, assumeInoperable)) ? unitsSql : walkSql, [pipes, assumeInoperable]);
  const places = await db.query<Omit<ValvePlace, 'order'> & Record<string, unknown>>(valvePlacesSql, [answer.valvesToClose]);
  const byId = new Map(places.map((p) => [p.id, p]));
  answer.valveList = answer.valvesToClose.map((id, i) => ({ order: i + 1, ...byId.get(id)! }));
  return answer;
}
