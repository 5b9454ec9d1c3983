import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './outbox';

describe('notice retries', () => {
  it('wait 30 s, then double', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
  });
});
