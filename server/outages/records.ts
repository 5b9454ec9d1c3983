// Outage records: created from a scope question, moved through their states, notices queued on confirmation and restoration.
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { AppError, badRequest, conflict, notFound } from '../errors';
import { audit, type Actor } from '../audit/service';
import { isNightInChina, MAX_OUTAGE_HOURS, NOTICE_HOURS, outageMessage, restoredMessage } from './messages';
import { outageScope, type ScopeAnswer } from './service';

const sql = {
  overlaps: sqlFile(import.meta.url, 'overlaps.sql'),
  queue: sqlFile(import.meta.url, 'queue-notices.sql'),
  rows: sqlFile(import.meta.url, 'outage-rows.sql'),
};

export type OutageStatus = 'draft' | 'confirmed' | 'notified' | 'in_progress' | 'restored' | 'cancelled';

/** Which state may follow which. */
const NEXT: Record<OutageStatus, OutageStatus[]> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['notified', 'in_progress', 'cancelled'],
  notified: ['in_progress', 'cancelled'],
  in_progress: ['restored'],
  restored: [],
  cancelled: [],
};

export interface Warning {
  code: 'notice_under_48h' | 'longer_than_24h' | 'overlaps' | 'night_restoration';
  message: string;
  outages?: number[];
}

export interface NewOutage {
  kind: 'emergency' | 'planned';
  cause: string;
  pipes: string[];
  assumeInoperable: string[];
  plannedStart?: string;
  plannedEnd?: string;
}

interface OutageRow {
  id: number;
  kind: 'emergency' | 'planned';
  cause: string;
  pipes: string[];
  assume_inoperable: string[];
  status: OutageStatus;
  version: number;
  planned_start: string | null;
  planned_end: string | null;
  households: number;
}

function planWarnings(o: { kind: string; plannedStart?: Date | null; plannedEnd?: Date | null }, now: Date): Warning[] {
  const w: Warning[] = [];
  if (o.kind === 'planned' && o.plannedStart && o.plannedStart.getTime() - now.getTime() < NOTICE_HOURS * 3600_000) {
    w.push({ code: 'notice_under_48h', message: `a planned outage must be announced at least ${NOTICE_HOURS} hours ahead (城镇燃气管理条例)` });
  }
  if (o.plannedStart && o.plannedEnd && o.plannedEnd.getTime() - o.plannedStart.getTime() > MAX_OUTAGE_HOURS * 3600_000) {
    w.push({ code: 'longer_than_24h', message: `an interruption should generally last no more than ${MAX_OUTAGE_HOURS} hours` });
  }
  return w;
}

