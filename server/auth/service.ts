// Logging in and out and changing passwords, with rate limits kept in the database.
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { AppError, badRequest, tooManyRequests } from '../errors';
import { audit, type Actor } from '../audit/service';
import { checkPassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords';
import { createSession, deleteUserSessions } from './sessions';

const failuresSql = sqlFile(import.meta.url, 'login-failures.sql');

export const LOCK_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** The same answer for an unknown user and a wrong password: nobody learns which accounts exist. */
const wrongCredentials = () => new AppError(401, 'invalid_credentials', 'wrong username or password');

export async function login(db: Database, username: string, password: string, ip: string, userAgent: string): Promise<{ token: string; userId: number }> {
  const name = username.trim().toLowerCase();
  const [f] = await db.query<{ by_user: number; by_ip: number }>(failuresSql, [name, ip, LOCK_WINDOW_SECONDS]);
  if (f.by_user >= MAX_FAILURES_PER_USER || f.by_ip >= MAX_FAILURES_PER_ADDRESS) {
    throw tooManyRequests(`too many failed logins; try again in ${LOCK_WINDOW_SECONDS / 60} minutes`);
  }
  const [user] = await db.query<{ id: number; password_hash: string | null; disabled: boolean }>(
    'SELECT id, password_hash, disabled FROM users WHERE username = $1',
    [name],
  );
  const ok = (await checkPassword(user?.password_hash ?? null, password)) && !user.disabled;
  return db.withTransaction(async (tx) => {
    await tx.query('INSERT INTO login_attempts (username, ip, success) VALUES ($1, $2, $3)', [name, ip, ok]);
    if (!ok) return null;
    const token = await createSession(tx, user.id, ip, userAgent);
    await audit(tx, { id: user.id, username: name, ip }, { action: 'auth.login', entity: 'user', entityId: user.id });
    return { token, userId: user.id };
  }).then((r) => {
    if (!r) throw wrongCredentials();
    return r;
  });
}

export function checkNewPassword(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw badRequest(`the new password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.toLowerCase().includes(username.toLowerCase())) throw badRequest('the new password must not contain the username');
}

/** The user changes their own password; their other sessions end. */
export async function changePassword(db: Database, actor: Actor & { id: number }, username: string, current: string, next: string, keepToken: string): Promise<void> {
  const [row] = await db.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [actor.id]);
  if (!(await checkPassword(row?.password_hash ?? null, current))) throw new AppError(400, 'wrong_password', 'the current password is wrong');
  checkNewPassword(next, username);
  const hash = await hashPassword(next);
  await db.withTransaction(async (tx: Queryable) => {
    await tx.query('UPDATE users SET password_hash = $2, must_change_password = false, version = version + 1, updated_at = now() WHERE id = $1', [actor.id, hash]);
    await deleteUserSessions(tx, actor.id, keepToken);
    await audit(tx, actor, { action: 'user.password_change', entity: 'user', entityId: actor.id });
  });
}
