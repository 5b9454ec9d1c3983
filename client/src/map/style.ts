// The map style: an optional basemap under the project's own layers (context, grids, communities, roads, labels).
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '../api/types';
import type { Locale } from '../i18n/messages';

export const GRID_COLOURS: Record<string, string> = { '1': '#4e79a7', '2': '#f28e2b', '3': '#59a14f', '4': '#b07aa1' };
const OTHER_GRID_COLOUR = '#9c755f';
// Without a glyphs URL MapLibre draws text with these local fonts (no request leaves the machine).
export const LABEL_FONTS = ['Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

export const gridColour: ExpressionSpecification = [
  'match',
  ['get', 'code'],
  ...Object.entries(GRID_COLOURS).flat(),
  OTHER_GRID_COLOUR,
] as unknown as ExpressionSpecification;

export const labelField = (locale: Locale): ExpressionSpecification =>
  locale === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name_zh']] : ['get', 'name_zh'];

export const LABEL_LAYERS = ['road-labels', 'grid-labels', 'community-labels'] as const;
export const NETWORK_LAYERS = ['network-pipes', 'network-pipes-selected', 'network-pipes-hit', 'network-nodes', 'scope-pipes', 'scope-nodes', 'scope-valve-numbers'] as const;

const isPipe: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
const isNode: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const hidden = { visibility: 'none' } as const;

/** Network and outage-scope layers, hidden until the dispatcher turns them on. */
export function networkLayers(): LayerSpecification[] {
  return [
    {
      id: 'network-pipes', type: 'line', source: 'network', 'source-layer': 'pipes', filter: isPipe, layout: { ...hidden, 'line-cap': 'round' },
      paint: {
        'line-color': ['match', ['get', 'pressure'], 'MP', '#1f5fa8', '#6f9fd8'],
        'line-width': ['match', ['get', 'pressure'], 'MP', 3, 1.5],
      },
    },
    {
      id: 'network-pipes-selected', type: 'line', source: 'network', 'source-layer': 'pipes', filter: isPipe, layout: hidden,
      paint: { 'line-color': '#000000', 'line-width': 7, 'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.9, 0] },
    },
    // A wide invisible line, so a pipe is easy to hit with a finger or a mouse.
    { id: 'network-pipes-hit', type: 'line', source: 'network', 'source-layer': 'pipes', filter: isPipe, layout: hidden, paint: { 'line-color': '#000000', 'line-width': 14, 'line-opacity': 0 } },
    {
      id: 'network-nodes', type: 'circle', source: 'network', 'source-layer': 'nodes', filter: ['all', isNode, ['!=', ['get', 'kind'], 'junction']], layout: hidden,
      paint: {
        'circle-radius': ['match', ['get', 'kind'], 'source', 7, 'regulator', 5, 'valve', 3.5, 2],
        'circle-color': [
          'case',
          ['==', ['get', 'kind'], 'source'], '#111111',
          ['==', ['get', 'kind'], 'regulator'], '#e08214',
          ['==', ['get', 'state'], 'closed'], '#c51b7d',
          ['==', ['get', 'operable'], false], '#7b3294',
          ['==', ['get', 'kind'], 'valve'], '#1a9641',
          '#888888',
        ],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'scope-pipes', type: 'line', source: 'scope', filter: isPipe, layout: { ...hidden, 'line-cap': 'round' },
      paint: { 'line-color': ['match', ['get', 'role'], 'isolated', '#d7191c', '#f39c12'], 'line-width': ['match', ['get', 'role'], 'isolated', 6, 4] },
    },
    {
      id: 'scope-nodes', type: 'circle', source: 'scope', filter: isNode, layout: hidden,
      paint: {
        'circle-radius': ['match', ['get', 'role'], 'valve_to_close', 10, 'regulator_to_shut', 8, 'source_to_shut', 9, 6],
        'circle-color': ['match', ['get', 'role'], 'valve_to_close', '#d7191c', 'regulator_to_shut', '#e08214', 'regulator_affected', '#fdb863', 'source_to_shut', '#111111', 'inoperable_valve', '#7b3294', '#bbbbbb'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'scope-valve-numbers', type: 'symbol', source: 'scope', filter: ['all', isNode, ['==', ['get', 'role'], 'valve_to_close']],
      layout: { ...hidden, 'text-field': ['to-string', ['get', 'order']], 'text-font': LABEL_FONTS, 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

function tiandituSource(layer: 'vec' | 'cva', key: string): SourceSpecification {
  return {
    type: 'raster',
    tileSize: 256,
    tiles: [0, 1, 2, 3, 4, 5, 6, 7].map(
      (n) =>
        `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
        `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`,
    ),
    // A public deployment must also show Tianditu's current map approval number (审图号); see README.
    attribution: '© 天地图 tianditu.gov.cn',
    maxzoom: 18,
  };
}

/** Sources for the project's data, created empty and filled by GridMap.setData. */
export function projectSources(): Record<string, SourceSpecification> {
  return {
    context: { type: 'geojson', data: empty() },
    grids: { type: 'geojson', data: empty(), promoteId: 'code' },
    communities: { type: 'geojson', data: empty(), promoteId: 'id' },
    roads: { type: 'geojson', data: empty(), promoteId: 'id' },
    // Labels sit on one point per feature (from PostGIS), not per tile piece of a polygon.
    'grid-label-points': { type: 'geojson', data: empty() },
    'community-label-points': { type: 'geojson', data: empty() },
    // The dispatcher's layers: the network and the answer to the outage question.
    // Vector tiles from the server (ST_AsMVT, or cut in Node on the embedded database): light on a million pipes.
    network: {
      type: 'vector', tiles: [`${globalThis.location?.origin ?? ''}/api/network/tiles/{z}/{x}/{y}.pbf`],
      minzoom: 9, maxzoom: 16, promoteId: 'id',
    },
    scope: { type: 'geojson', data: empty() },
  };
}

export function projectLayers(locale: Locale): LayerSpecification[] {
  const textFont = LABEL_FONTS;
  return [
    { id: 'district-line', type: 'line', source: 'context', filter: ['==', ['get', 'layer'], 'district'], paint: { 'line-color': '#8a8a8a', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
    {
      id: 'grids-fill',
      type: 'fill',
      source: 'grids',
      paint: {
        'fill-color': gridColour,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.55, ['boolean', ['feature-state', 'hover'], false], 0.42, 0.28],
      },
    },
    {
      id: 'grids-line',
      type: 'line',
      source: 'grids',
      paint: {
        'line-color': gridColour,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 1.5],
      },
    },
    { id: 'service-area-line', type: 'line', source: 'context', filter: ['==', ['get', 'layer'], 'service_area'], paint: { 'line-color': '#333333', 'line-width': 2.5 } },
    { id: 'communities-fill', type: 'fill', source: 'communities', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.75 } },
    { id: 'communities-line', type: 'line', source: 'communities', paint: { 'line-color': '#5a5a5a', 'line-width': 1 } },
    { id: 'roads-casing', type: 'line', source: 'roads', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#7a6a48', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 4, 16, 14] } },
    { id: 'roads-line', type: 'line', source: 'roads', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffd966', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 16, 11] } },
    {
      id: 'road-labels',
      type: 'symbol',
      source: 'roads',
      layout: { 'symbol-placement': 'line', 'text-field': labelField(locale), 'text-font': textFont, 'text-size': 14, 'symbol-spacing': 320 },
      paint: { 'text-color': '#4a3b14', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
    {
      id: 'grid-labels',
      type: 'symbol',
      source: 'grid-label-points',
      layout: { 'text-field': labelField(locale), 'text-font': textFont, 'text-size': 18, 'text-allow-overlap': true },
      paint: { 'text-color': '#1f1f1f', 'text-halo-color': '#ffffff', 'text-halo-width': 2.5 },
    },
    {
      id: 'community-labels',
      type: 'symbol',
      source: 'community-label-points',
      minzoom: 13.3,
      layout: {
        'text-field': labelField(locale),
        'text-font': textFont,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13.3, 10, 16, 14],
        'text-max-width': 7,
        // Larger communities win where labels collide; the rest wait for a closer zoom.
        'symbol-sort-key': ['-', 0, ['get', 'total']],
      },
      paint: { 'text-color': '#333333', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

/** The whole style for a basemap choice; with a style URL, our layers are added after it loads. */
export function buildStyle(basemap: Basemap, locale: Locale): StyleSpecification | string {
  if (basemap.kind === 'style') return basemap.url;
  const sources: Record<string, SourceSpecification> = { ...projectSources() };
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#f3f0e8' } }];
  if (basemap.kind === 'tianditu') {
    sources['tianditu-vec'] = tiandituSource('vec', basemap.key);
    sources['tianditu-cva'] = tiandituSource('cva', basemap.key);
    layers.push({ id: 'tianditu-vec', type: 'raster', source: 'tianditu-vec' }, { id: 'tianditu-cva', type: 'raster', source: 'tianditu-cva' });
  }
  return { version: 8, sources, layers: [...layers, ...projectLayers(locale), ...networkLayers()] };
}
