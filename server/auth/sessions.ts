// Sessions in the database: a random token in an httpOnly cookie, its SHA-256 in the sessions table.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import type { Role, SessionUser } from './roles';

const sessionUserSql = sqlFile(import.meta.url, 'session-user.sql');

export const SESSION_COOKIE = 'gasgrid_session';
/** Idle lifetime: a session unused this long is gone; use extends it. */
export const SESSION_IDLE_SECONDS = 8 * 3600;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Queryable, userId: number, ip: string, userAgent: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6)`,
    [tokenHash(token), userId, randomBytes(24).toString('base64url'), SESSION_IDLE_SECONDS, ip, userAgent.slice(0, 300)],
  );
  return token;
}

export async function sessionUser(db: Queryable, token: string): Promise<SessionUser | null> {
  const hash = tokenHash(token);
  const [row] = await db.query<{
    id: number; username: string; display_name: string; must_change_password: boolean;
    csrf_token: string; stale: boolean; roles: Role[]; grids: string[];
  }>(sessionUserSql, [hash]);
  if (!row) return null;
  if (row.stale) {
    // Sliding expiry, written at most once a minute per session.
    await db.query(`UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(secs => $2) WHERE token_hash = $1`, [hash, SESSION_IDLE_SECONDS]);
  }
  return {
    id: row.id, username: row.username, displayName: row.display_name, roles: row.roles, grids: row.grids,
    mustChangePassword: row.must_change_password, csrfToken: row.csrf_token,
  };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
}

/** Ends every session of a user, but the one given (a password change keeps the caller logged in). */
export async function deleteUserSessions(db: Queryable, userId: number, keepToken?: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, keepToken ? tokenHash(keepToken) : null]);
}
