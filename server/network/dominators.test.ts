import { describe, expect, it } from 'vitest';
import { randomNetwork } from '../../tests/support/random-network';
import { ReferenceNetwork } from '../outages/reference';
import { computeUnits } from './dominators';
import { parseNetwork } from './format';
import { computeSegments } from './segments';

describe('dominators of the unit graph', () => {
  it('give exactly the pipes that lose gas for every single-pipe question on simple units (200 random networks)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const network = parseNetwork(randomNetwork(seed).fc);
      const seg = computeSegments(network);
      const units = computeUnits(network, seg);
      const ref = new ReferenceNetwork(network);
      const unitOf = (pipe: string) => units.segmentUnit.get(seg.pipeSegment.get(pipe)!)!;
      for (const p of network.pipes) {
        const u = unitOf(p.id);
        if (!units.simple[u]) continue;
        const [pre, post] = [units.pre[u], units.post[u]];
        const lost = (w: number) => w === u || (pre !== null && units.pre[w] !== null && units.pre[w]! >= pre && units.pre[w]! <= post!);
        const expected = ref.scope([p.id]).unsuppliedPipes;
        const fast = network.pipes.filter((q) => lost(unitOf(q.id)) && (unitOf(q.id) === u || seg.supplied.has(q.id))).map((q) => q.id).sort();
        expect(fast, `seed ${seed} pipe ${p.id}`).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});
