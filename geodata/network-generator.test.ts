import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../server/network/format';
import { ReferenceNetwork } from '../server/outages/reference';
import { generateCityNetwork } from './network-generator';

describe('the city-scale network generator', () => {
  it('makes a valid network of about the size asked, the same every time', () => {
    const fc = generateCityNetwork(10_000, 7);
    const network = parseNetwork(fc);
    expect(network.pipes.length).toBeGreaterThan(8_000);
    expect(network.pipes.length).toBeLessThan(12_000);
    expect(JSON.stringify(generateCityNetwork(10_000, 7))).toBe(JSON.stringify(fc));
  });

  it('feeds every service point from a gate station', () => {
    const network = parseNetwork(generateCityNetwork(5_000, 3));
    const supplied = new ReferenceNetwork(network).suppliedPipes();
    const fed = new Set(network.pipes.filter((p) => supplied.has(p.id)).flatMap((p) => [p.from, p.to]));
    expect(network.nodes.filter((n) => n.kind === 'service' && !fed.has(n.id))).toEqual([]);
  });
});
