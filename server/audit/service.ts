// The audit log: every change, who made it, when, and the record before and after.
import type { Request } from 'express';
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { likeText } from '../validation';

const searchSql = sqlFile(import.meta.url, 'search.sql');

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export interface Actor {
  id: number | null;
  username: string | null;
  ip: string | null;
}

/** Changes made by the system itself: the seed, the first admin, demo passwords. */
export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', ip: null };

export const actorOf = (req: Request): Actor => ({ id: req.user?.id ?? null, username: req.user?.username ?? null, ip: req.ip ?? null });

/** Writes one entry; call it inside the transaction of the change so both land or neither. */
export async function audit(db: Queryable, actor: Actor, e: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_username, action, entity, entity_id, before, after, ip)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
    [actor.id, actor.username, e.action, e.entity, e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after), actor.ip],
  );
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  q?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor_username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  total: number;
}

export async function searchAudit(db: Queryable, f: AuditFilter): Promise<{ total: number; items: Omit<AuditRow, 'total'>[] }> {
  const rows = await db.query<AuditRow & Record<string, unknown>>(searchSql, [
    f.actor ?? null, f.action ?? null, f.entity ?? null, f.q ? likeText(f.q) : null, f.from ?? null, f.to ?? null, f.limit, f.offset,
  ]);
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
}
