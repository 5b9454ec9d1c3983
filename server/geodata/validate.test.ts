import { describe, expect, it } from 'vitest';
import { checkFeatureCollection, GeoDataError } from './validate';

const opts = { geometryTypes: ['Polygon'], idProperty: 'code' };
const square = { type: 'Polygon', coordinates: [[[116.8, 32.7], [116.81, 32.7], [116.81, 32.71], [116.8, 32.7]]] };
const feature = (geometry: unknown, code = '1') => ({ type: 'Feature', geometry, properties: { code } });

function problem(fn: () => unknown): GeoDataError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GeoDataError) return err;
    throw err;
  }
  throw new Error('expected a GeoDataError');
}

describe('checkFeatureCollection', () => {
  it('accepts a valid collection', () => {
    expect(checkFeatureCollection({ type: 'FeatureCollection', features: [feature(square)] }, 'grids.geojson', opts).features).toHaveLength(1);
  });

  it('refuses what is not a FeatureCollection, naming the file', () => {
    const e = problem(() => checkFeatureCollection({ type: 'Feature' }, 'grids.geojson', opts));
    expect(e.message).toMatch(/^grids\.geojson: .*not a GeoJSON FeatureCollection/);
  });

  it('names the feature with the wrong geometry type', () => {
    const e = problem(() =>
      checkFeatureCollection({ type: 'FeatureCollection', features: [feature(square), feature({ type: 'Point', coordinates: [1, 2] }, '7')] }, 'grids.geojson', opts),
    );
    expect(e.problems).toEqual([{ feature: '"7"', message: 'geometry must be Polygon, not Point' }]);
  });

  it('refuses coordinates out of range', () => {
    const far = { type: 'Polygon', coordinates: [[[200, 32], [201, 32], [201, 33], [200, 32]]] };
    expect(problem(() => checkFeatureCollection({ type: 'FeatureCollection', features: [feature(far)] }, 'g', opts)).message).toMatch(/out of range/);
  });

  it('refuses an unclosed ring through geojson-validation', () => {
    const open = { type: 'Polygon', coordinates: [[[116.8, 32.7], [116.81, 32.7], [116.81, 32.71], [116.8, 32.71]]] };
    const e = problem(() => checkFeatureCollection({ type: 'FeatureCollection', features: [feature(open, '2')] }, 'g', opts));
    expect(e.problems[0].feature).toBe('"2"');
  });

  it('names a feature without an id by its place', () => {
    const e = problem(() => checkFeatureCollection({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: {} }] }, 'g', opts));
    expect(e.problems[0].feature).toBe('#1');
  });
});
