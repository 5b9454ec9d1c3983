// One label point per feature, from the label_point PostGIS computed (ST_PointOnSurface), so labels never repeat.
import type { Feature, FeatureCollection, Point } from 'geojson';

export function labelPoints(fc: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of fc.features) {
    const point = f.properties?.label_point as Point | undefined;
    if (point?.type === 'Point') features.push({ type: 'Feature', geometry: point, properties: f.properties });
  }
  return { type: 'FeatureCollection', features };
}
