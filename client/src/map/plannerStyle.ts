// Sources and layers of the planner's editor, added to the map when planner mode first opens.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Locale } from '../i18n/messages';
import { GRID_COLOURS, gridColour, LABEL_FONTS, labelField } from './style';

export const COMPARE_COLOURS = { a: '#d62728', b: '#1f77b4' } as const;
const PROBLEM = '#e31a1c';

/** A piece of land takes the colour of the grid receiving it. */
const receiverColour = ['match', ['get', 'to'], ...Object.entries(GRID_COLOURS).flat(), '#9c755f'] as unknown as ExpressionSpecification;

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export const PLANNER_SOURCES = ['planner-grids', 'planner-labels', 'planner-vertices', 'planner-midpoints', 'planner-snap', 'planner-moves', 'planner-problems', 'planner-compare'] as const;

export function plannerSources(): Record<(typeof PLANNER_SOURCES)[number], SourceSpecification> {
  return {
    // feature-state by grid code: a refused layout's grid lights up without touching the data.
    'planner-grids': { type: 'geojson', data: empty(), promoteId: 'code' },
    'planner-labels': { type: 'geojson', data: empty() },
    // feature-state by vertex number: the selected vertex.
    'planner-vertices': { type: 'geojson', data: empty(), promoteId: 'i' },
    'planner-midpoints': { type: 'geojson', data: empty() },
    'planner-snap': { type: 'geojson', data: empty() },
    'planner-moves': { type: 'geojson', data: empty() },
    'planner-problems': { type: 'geojson', data: empty() },
    'planner-compare': { type: 'geojson', data: empty() },
  };
}

const problemState: ExpressionSpecification = ['boolean', ['feature-state', 'problem'], false];

/** Layers under the communities and roads (the grids being edited), so roads stay visible to snap to. */
export function plannerBaseLayers(): LayerSpecification[] {
  return [
    {
      id: 'planner-fill', type: 'fill', source: 'planner-grids',
      paint: { 'fill-color': ['case', problemState, PROBLEM, gridColour], 'fill-opacity': ['case', problemState, 0.5, 0.3] },
    },
    {
      id: 'planner-line', type: 'line', source: 'planner-grids',
      paint: { 'line-color': ['case', problemState, PROBLEM, gridColour], 'line-width': ['case', problemState, 4, 2] },
    },
  ];
}

/** Layers on top of everything: what moves, problems, another version's outlines, labels and the handles. */
export function plannerTopLayers(locale: Locale): LayerSpecification[] {
  return [
    {
      id: 'planner-moves-fill', type: 'fill', source: 'planner-moves',
      paint: { 'fill-color': receiverColour, 'fill-opacity': 0.65 },
    },
    { id: 'planner-moves-line', type: 'line', source: 'planner-moves', paint: { 'line-color': '#111111', 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: 'planner-problems-fill', type: 'fill', source: 'planner-problems', filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]], paint: { 'fill-color': PROBLEM, 'fill-opacity': 0.45 } },
    { id: 'planner-problems-line', type: 'line', source: 'planner-problems', paint: { 'line-color': PROBLEM, 'line-width': 4 } },
    { id: 'planner-problems-point', type: 'circle', source: 'planner-problems', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': PROBLEM, 'circle-radius': 9, 'circle-opacity': 0.7 } },
    {
      id: 'planner-compare-line', type: 'line', source: 'planner-compare',
      paint: { 'line-color': ['match', ['get', 'side'], 'a', COMPARE_COLOURS.a, COMPARE_COLOURS.b], 'line-width': ['match', ['get', 'side'], 'a', 4, 2.5] },
    },
    {
      id: 'planner-grid-labels', type: 'symbol', source: 'planner-labels',
      layout: { 'text-field': labelField(locale), 'text-font': LABEL_FONTS, 'text-size': 17, 'text-allow-overlap': true },
      paint: { 'text-color': '#1f1f1f', 'text-halo-color': '#ffffff', 'text-halo-width': 2.5 },
    },
    {
      id: 'planner-midpoints', type: 'circle', source: 'planner-midpoints',
      paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-opacity': 0.8, 'circle-stroke-color': '#666666', 'circle-stroke-width': 1 },
    },
    {
      id: 'planner-vertices', type: 'circle', source: 'planner-vertices',
      paint: {
        'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 8, 6],
        'circle-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#ffcc00', '#ffffff'],
        // A vertex several grids share is drawn darker: dragging it moves them all.
        'circle-stroke-color': ['case', ['>', ['get', 'shared'], 1], '#111111', '#777777'],
        'circle-stroke-width': ['case', ['>', ['get', 'shared'], 1], 2.5, 1.5],
      },
    },
    {
      id: 'planner-snap', type: 'circle', source: 'planner-snap',
      paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': ['match', ['get', 'kind'], 'vertex', '#d62728', '#ff7f0e'], 'circle-stroke-width': 3 },
    },
  ];
}

/** Layers the editing handles live on: hidden while only looking (an old version, a comparison, drawing). */
export const HANDLE_LAYERS = ['planner-vertices', 'planner-midpoints', 'planner-snap'] as const;
/** The normal grid map's layers, hidden while planning: the layout being edited takes their place. */
export const BASE_GRID_LAYERS = ['grids-fill', 'grids-line', 'grid-labels'] as const;
export const PLANNER_LAYER_IDS = [...plannerBaseLayers(), ...plannerTopLayers('zh')].map((l) => l.id);
