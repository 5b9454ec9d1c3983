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
