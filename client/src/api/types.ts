// Shapes of what the server answers (see server/grids and server/map).
import type { FeatureCollection, Feature, Geometry } from 'geojson';

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

export interface GridDetailProperties extends GridProperties {
  communities: CommunityRow[];
  responsibility: ChainLevel[];
  discrepancies: ReconciliationRow[];
}

export type GridCollection = FeatureCollection<Geometry, GridProperties>;
export type GridDetail = Feature<Geometry, GridDetailProperties>;

export type Basemap = { kind: 'none' } | { kind: 'tianditu'; key: string } | { kind: 'style'; url: string };

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

export interface ScopeAnswer {
  valvesToClose: string[];
  valvesNotNeeded: string[];
  alreadyClosed: string[];
  inoperableValves: string[];
  regulatorsToShut: string[];
  sourcesToShut: string[];
  regulatorsAffected: string[];
  isolatedPipes: string[];
  unsuppliedPipes: string[];
  households: { total: number; ids: string[]; byGrid: { grid: string | null; count: number }[]; byCommunity: { community: string | null; count: number }[] };
  geometry: import('geojson').FeatureCollection;
  valveList: ValvePlace[];
}
