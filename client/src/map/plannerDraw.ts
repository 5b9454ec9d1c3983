// Drawing one shape for the server's tools (a split line, a new grid's polygon) with terra-draw.
// terra-draw edits one feature at a time, which is all a tool needs; the shared-vertex editing is ours (plannerLayers).
// It runs only while a shape is being drawn, then stops and removes its layers, so it never competes with our drag.
import type { LineString, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

export type DrawKind = 'linestring' | 'polygon';
type Shape<K extends DrawKind> = K extends 'linestring' ? LineString : Polygon;

export class ShapeDrawing {
  private draw: TerraDraw | null = null;
  private settle: ((shape: LineString | Polygon | null) => void) | null = null;

  constructor(private readonly map: MapLibreMap) {}

  get active(): boolean {
    return this.draw !== null;
  }

  /** Draws one shape; answers it when finished (double-click, a click on the last or first point, or Enter), null when cancelled. */
  start<K extends DrawKind>(kind: K): Promise<Shape<K> | null> {
    this.cancel();
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      modes: [
        new TerraDrawLineStringMode({ styles: { lineStringColor: '#d62728', lineStringWidth: 3, closingPointColor: '#d62728' } }),
        new TerraDrawPolygonMode({ styles: { fillColor: '#d62728', fillOpacity: 0.25, outlineColor: '#d62728', outlineWidth: 3, closingPointColor: '#d62728' } }),
      ],
    });
    draw.start();
    draw.setMode(kind);
    this.draw = draw;
    return new Promise((resolve) => {
      this.settle = resolve as (shape: LineString | Polygon | null) => void;
      draw.on('finish', (id) => {
        const f = draw.getSnapshotFeature(id);
        const geometry = f?.geometry.type === (kind === 'linestring' ? 'LineString' : 'Polygon') ? (f.geometry as Shape<K>) : null;
        this.finish(geometry);
      });
    });
  }

  private finish(shape: LineString | Polygon | null): void {
    const settle = this.settle;
    this.settle = null;
    const draw = this.draw;
    this.draw = null;
    // terra-draw calls back from inside its own event handling: stop it once that has returned.
    if (draw) setTimeout(() => draw.stop(), 0);
    settle?.(shape);
  }

  cancel(): void {
    if (this.draw) this.finish(null);
  }
}
