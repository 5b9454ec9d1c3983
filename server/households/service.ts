// Households in the caller's scope, with names and phones masked for roles that do not need them.
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { forbidden } from '../errors';
import { likeText } from '../validation';
import { maskName, maskPhone } from '../auth/mask';
import { canReadGrid, gridScope, seesPersonalData, type SessionUser } from '../auth/roles';

const listSql = sqlFile(import.meta.url, 'households.sql');

export interface HouseholdFilter {
  grid?: string;
  community?: string;
  connection?: 'connected' | 'to_develop' | 'unknown';
  q?: string;
  limit: number;
  offset: number;
}

interface HouseholdRow {
  id: string;
  grid_code: string | null;
  community_id: string | null;
  community: string | null;
  address: string | null;
  name: string | null;
  phone: string | null;
  connection: string;
  service_node: string | null;
  lon: number;
  lat: number;
  total: number;
}

export async function listHouseholds(db: Queryable, user: SessionUser, f: HouseholdFilter) {
  if (f.grid && !canReadGrid(user, f.grid)) throw forbidden(`you may not read households of grid ${f.grid}`);
  const rows = await db.query<HouseholdRow & Record<string, unknown>>(listSql, [
    gridScope(user), f.grid ?? null, f.community ?? null, f.connection ?? null, f.q ? likeText(f.q) : null, f.limit, f.offset, f.q ?? null,
  ]);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, ...h }) =>
      seesPersonalData(user, h.grid_code) ? { ...h, masked: false } : { ...h, name: maskName(h.name), phone: maskPhone(h.phone), masked: true },
    ),
  };
}
