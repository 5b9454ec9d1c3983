// Shapes of what the server answers (see server/grids and server/map).
import type { FeatureCollection, Feature, Geometry } from 'geojson';
import type { ReconciliationRow } from '../../../common/api-types';

export type { ReconciliationRow, ScopeAnswer, ValvePlace } from '../../../common/api-types';

export interface GridFigures {
  plan: { connected: number | null; toDevelop: number | null };
  communities: {
    count: number;
    total: number;
    connected: number;
    toDevelop: number;
    unknownCount: number;
    unknownTotal: number;
  };
  connectionRate: number | null;
  planConnectionRate: number | null;
  connectedAgrees: boolean;
  toDevelopAgrees: boolean;
}

export interface GridProperties {
  code: string;
  name: string;
  name_zh: string;
  name_en: string;
  area_zh: string | null;
  area_en: string | null;
  figures: GridFigures;
}

export interface CommunityRow {
  id: string;
  name_zh: string;
  name_en: string | null;
  alias_zh: string | null;
  plan_grid: string | null;
  total: number;
  connected: number | null;
  to_develop: number | null;
  connection_rate: number | null;
  plan_text: string | null;
}

export interface ChainLevel {
  level: 1 | 2 | 3;
  level_zh: string;
  level_en: string;
  holder_zh: string;
  holder_en: string;
  duty_zh: string;
  duty_en: string;
  people: { id: string; name: string; groupRoleZh: string | null; groupRoleEn: string | null; assumed: boolean }[];
}


export interface GridDetailProperties extends GridProperties {
  communities: CommunityRow[];
  responsibility: ChainLevel[];
  discrepancies: ReconciliationRow[];
}

export type GridCollection = FeatureCollection<Geometry, GridProperties>;
export type GridDetail = Feature<Geometry, GridDetailProperties>;

export type Basemap = { kind: 'none' } | { kind: 'tianditu'; key: string } | { kind: 'style'; url: string };


/** GET /api/network/summary */
export interface NetworkSummary {
  pipes: number;
  nodes: number;
  bbox: [number, number, number, number] | null;
}

// ── Grid layout editing (issue 5; server/grids) ──

export type { Layout, LayoutProps } from '../map/layoutEdit';

/** Counts of what moves between grids, as the preview, a save and the versions list give them. */
export interface MoveTotals {
  households: number;
  communities: number;
  pipes: number;
  valves: number;
  regulators: number;
  workItems: number;
  workers: number;
}

/** One piece of land changing hands (from null: land no grid had). */
export interface LayoutMove {
  from: string | null;
  to: string;
  areaM2: number;
  geometry: Geometry | null;
  communities: { id: string; name: string }[];
  households: number;
  pipes: number;
  valves: string[];
  regulators: string[];
  workItems: number;
  workers: { id: string | number; name: string }[];
}

/** POST /api/grids/preview; PUT /api/grids and POST /api/grids/restore answer the same with version and at. */
export interface LayoutImpact {
  baseVersion: number;
  added: string[];
  removed: string[];
  moves: LayoutMove[];
  totals: MoveTotals;
}
export interface LayoutSaved extends Partial<LayoutImpact> {
  version: number;
  at: string;
}

export interface LayoutVersion {
  version: number;
  by: string | null;
  at: string;
  note: string;
  restoredFrom: number | null;
  figures: {
    grids?: { code: string; name: string; areaKm2: number; communities: number; households: number }[];
    moved?: Partial<MoveTotals>;
  } | null;
}
export interface LayoutVersions {
  current: number;
  items: LayoutVersion[];
}

/** details of a 409 on PUT /api/grids or POST /api/grids/restore. */
export interface LayoutConflict {
  currentVersion: number;
  meanwhile: { version: number; by: string | null; at: string; note: string }[];
  draftId: number | string | null;
}

/** One problem of a refused layout (400 details.problems). */
export interface LayoutProblem {
  feature?: string | number | null;
  message: string;
  grid?: string | null;
  otherGrid?: string | null;
  kind?: string | null;
  areaM2?: number | null;
  geometry?: Geometry | null;
}

export interface LayoutDraft {
  id: number | string;
  baseVersion: number;
  by: string | null;
  at: string;
  note: string | null;
  layout: FeatureCollection;
}
