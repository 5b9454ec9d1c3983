// Accounts: list, create, change roles and grids (with conflict detection), reset passwords. Every change audited.
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { badRequest, conflict, notFound } from '../errors';
import { audit, type Actor } from '../audit/service';
import { hashPassword } from '../auth/passwords';
import type { Role } from '../auth/roles';
import { checkNewPassword } from '../auth/service';
import { deleteUserSessions } from '../auth/sessions';

const usersSql = sqlFile(import.meta.url, 'users.sql');

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  person_id: string | null;
  has_password: boolean;
  must_change_password: boolean;
  disabled: boolean;
  version: number;
  updated_at: string;
  roles: Role[];
  grids: string[];
  last_login: string | null;
}

export const listUsers = (db: Queryable) => db.query<UserRow & Record<string, unknown>>(usersSql, [null]);

export async function getUser(db: Queryable, id: number): Promise<UserRow> {
  const [u] = await db.query<UserRow & Record<string, unknown>>(usersSql, [id]);
  if (!u) throw notFound(`no user with id ${id}`);
  return u;
}

async function setRolesAndGrids(tx: Queryable, id: number, roles: Role[], grids: string[]): Promise<void> {
  if (roles.includes('grid_worker') && grids.length === 0) throw badRequest('a grid worker must be bound to at least one grid');
  const known = await tx.query<{ code: string }>('SELECT code FROM grids WHERE code = ANY($1::text[])', [grids]);
  const missing = grids.filter((g) => !known.some((k) => k.code === g));
  if (missing.length) throw badRequest(`no grid with code ${missing.map((m) => `"${m}"`).join(', ')}`);
  await tx.query('DELETE FROM user_roles WHERE user_id = $1', [id]);
  await tx.query('INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[])', [id, roles]);
  await tx.query('DELETE FROM user_grids WHERE user_id = $1', [id]);
  await tx.query('INSERT INTO user_grids (user_id, grid_code) SELECT $1, unnest($2::text[])', [id, grids]);
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  grids: string[];
  password?: string;
}

export async function createUser(db: Database, actor: Actor, u: NewUser): Promise<UserRow> {
  if (u.password) checkNewPassword(u.password, u.username);
  const hash = u.password ? await hashPassword(u.password) : null;
  return db.withTransaction(async (tx) => {
    const [exists] = await tx.query('SELECT 1 FROM users WHERE username = $1', [u.username]);
    if (exists) throw conflict(`the username "${u.username}" is taken`);
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO users (username, display_name, password_hash, must_change_password) VALUES ($1, $2, $3, $4) RETURNING id',
      [u.username, u.displayName, hash, hash !== null],
    );
    await setRolesAndGrids(tx, id, u.roles, u.grids);
    const after = await getUser(tx, id);
    await audit(tx, actor, { action: 'user.create', entity: 'user', entityId: id, after });
    return after;
  });
}

export interface UserChange {
  version: number;
  displayName?: string;
  roles?: Role[];
  grids?: string[];
  disabled?: boolean;
}

/** Applies a change made on the version the admin saw; a newer version answers 409 and changes nothing. */
export async function updateUser(db: Database, actor: Actor, id: number, c: UserChange): Promise<UserRow> {
  return db.withTransaction(async (tx) => {
    const [locked] = await tx.query<{ version: number }>('SELECT version FROM users WHERE id = $1 FOR UPDATE', [id]);
    if (!locked) throw notFound(`no user with id ${id}`);
    const before = await getUser(tx, id);
    if (locked.version !== c.version) {
      throw conflict(`this account was changed meanwhile (now version ${locked.version}, you edited version ${c.version}); reload it`, { current: before });
    }
    if (c.disabled && actor.id === id) throw badRequest('you cannot disable your own account');
    await tx.query(
      `UPDATE users SET display_name = COALESCE($2, display_name), disabled = COALESCE($3, disabled),
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id, c.displayName ?? null, c.disabled ?? null],
    );
    if (c.roles || c.grids) {
      const roles = c.roles ?? before.roles;
      if (actor.id === id && before.roles.includes('admin') && !roles.includes('admin')) throw badRequest('you cannot take the admin role from yourself');
      await setRolesAndGrids(tx, id, roles, c.grids ?? before.grids);
    }
    if (c.disabled) await deleteUserSessions(tx, id);
    const after = await getUser(tx, id);
    await audit(tx, actor, { action: 'user.update', entity: 'user', entityId: id, before, after });
    return after;
  });
}

/** An admin sets a password; the user must change it at next login, and their sessions end. */
export async function resetPassword(db: Database, actor: Actor, id: number, password: string): Promise<void> {
  const user = await getUser(db, id);
  checkNewPassword(password, user.username);
  const hash = await hashPassword(password);
  await db.withTransaction(async (tx) => {
    await tx.query('UPDATE users SET password_hash = $2, must_change_password = true, version = version + 1, updated_at = now() WHERE id = $1', [id, hash]);
    await deleteUserSessions(tx, id);
    await audit(tx, actor, { action: 'user.password_reset', entity: 'user', entityId: id });
  });
}
