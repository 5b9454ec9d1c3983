import { describe, expect, it } from 'vitest';
import { percentile, table } from './stats';

describe('bench stats', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
  });
  it('draws an aligned markdown table', () => {
    expect(table(['a', 'bb'], [['xyz', 1]])).toBe('| a   | bb |\n|-----|----|\n| xyz | 1  |');
  });
});
