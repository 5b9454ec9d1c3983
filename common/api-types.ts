// Shapes the API answers, shared by the server that builds them and the client that reads them.
import type { FeatureCollection } from 'geojson';

export const ROLES = ['admin', 'manager', 'department_head', 'dispatcher', 'planner', 'grid_worker'] as const;
export type Role = (typeof ROLES)[number];

/** The logged-in user as GET /api/auth/me answers, and as the server keeps it per request. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  /** The grids a grid worker is bound to. */
  grids: string[];
  mustChangePassword: boolean;
  csrfToken: string;
}

/** The id lists of an outage scope (spec §2), each sorted in plain string order. */
export interface ScopeLists {
  valvesToClose: string[];
  valvesNotNeeded: string[];
  alreadyClosed: string[];
  inoperableValves: string[];
  regulatorsToShut: string[];
  sourcesToShut: string[];
  regulatorsAffected: string[];
  isolatedPipes: string[];
  unsuppliedPipes: string[];
}

/** Where a valve to close is, numbered as on the map. */
export interface ValvePlace {
  order: number;
  id: string;
  lon: number;
  lat: number;
  road_zh: string | null;
  road_en: string | null;
  road_m: number | null;
  community: string | null;
  grid: string | null;
}

export interface ScopeAnswer extends ScopeLists {
  households: { total: number; ids: string[]; byGrid: { grid: string | null; count: number }[]; byCommunity: { community: string | null; count: number }[] };
  geometry: FeatureCollection;
  /** Beyond the contract: where each valve to close is. */
  valveList: ValvePlace[];
}

export interface ReconciliationRow {
  kind: 'grid_connected_mismatch' | 'grid_to_develop_mismatch' | 'community_connected_missing' | 'community_in_other_grid';
  grid: string | null;
  plan_grid: string | null;
  community_id: string | null;
  community_name: string | null;
  plan_value: number | null;
  computed_value: number | null;
  left_out_count: number | null;
  left_out_total: number | null;
}
