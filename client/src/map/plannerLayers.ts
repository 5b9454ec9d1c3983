// The planner's layers on the grid map and the dragging of shared vertices. A plain class (never reactive): it
// keeps the layout it draws, and hands finished edits back through callbacks; the store decides what they mean.
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import type { Locale } from '../i18n/messages';
import { insertVertex, layoutEdges, layoutVertices, moveVertex, samePos, snap, snapTargets, type Edge, type Layout, type SnapTargets, type Vertex } from './layoutEdit';
import { BASE_GRID_LAYERS, HANDLE_LAYERS, PLANNER_LAYER_IDS, plannerBaseLayers, plannerSources, plannerTopLayers } from './plannerStyle';
import { labelField } from './style';

/** How near (screen pixels) a dragged vertex must come to a road or another vertex to land on it. */
export const SNAP_PX = 10;

export interface PlannerCallbacks {
  /** A drag or an inserted vertex finished: the whole new layout. */
  onEdit: (next: Layout) => void;
  /** A vertex was clicked (or the selection cleared). */
  onSelectVertex: (pos: Position | null) => void;
}

interface Drag {
  base: Layout;
  from: Position;
  to: Position;
  targets: SnapTargets;
  /** Whether this drag changes anything even without moving: a vertex added on an edge. */
  changed: boolean;
  startX: number;
  startY: number;
}

const fc = <G extends Geometry>(features: Feature<G>[]): FeatureCollection<G> => ({ type: 'FeatureCollection', features });
const point = (pos: Position, properties: Record<string, unknown>): Feature<Point> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: pos }, properties });

export class PlannerLayers {
  private layout: Layout = fc([]) as Layout;
  private vertices: Vertex[] = [];
  private edges: Edge[] = [];
  private roads: Position[][] = [];
  private editable = false;
  private drag: Drag | null = null;
  private selected: number | null = null;
  private problemGrids: string[] = [];

  constructor(
    private readonly map: MapLibreMap,
    private readonly callbacks: PlannerCallbacks,
    locale: Locale,
  ) {
    for (const [id, source] of Object.entries(plannerSources())) map.addSource(id, source);
    // The edited grids take the normal grids' place in the drawing order: under communities and roads.
    for (const layer of plannerBaseLayers()) map.addLayer(layer, map.getLayer('service-area-line') ? 'service-area-line' : undefined);
    for (const layer of plannerTopLayers(locale)) map.addLayer(layer);
    this.bindEvents();
  }

  private source(id: string): GeoJSONSource {
    return this.map.getSource(id) as GeoJSONSource;
  }

  private bindEvents(): void {
    const m = this.map;
    m.on('mousedown', 'planner-vertices', (e) => this.startDrag(e, 'vertex'));
    m.on('mousedown', 'planner-midpoints', (e) => this.startDrag(e, 'midpoint'));
    for (const [layer, cursor] of [['planner-vertices', 'move'], ['planner-midpoints', 'copy']] as const) {
      m.on('mouseenter', layer, () => this.editable && (m.getCanvas().style.cursor = cursor));
      m.on('mouseleave', layer, () => !this.drag && (m.getCanvas().style.cursor = ''));
    }
  }

  /** Shows the planner's layers instead of the normal grids, or the other way round. */
  show(on: boolean): void {
    for (const id of PLANNER_LAYER_IDS) this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    for (const id of BASE_GRID_LAYERS) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', on ? 'none' : 'visible');
    if (!on) this.setEditable(false);
  }

  /** Handles are shown and draggable only while editing (not while viewing a version or drawing a shape). */
  setEditable(on: boolean): void {
    this.editable = on;
    for (const id of HANDLE_LAYERS) this.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  }

  setRoads(roads: FeatureCollection): void {
    this.roads = roads.features.flatMap((f) =>
      f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [],
    );
  }

  setLocale(locale: Locale): void {
    this.map.setLayoutProperty('planner-grid-labels', 'text-field', labelField(locale));
  }

  setLayout(layout: Layout, selected: Position | null = null): void {
    if (this.drag) return; // the drag draws its own frames; the store's answer arrives after mouseup
    this.layout = layout;
    this.vertices = layoutVertices(layout);
    this.edges = layoutEdges(layout);
    this.draw(layout, this.vertices, this.edges);
    this.setSelected(selected);
    this.setProblemGrids(this.problemGrids);
  }

  private draw(layout: Layout, vertices: Vertex[], edges: Edge[]): void {
    this.source('planner-grids').setData(layout);
    this.source('planner-labels').setData(fc(layout.features.flatMap((f) => labelPoint(f))));
    this.source('planner-vertices').setData(fc(vertices.map((v, i) => point(v.pos, { i, shared: v.grids.length }))));
    this.source('planner-midpoints').setData(fc(edges.map((e, i) => point(e.mid, { i }))));
  }

