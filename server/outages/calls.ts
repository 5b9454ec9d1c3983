// Grid workers' call lists: households of an outage with no mobile on file, phoned one by one and ticked off.
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { audit, type Actor } from '../audit/service';
import { conflict, forbidden, notFound } from '../errors';
import type { SessionUser } from '../../common/api-types';
import { hasRole } from '../auth/roles';

const sql = {
  lists: sqlFile(import.meta.url, 'call-lists.sql'),
  households: sqlFile(import.meta.url, 'call-households.sql'),
  record: sqlFile(import.meta.url, 'record-call.sql'),
};

export type CallOutcome = 'reached' | 'no_answer';

/** The grids whose lists a user may work: all for the dispatch desk, their own for a grid worker. */
const gridsOf = (user: SessionUser): string[] | null => (hasRole(user, 'admin', 'dispatcher') ? null : user.grids);

export function callLists(db: Queryable, user: SessionUser) {
  return db.query(sql.lists, [gridsOf(user)]);
}

export function callHouseholds(db: Queryable, user: SessionUser, outageId: number, grid: string, kind: 'outage' | 'restored') {
  const grids = gridsOf(user);
  if (grids && !grids.includes(grid)) throw forbidden(`grid ${grid} is not one of your grids`);
  return db.query(sql.households, [outageId, grid, kind]);
}

/** Ticks a call off, once: a second "reached" on the same household (another worker, another phone) is a conflict. */
export async function recordCall(db: Database, actor: Actor, user: SessionUser, noticeId: number, outcome: CallOutcome, note: string | null) {
  return db.withTransaction(async (tx) => {
    const [notice] = await tx.query<{ channel: string; grid_code: string | null; status: string; called_by_username: string | null; called_at: string | null }>(
      'SELECT channel, grid_code, status, called_by_username, called_at FROM notices WHERE id = $1 FOR UPDATE',
      [noticeId],
    );
    if (!notice || notice.channel !== 'call') throw notFound(`no call-list entry ${noticeId}`);
    const grids = gridsOf(user);
    if (grids && !grids.includes(notice.grid_code ?? '')) throw forbidden(`this household is not in one of your grids`);
    if (notice.status === 'called') {
      throw conflict(`already reached by ${notice.called_by_username ?? '?'}`, { calledBy: notice.called_by_username, calledAt: notice.called_at });
    }
    const [row] = await tx.query(sql.record, [noticeId, outcome, actor.id, actor.username, note]);
    await audit(tx, actor, { action: 'notice.call', entity: 'notice', entityId: noticeId, before: { status: notice.status }, after: { outcome, note } });
    return row;
  });
}
