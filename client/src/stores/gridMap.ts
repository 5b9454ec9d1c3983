// The grid map's data: layers from the API, the selected grid's details, the reconciliation list.
import type { FeatureCollection } from 'geojson';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError, getJson } from '../api/client';
import type { Basemap, GridCollection, GridDetail, ReconciliationRow } from '../api/types';

export interface MapLayers {
  grids: GridCollection;
  communities: FeatureCollection;
  roads: FeatureCollection;
  context: FeatureCollection;
}

const RETRY_WHILE_STARTING_MS = 2000;

export const useGridMapStore = defineStore('gridMap', () => {
  // Large GeoJSON stays shallow: Vue must not walk every coordinate.
  const layers = shallowRef<MapLayers | null>(null);
  const basemap = ref<Basemap>({ kind: 'none' });
  const reconciliation = ref<ReconciliationRow[]>([]);
  const status = ref<'idle' | 'loading' | 'starting' | 'ready' | 'error'>('idle');
  const error = ref<string | null>(null);
  const selectedCode = ref<string | null>(null);
  const selected = shallowRef<GridDetail | null>(null);
  const selectedError = ref<ApiError | Error | null>(null);
  const isEmpty = computed(() => status.value === 'ready' && (layers.value?.grids.features.length ?? 0) === 0);

  async function load(): Promise<void> {
    status.value = 'loading';
    error.value = null;
    try {
      const [grids, communities, roads, context, config, rec] = await Promise.all([
        getJson<GridCollection>('/api/grids'),
        getJson<FeatureCollection>('/api/communities'),
        getJson<FeatureCollection>('/api/roads'),
        getJson<FeatureCollection>('/api/context'),
        getJson<{ basemap: Basemap }>('/api/map/config'),
        // Not every role reads the reconciliation; for those it is simply empty.
        getJson<{ items: ReconciliationRow[] }>('/api/reconciliation').catch((err) => {
          if (err instanceof ApiError && err.status === 403) return { items: [] };
          throw err;
        }),
      ]);
      basemap.value = config.basemap;
      reconciliation.value = rec.items;
      layers.value = { grids, communities, roads, context };
      status.value = 'ready';
    } catch (err) {
      if (err instanceof ApiError && err.status === 503) {
        status.value = 'starting';
        setTimeout(() => void load(), RETRY_WHILE_STARTING_MS);
        return;
      }
      status.value = 'error';
      error.value = (err as Error).message;
    }
  }

  async function select(code: string | null): Promise<void> {
    selectedCode.value = code;
    selectedError.value = null;
    if (code === null) {
      selected.value = null;
      return;
    }
    try {
      const detail = await getJson<GridDetail>(`/api/grids/${encodeURIComponent(code)}`);
      if (selectedCode.value === code) selected.value = detail; // a later click wins
    } catch (err) {
      if (selectedCode.value === code) selectedError.value = err as Error;
    }
  }

  function reset(): void {
    layers.value = null;
    reconciliation.value = [];
    status.value = 'idle';
    selectedCode.value = null;
    selected.value = null;
  }

  return { layers, basemap, reconciliation, status, error, isEmpty, selectedCode, selected, selectedError, load, select, reset };
});
