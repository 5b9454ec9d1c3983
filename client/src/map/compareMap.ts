// The second map of a side-by-side comparison of two versions: the same style, another layout, the same view.
// It follows the main map's camera (and leads it when moved itself), so both show the same place.
import { Map as MapLibreMap, type GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Basemap } from '../api/types';
import type { Locale } from '../i18n/messages';
import type { Layout } from './layoutEdit';
import { labelPoints } from './labels';
import { pointOnFeature } from '@turf/turf';
import { buildStyle } from './style';

export class CompareMap {
  readonly map: MapLibreMap;
  private ready: Promise<void>;
  private syncing = false;

  constructor(container: HTMLElement, private readonly main: MapLibreMap, basemap: Basemap, locale: Locale, context: { communities: FeatureCollection; roads: FeatureCollection; context: FeatureCollection }) {
    this.map = new MapLibreMap({
      container,
      style: buildStyle(basemap.kind === 'style' ? { kind: 'none' } : basemap, locale),
      center: main.getCenter(),
      zoom: main.getZoom(),
      attributionControl: false,
      localIdeographFontFamily: '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif',
    });
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => {
      for (const [id, data] of Object.entries(context)) (this.map.getSource(id) as GeoJSONSource).setData(data);
      (this.map.getSource('community-label-points') as GeoJSONSource).setData(labelPoints(context.communities));
    });
    main.on('move', this.follow);
    this.map.on('move', this.lead);
  }

  private follow = (): void => this.copy(this.main, this.map);
  private lead = (): void => this.copy(this.map, this.main);

  /** Copies one map's camera to the other, guarding against the echo. */
  private copy(from: MapLibreMap, to: MapLibreMap): void {
    if (this.syncing) return;
    this.syncing = true;
    to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
    this.syncing = false;
  }

  /** Draws a layout on the normal grid layers (which read name_zh and a label point). */
  async setLayout(layout: Layout): Promise<void> {
    await this.ready;
    const grids = {
      type: 'FeatureCollection' as const,
      features: layout.features.map((f) => ({
        ...f,
        properties: { ...f.properties, name_zh: f.properties.name, label_point: safePoint(f) },
      })),
    };
    (this.map.getSource('grids') as GeoJSONSource).setData(grids);
    (this.map.getSource('grid-label-points') as GeoJSONSource).setData(labelPoints(grids));
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.main.off('move', this.follow);
    this.map.remove();
  }
}

function safePoint(f: Layout['features'][number]) {
  try {
    return pointOnFeature(f).geometry;
  } catch {
    return null;
  }
}
