// Owns the MapLibre Map outside Vue's reactivity: data, language, selection and hover via feature-state.
import { bbox } from '@turf/turf';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
// MapLibre 6 runs its worker as a module; Vite bundles it (with its shared chunk) and gives us its URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Basemap } from '../api/types';
import type { Locale } from '../i18n/messages';
import type { MapLayers } from '../stores/gridMap';
import { labelPoints } from './labels';
import { buildStyle, LABEL_LAYERS, labelField, projectLayers, projectSources } from './style';

setWorkerUrl(workerUrl);

const PANJI_CENTRE: [number, number] = [116.835, 32.773];

export interface GridMapOptions {
  container: HTMLElement;
  basemap: Basemap;
  locale: Locale;
  onGridClick: (code: string | null) => void;
}

export class GridMap {
  readonly map: MapLibreMap;
  private selected: string | null = null;
  private hovered: string | null = null;
  private styleReady: Promise<void>;

  constructor(opts: GridMapOptions) {
    this.map = new MapLibreMap({
      container: opts.container,
      style: buildStyle(opts.basemap, opts.locale),
      center: PANJI_CENTRE,
      zoom: 12.6,
      attributionControl: { compact: true },
      localIdeographFontFamily: '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif',
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.styleReady = new Promise((resolve) => this.map.once('load', () => resolve()));
    if (opts.basemap.kind === 'style') {
      // A foreign style brings its own layers; ours go on top once it has loaded.
      this.styleReady = this.styleReady.then(() => {
        for (const [id, source] of Object.entries(projectSources())) this.map.addSource(id, source);
        for (const layer of projectLayers(opts.locale)) this.map.addLayer(layer);
      });
    }
    this.bindEvents(opts.onGridClick);
  }

  private bindEvents(onGridClick: (code: string | null) => void): void {
    this.map.on('click', (e) => {
      const hit = this.map.queryRenderedFeatures(e.point, { layers: ['grids-fill'] })[0] as MapGeoJSONFeature | undefined;
      onGridClick(hit ? String(hit.properties.code) : null);
    });
    this.map.on('mousemove', 'grids-fill', (e) => {
      this.map.getCanvas().style.cursor = 'pointer';
      this.setHover(e.features?.[0] ? String(e.features[0].properties.code) : null);
    });
    this.map.on('mouseleave', 'grids-fill', () => {
      this.map.getCanvas().style.cursor = '';
      this.setHover(null);
    });
  }

  async setData(layers: MapLayers): Promise<void> {
    await this.styleReady;
    const source = (id: string) => this.map.getSource(id) as GeoJSONSource;
    for (const [id, data] of Object.entries(layers)) source(id).setData(data);
    source('grid-label-points').setData(labelPoints(layers.grids));
    source('community-label-points').setData(labelPoints(layers.communities));
    if (layers.grids.features.length) {
      const [w, s, e, n] = bbox(layers.grids);
      this.map.fitBounds([w, s, e, n], { padding: 40, duration: 0 });
    }
  }

  async setLocale(locale: Locale): Promise<void> {
    await this.styleReady;
    for (const id of LABEL_LAYERS) this.map.setLayoutProperty(id, 'text-field', labelField(locale));
  }

  setSelected(code: string | null): void {
    if (this.selected !== null) this.map.setFeatureState({ source: 'grids', id: this.selected }, { selected: false });
    this.selected = code;
    if (code !== null) this.map.setFeatureState({ source: 'grids', id: code }, { selected: true });
  }

  private setHover(code: string | null): void {
    if (code === this.hovered) return;
    if (this.hovered !== null) this.map.setFeatureState({ source: 'grids', id: this.hovered }, { hover: false });
    this.hovered = code;
    if (code !== null) this.map.setFeatureState({ source: 'grids', id: code }, { hover: true });
  }

  destroy(): void {
    this.map.remove();
  }
}
