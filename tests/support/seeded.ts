// A test database brought to what a first start leaves: schema, Panji data, admin; accounts get a known password.
import type { Database } from '../../server/db/index';
import { migrate } from '../../server/db/migrate';
import { ensureAdmin } from '../../server/seed/accounts';
import { loadPanjiSeed } from '../../server/seed/panji';
import { setPasswords, TEST_PASSWORD } from './http';

/** One account per role from the seed (grid worker: 段玉杰, grid 3). */
export const ACCOUNTS = {
  admin: 'admin',
  manager: 'yang-yonggang',
  department_head: 'liu-jie',
  dispatcher: 'dispatcher',
  planner: 'planner',
  grid_worker: 'duan-yujie',
} as const;

export async function prepareSeeded(db: Database): Promise<void> {
  await migrate(db);
  await loadPanjiSeed(db);
  await ensureAdmin(db, TEST_PASSWORD, () => undefined);
  await setPasswords(db, Object.values(ACCOUNTS));
}