async function overlapWarning(db: Queryable, id: number | null, pipes: string[], start: Date | null, end: Date | null): Promise<Warning[]> {
  const rows = await db.query<{ id: number }>(sql.overlaps, [id, pipes, start?.toISOString() ?? null, end?.toISOString() ?? null]);
  return rows.length ? [{ code: 'overlaps', message: `overlaps in time and area with outage ${rows.map((r) => `#${r.id}`).join(', ')}`, outages: rows.map((r) => r.id) }] : [];
}

export async function createOutage(db: Database, actor: Actor, o: NewOutage, now = new Date()) {
  const start = o.plannedStart ? new Date(o.plannedStart) : o.kind === 'emergency' ? now : null;
  const end = o.plannedEnd ? new Date(o.plannedEnd) : null;
  if (o.kind === 'planned' && (!start || !end)) throw badRequest('a planned outage needs plannedStart and plannedEnd');
  if (start && end && end <= start) throw badRequest('plannedEnd must be after plannedStart');
  return db.withTransaction(async (tx) => {
    const scope = await outageScope(tx, o.pipes, o.assumeInoperable);
    const warnings = [...planWarnings({ kind: o.kind, plannedStart: start, plannedEnd: end }, now), ...(await overlapWarning(tx, null, scope.unsuppliedPipes, start, end))];
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO outages (kind, cause, pipes, assume_inoperable, scope, area, planned_start, planned_end, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, (SELECT ST_Multi(ST_Union(geom)) FROM network_pipes WHERE id = ANY($6::text[])), $7, $8, $9)
       RETURNING id`,
      [o.kind, o.cause, o.pipes, o.assumeInoperable, JSON.stringify(scope), scope.unsuppliedPipes, start?.toISOString() ?? null, end?.toISOString() ?? null, actor.id],
    );
    await tx.query(`INSERT INTO outage_events (outage_id, from_status, to_status, actor_id, actor_username) VALUES ($1, NULL, 'draft', $2, $3)`, [id, actor.id, actor.username]);
    await audit(tx, actor, { action: 'outage.create', entity: 'outage', entityId: id, after: { ...o, households: scope.households.total, warnings } });
    return { ...(await getOutage(tx, id)), warnings };
  });
}

export async function getOutage(db: Queryable, id: number) {
  const [row] = await db.query<OutageRow & Record<string, unknown>>(sql.rows, [id, null]);
  if (!row) throw notFound(`no outage with id ${id}`);
  const events = await db.query(
    `SELECT from_status, to_status, actor_username, note, at FROM outage_events WHERE outage_id = $1 ORDER BY at, id`,
    [id],
  );
  const [{ scope }] = await db.query<{ scope: ScopeAnswer }>('SELECT scope FROM outages WHERE id = $1', [id]);
  return { ...row, events, scope };
}

export const listOutages = (db: Queryable, status?: OutageStatus) => db.query(sql.rows, [null, status ?? null]);

/** Queues one notice per household of the frozen scope; the text names their community. */
async function queueNotices(tx: Queryable, o: OutageRow, scope: ScopeAnswer, kind: 'outage' | 'restored'): Promise<number> {
  const communities = ['', ...scope.households.byCommunity.map((c) => c.community ?? '')];
  const text = Object.fromEntries(
    communities.map((c) => [
      c,
      kind === 'restored'
        ? restoredMessage(c || null)
        : outageMessage({ kind: o.kind, cause: o.cause, community: c || null, start: o.planned_start ? new Date(o.planned_start) : null, end: o.planned_end ? new Date(o.planned_end) : null }),
    ]),
  );
  await tx.query(sql.queue, [o.id, kind, scope.households.ids, JSON.stringify(text)]);
  const [{ n }] = await tx.query<{ n: number }>('SELECT count(*)::int n FROM notices WHERE outage_id = $1 AND kind = $2', [o.id, kind]);
  return n;
}

export async function changeStatus(db: Database, actor: Actor, id: number, to: OutageStatus, version: number, note: string | undefined, now = new Date()) {
  return db.withTransaction(async (tx) => {
    const [row] = await tx.query<OutageRow & Record<string, unknown>>('SELECT * FROM outages WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw notFound(`no outage with id ${id}`);
    if (row.version !== version) throw conflict(`outage #${id} was changed meanwhile (now version ${row.version}, you saw ${version}); reload it`);
    if (!NEXT[row.status].includes(to)) throw new AppError(409, 'bad_transition', `an outage that is ${row.status} cannot become ${to}; next may be: ${NEXT[row.status].join(', ') || 'nothing'}`);
    const warnings: Warning[] = [];
    let queued = 0;
    if (to === 'confirmed') {
      // Freeze the scope as the network stands now: that is what the households are told.
      const scope = await outageScope(tx, row.pipes, row.assume_inoperable);
      await tx.query(
        `UPDATE outages SET scope = $2::jsonb, area = (SELECT ST_Multi(ST_Union(geom)) FROM network_pipes WHERE id = ANY($3::text[])) WHERE id = $1`,
        [id, JSON.stringify(scope), scope.unsuppliedPipes],
      );
      warnings.push(...planWarnings({ kind: row.kind, plannedStart: row.planned_start ? new Date(row.planned_start) : null }, now));
      queued = await queueNotices(tx, row, scope, 'outage');
    }
    if (to === 'restored') {
      if (isNightInChina(now)) warnings.push({ code: 'night_restoration', message: 'residential supply is restored between 22:00 and 06:00, which local rules commonly forbid' });
      const [{ scope }] = await tx.query<{ scope: ScopeAnswer }>('SELECT scope FROM outages WHERE id = $1', [id]);
      queued = await queueNotices(tx, row, scope, 'restored');
    }
    await tx.query('UPDATE outages SET status = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, to]);
    await tx.query(
      'INSERT INTO outage_events (outage_id, from_status, to_status, actor_id, actor_username, note) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, row.status, to, actor.id, actor.username, note ?? null],
    );
    await audit(tx, actor, { action: `outage.${to}`, entity: 'outage', entityId: id, before: { status: row.status }, after: { status: to, queued, warnings } });
    return { ...(await getOutage(tx, id)), warnings, queued };
  });
}
