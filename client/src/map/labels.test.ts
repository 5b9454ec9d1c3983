import { describe, expect, it } from 'vitest';
import { labelPoints } from './labels';

describe('labelPoints', () => {
  it('puts each feature on its label point and keeps its properties', () => {
    const out = labelPoints({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { code: '3', label_point: { type: 'Point', coordinates: [116.84, 32.77] } } },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { code: '9' } },
      ],
    });
    expect(out.features).toHaveLength(1);
    expect(out.features[0].geometry.coordinates).toEqual([116.84, 32.77]);
    expect(out.features[0].properties?.code).toBe('3');
  });
});
