// Owns the MapLibre Map outside Vue's reactivity: data, language, selection and hover via feature-state.
import { bbox, pointToLineDistance } from '@turf/turf';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
// MapLibre 6 runs its worker as a module; Vite bundles it (with its shared chunk) and gives us its URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Basemap } from '../api/types';
import type { Locale } from '../i18n/messages';
import type { MapLayers } from '../stores/gridMap';
import { labelPoints } from './labels';
import { ShapeDrawing } from './plannerDraw';
import { PlannerLayers, type PlannerCallbacks } from './plannerLayers';
import type { FeatureCollection } from 'geojson';
import { buildStyle, LABEL_LAYERS, labelField, NETWORK_LAYERS, networkLayers, projectLayers, projectSources } from './style';

setWorkerUrl(workerUrl);

const PANJI_CENTRE: [number, number] = [116.835, 32.773];

export interface GridMapOptions {
  container: HTMLElement;
  basemap: Basemap;
  locale: Locale;
  onGridClick: (code: string | null) => void;
  /** In dispatch mode: a pipe was clicked; `add` when shift was held. */
  onPipeClick: (id: string, add: boolean) => void;
}

export class GridMap {
  readonly map: MapLibreMap;
  private selected: string | null = null;
  private hovered: string | null = null;
  private styleReady: Promise<void>;
  private dispatching = false;
  private selectedPipes: string[] = [];
  private planning = false;
  private plannerLayers: PlannerLayers | null = null;
  private locale: Locale;
  /** The planner's tools draw one line or polygon at a time with terra-draw. */
  readonly drawing: ShapeDrawing;

  constructor(opts: GridMapOptions) {
    this.map = new MapLibreMap({
      container: opts.container,
      style: buildStyle(opts.basemap, opts.locale),
      center: PANJI_CENTRE,
      zoom: 12.6,
      attributionControl: { compact: true },
      // Shift-click adds pipes to an outage question, so shift-drag must not start a box zoom.
      boxZoom: false,
      localIdeographFontFamily: '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif',
    });
    this.locale = opts.locale;
    this.drawing = new ShapeDrawing(this.map);
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.styleReady = new Promise((resolve) => this.map.once('load', () => resolve()));
    if (opts.basemap.kind === 'style') {
      // A foreign style brings its own layers; ours go on top once it has loaded.
      this.styleReady = this.styleReady.then(() => {
        for (const [id, source] of Object.entries(projectSources())) this.map.addSource(id, source);
        for (const layer of [...projectLayers(opts.locale), ...networkLayers()]) this.map.addLayer(layer);
      });
    }
    this.bindEvents(opts.onGridClick, opts.onPipeClick);
  }

  private bindEvents(onGridClick: (code: string | null) => void, onPipeClick: GridMapOptions['onPipeClick']): void {
    this.map.on('click', (e) => {
      if (this.dispatching) {
        const pipe = this.nearestPipe(e.point, [e.lngLat.lng, e.lngLat.lat]);
        if (pipe) onPipeClick(pipe, e.originalEvent.shiftKey);
        return;
      }
      if (this.planning) return; // the planner edits the layout; grid details would only get in the way
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
    this.locale = locale;
    for (const id of LABEL_LAYERS) this.map.setLayoutProperty(id, 'text-field', labelField(locale));
    this.plannerLayers?.setLocale(locale);
  }

  /** Planner mode: the editor's layers (made on first use) replace the grids, and grid clicks stop opening details. */
  async setPlanning(on: boolean, callbacks: PlannerCallbacks): Promise<PlannerLayers | null> {
    await this.styleReady;
    this.planning = on;
    if (!on && !this.plannerLayers) return null;
    this.plannerLayers ??= new PlannerLayers(this.map, callbacks, this.locale);
    this.plannerLayers.show(on);
    if (!on) this.drawing.cancel();
    return this.plannerLayers;
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

  /** Of the pipes within a finger's width of the click, the one nearest to it. */
  private nearestPipe(point: { x: number; y: number }, at: [number, number]): string | null {
    const r = 7;
    const hits = this.map.queryRenderedFeatures([[point.x - r, point.y - r], [point.x + r, point.y + r]], { layers: ['network-pipes-hit'] });
    let best: { id: string; d: number } | null = null;
    for (const f of hits) {
      // A tile may hand a pipe over in pieces.
      const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
      if (!parts.length) continue;
      const d = Math.min(...parts.map((line) => pointToLineDistance(at, { type: 'LineString', coordinates: line }, { units: 'meters' })));
      if (!best || d < best.d) best = { id: String(f.properties.id), d };
    }
    return best?.id ?? null;
  }

  /** Shows or hides the network (its tiles load as the map asks); the grid map stays underneath, paler while dispatching. */
  async setDispatch(on: boolean): Promise<void> {
    await this.styleReady;
    this.dispatching = on;
    for (const id of NETWORK_LAYERS) this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    this.map.setPaintProperty('grids-fill', 'fill-opacity', on ? 0.12 : ['case', ['boolean', ['feature-state', 'selected'], false], 0.55, ['boolean', ['feature-state', 'hover'], false], 0.42, 0.28]);
  }

  /** Draws the answer; everything else dims while there is one. */
  async setScope(scope: FeatureCollection | null, pipes: string[]): Promise<void> {
    await this.styleReady;
    (this.map.getSource('scope') as GeoJSONSource).setData(scope ?? { type: 'FeatureCollection', features: [] });
    for (const id of this.selectedPipes) this.map.setFeatureState({ source: 'network', sourceLayer: 'pipes', id }, { selected: false });
    this.selectedPipes = pipes;
    for (const id of pipes) this.map.setFeatureState({ source: 'network', sourceLayer: 'pipes', id }, { selected: true });
    const dim = scope !== null;
    this.map.setPaintProperty('network-pipes', 'line-opacity', dim ? 0.25 : 1);
    this.map.setPaintProperty('network-nodes', 'circle-opacity', dim ? 0.3 : 1);
    this.map.setPaintProperty('communities-fill', 'fill-opacity', dim ? 0.35 : 0.75);
  }

  destroy(): void {
    this.drawing.cancel();
    this.plannerLayers?.destroy();
    this.map.remove();
  }
}