  setSelected(pos: Position | null): void {
    if (this.selected !== null) this.map.setFeatureState({ source: 'planner-vertices', id: this.selected }, { selected: false });
    const i = pos ? this.vertices.findIndex((v) => samePos(v.pos, pos)) : -1;
    this.selected = i >= 0 ? i : null;
    if (this.selected !== null) this.map.setFeatureState({ source: 'planner-vertices', id: this.selected }, { selected: true });
  }

  /** The land a preview says changes hands, coloured by the grid receiving it. */
  setMoves(moves: { from: string | null; to: string; geometry: Geometry | null }[]): void {
    this.source('planner-moves').setData(fc(moves.filter((m) => m.geometry).map((m) => ({ type: 'Feature', geometry: m.geometry!, properties: { from: m.from, to: m.to } }))));
  }

  /** Where a refused layout is wrong: the problems' own geometry, and whole grids lit for those without one. */
  setProblems(geometries: Geometry[], grids: string[]): void {
    this.source('planner-problems').setData(fc(geometries.map((g) => ({ type: 'Feature', geometry: g, properties: {} }))));
    this.setProblemGrids(grids);
  }

  private setProblemGrids(grids: string[]): void {
    for (const code of this.problemGrids) this.map.setFeatureState({ source: 'planner-grids', id: code }, { problem: false });
    this.problemGrids = grids;
    for (const code of grids) this.map.setFeatureState({ source: 'planner-grids', id: code }, { problem: true });
  }

  /** Outlines of one or two other layouts over the map (a version viewed, or two compared). */
  setCompare(a: Layout | null, b: Layout | null): void {
    const side = (l: Layout | null, s: 'a' | 'b') => (l ? l.features.map((f) => ({ ...f, properties: { ...f.properties, side: s } })) : []);
    this.source('planner-compare').setData(fc([...side(a, 'a'), ...side(b, 'b')]));
  }

  // ── Dragging ─────────────────────────────────────────────────────────────────────────────────────────────────

  private startDrag(e: MapLayerMouseEvent, kind: 'vertex' | 'midpoint'): void {
    if (!this.editable || e.originalEvent.button !== 0 || this.drag) return;
    const i = Number(e.features?.[0]?.properties.i);
    let base = this.layout;
    let from: Position;
    if (kind === 'midpoint') {
      const edge = this.edges[i];
      if (!edge) return;
      base = insertVertex(this.layout, edge.a, edge.b, edge.mid).layout;
      from = edge.mid;
    } else {
      const v = this.vertices[i];
      if (!v) return;
      from = v.pos;
    }
    // Stop the map from panning: this drag moves the vertex, not the map.
    e.preventDefault();
    this.map.dragPan.disable();
    this.drag = { base, from, to: from, targets: snapTargets(base, this.roads, from), changed: kind === 'midpoint', startX: e.point.x, startY: e.point.y };
    this.map.on('mousemove', this.onMove);
    document.addEventListener('mouseup', this.onUp, { once: true });
  }

  private onMove = (e: MapMouseEvent): void => {
    const d = this.drag;
    if (!d) return;
    // A jitter of a pixel or two is a click, not a drag.
    if (!d.changed && Math.hypot(e.point.x - d.startX, e.point.y - d.startY) < 3) return;
    const s = snap([e.lngLat.lng, e.lngLat.lat], d.targets, (p) => this.map.project([p[0], p[1]]), SNAP_PX);
    d.to = s.pos;
    d.changed = true;
    const frame = moveVertex(d.base, d.from, s.pos);
    // During the drag only the grids and handles are redrawn; the vertex list is rebuilt on drop.
    this.source('planner-grids').setData(frame);
    this.source('planner-vertices').setData(fc(layoutVertices(frame).map((v, i) => point(v.pos, { i, shared: v.grids.length }))));
    this.source('planner-midpoints').setData(fc([]));
    this.source('planner-snap').setData(fc(s.kind === 'none' ? [] : [point(s.pos, { kind: s.kind })]));
  };

  private onUp = (): void => {
    const d = this.drag;
    this.map.off('mousemove', this.onMove);
    this.map.dragPan.enable();
    this.map.getCanvas().style.cursor = '';
    this.source('planner-snap').setData(fc([]));
    this.drag = null;
    if (!d) return;
    if (!d.changed) {
      this.callbacks.onSelectVertex(d.from);
      return;
    }
    const next = moveVertex(d.base, d.from, d.to);
    this.setLayout(next, d.to); // drawn at once; the store's echo of the same layout changes nothing
    this.callbacks.onEdit(next);
    this.callbacks.onSelectVertex(d.to);
  };

  destroy(): void {
    this.map.off('mousemove', this.onMove);
    document.removeEventListener('mouseup', this.onUp);
  }
}

/** One label point per grid, carrying the names the label expression reads. */
function labelPoint(f: Layout['features'][number]): Feature<Point>[] {
  try {
    const p = pointOnFeature(f);
    return [point(p.geometry.coordinates, { code: f.properties.code, name_zh: f.properties.name, name_en: f.properties.name_en ?? null })];
  } catch {
    return []; // an empty or broken geometry (an import the server will refuse) has no label
  }
}
