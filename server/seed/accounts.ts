// Accounts: the first admin, the seeded organisation's accounts (no password until an admin sets one), demo passwords.
import type { Database, Queryable } from '../db/index';
import { audit, SYSTEM_ACTOR as SYSTEM } from '../audit/service';
import { hashPassword, randomPassword } from '../auth/passwords';
import type { Role } from '../auth/roles';

export const DEMO_PASSWORD = 'gasgrid-demo-2026';

interface Organisation {
  people: { id: string; name: string }[];
  assignments: { level: number; grid: string | null; person: string }[];
}

const LEVEL_ROLE: Record<number, Role> = { 1: 'manager', 2: 'department_head', 3: 'grid_worker' };

/** The plan's people as accounts by their level, plus one dispatcher and one planner desk. */
export async function seedAccounts(tx: Queryable, org: Organisation): Promise<number> {
  const accounts: { username: string; displayName: string; personId: string | null; roles: Role[]; grids: string[] }[] = org.people.map((p) => {
    const held = org.assignments.filter((a) => a.person === p.id);
    return {
      username: p.id,
      displayName: p.name,
      personId: p.id,
      roles: [...new Set(held.map((a) => LEVEL_ROLE[a.level]).filter(Boolean))],
      grids: held.map((a) => a.grid).filter((g): g is string => g !== null),
    };
  });
  accounts.push(
    { username: 'dispatcher', displayName: '调度员', personId: null, roles: ['dispatcher'], grids: [] },
    { username: 'planner', displayName: '网格规划员', personId: null, roles: ['planner'], grids: [] },
  );
  for (const a of accounts.filter((x) => x.roles.length)) {
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO users (username, display_name, person_id) VALUES ($1, $2, $3) RETURNING id',
      [a.username, a.displayName, a.personId],
    );
    await tx.query('INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[])', [id, a.roles]);
    await tx.query('INSERT INTO user_grids (user_id, grid_code) SELECT $1, unnest($2::text[])', [id, a.grids]);
    await audit(tx, SYSTEM, { action: 'user.create', entity: 'user', entityId: id, after: { username: a.username, roles: a.roles, grids: a.grids } });
  }
  return accounts.length;
}

/** Creates `admin` on first start: with ADMIN_PASSWORD, or a random password printed once (to be changed at login). */
export async function ensureAdmin(db: Database, password: string | undefined, log: (line: string) => void): Promise<void> {
  const [exists] = await db.query(`SELECT 1 FROM users WHERE username = 'admin'`);
  if (exists) return;
  const chosen = password ?? randomPassword();
  const hash = await hashPassword(chosen);
  await db.withTransaction(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO users (username, display_name, password_hash, must_change_password) VALUES ('admin', '系统管理员', $1, $2)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [hash, password === undefined],
    );
    if (id === undefined) return; // another app server created it first
    await tx.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'admin')`, [id]);
    await audit(tx, SYSTEM, { action: 'user.create', entity: 'user', entityId: id, after: { username: 'admin', roles: ['admin'] } });
  });
  log(password ? 'gasgrid: created user admin with ADMIN_PASSWORD' : `gasgrid: created user admin with password ${chosen}  (shown once; change it at first login)`);
}

/** --demo: every account without a password gets the demo password. Never on a real system. */
export async function setDemoPasswords(db: Database, log: (line: string) => void): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const rows = await db.withTransaction(async (tx) => {
    const set = await tx.query<{ id: number; username: string }>(
      `UPDATE users SET password_hash = $1, version = version + 1, updated_at = now() WHERE password_hash IS NULL RETURNING id, username`,
      [hash],
    );
    for (const u of set) await audit(tx, SYSTEM, { action: 'user.demo_password', entity: 'user', entityId: u.id });
    return set;
  });
  const bar = '!'.repeat(72);
  log(`${bar}\n!! DEMO MODE: ${rows.length} accounts without a password now have the password "${DEMO_PASSWORD}".\n!! Never start a real system with --demo.\n${bar}`);
}
