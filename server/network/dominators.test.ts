import { describe, expect, it } from 'vitest';
import { prng, randomNetwork } from '../../tests/support/random-network';
import { ReferenceNetwork } from '../outages/reference';
import { computeUnits, type Units } from './dominators';
import { parseNetwork, type Network } from './format';
import { computeSegments, type Segments } from './segments';

/** The rule of dominators.ts, applied in memory: which units lose gas when `zone` is cut and `boundary` valves close. */
function lostUnits(units: Units, zone: Set<number>, boundary: Set<string>): (u: number) => boolean {
  const open = (valve: string | null) => valve === null || !boundary.has(valve);
  const feedsOf = (u: number) => units.feeds.filter((f) => f.unit === u);
  const cut = [...zone].filter((u) => units.pre[u] !== null);
  const under = (u: number, roots: number[]) => roots.some((c) => units.pre[u]! >= units.pre[c]! && units.pre[u]! <= units.post[c]!);
  const chainBroken = (p: number) => cut.some((c) => under(p, [c]) && units.pre[c]! > units.pre[units.anchor[p]]!);
  const live = (f: { pred: number; valve: string | null }, reached: Set<number>) => open(f.valve) && !chainBroken(f.pred) && reached.has(units.anchor[f.pred]);
  const reached = new Set([0]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of units.feeds) {
      if (!units.core[f.unit] || reached.has(f.unit) || zone.has(f.unit) || !live(f, reached)) continue;
      reached.add(f.unit);
      grew = true;
    }
  }
  const all = Array.from({ length: units.count + 1 }, (_, u) => u).filter((u) => u > 0 && units.pre[u] !== null);
  const deadJoins = all.filter((u) => units.join[u] && (units.core[u] ? !reached.has(u) : !feedsOf(u).some((f) => live(f, reached))));
  const roots = [...cut, ...deadJoins];
  return (u: number) => units.pre[u] !== null && under(u, roots);
}

function question(network: Network, seg: Segments, units: Units, pipes: string[], stuck: string[]) {
  const unitOf = (pipe: string) => units.segmentUnit.get(seg.pipeSegment.get(pipe)!)!;
  const unitsAt = new Map<string, Set<number>>();
  for (const p of network.pipes) for (const end of [p.from, p.to]) (unitsAt.get(end) ?? unitsAt.set(end, new Set()).get(end)!).add(unitOf(p.id));
  const openValves = network.nodes.filter((n) => n.kind === 'valve' && n.state === 'open');
  const zone = new Set(pipes.map(unitOf));
  for (let grew = true; grew; ) {
    grew = false;
    for (const v of openValves.filter((n) => stuck.includes(n.id) && [...unitsAt.get(n.id)!].some((u) => zone.has(u)))) {
      for (const u of unitsAt.get(v.id)!) if (!zone.has(u)) grew = zone.add(u) !== null;
    }
  }
  const boundary = new Set(openValves.filter((n) => n.operable && !stuck.includes(n.id) && [...unitsAt.get(n.id)!].some((u) => zone.has(u))).map((n) => n.id));
  const lost = lostUnits(units, zone, boundary);
  return network.pipes.filter((q) => zone.has(unitOf(q.id)) || (lost(unitOf(q.id)) && seg.supplied.has(q.id))).map((q) => q.id).sort();
}

/** Source S → P1 → valve V, which also joins P2 (onwards to service X) and P3 (a dead end): cutting P3 closes V. */
const wideValve = {
  type: 'FeatureCollection',
  features: [
    ...[['S', 'source', 0], ['V', 'valve', 1], ['X', 'service', 2], ['E', 'junction', 3]].map(([id, kind, x]) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [116.8 + Number(x) * 0.001, 32.77] }, properties: { id, kind },
    })),
    ...[['P1', 'S', 'V'], ['P2', 'V', 'X'], ['P3', 'V', 'E']].map(([id, from, to]) => ({
      type: 'Feature', geometry: { type: 'LineString', coordinates: [[116.8, 32.77], [116.801, 32.77]] }, properties: { id, kind: 'pipe', from, to },
    })),
  ],
};

describe('dominators of the unit graph', () => {
  it('cut a unit off when the valve feeding it closes for another unit', () => {
    const network = parseNetwork(wideValve);
    const seg = computeSegments(network);
    const units = computeUnits(network, seg);
    expect(question(network, seg, units, ['P3'], [])).toEqual(['P2', 'P3']);
    expect(new ReferenceNetwork(network).scope(['P3']).unsuppliedPipes).toEqual(['P2', 'P3']);
  });

  it('give exactly the pipes that lose gas, for one pipe, several pipes and valves assumed stuck (300 random networks)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const net = randomNetwork(seed);
      const network = parseNetwork(net.fc);
      const seg = computeSegments(network);
      const units = computeUnits(network, seg);
      const ref = new ReferenceNetwork(network);
      const rnd = prng(seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
      const questions: [string[], string[]][] = network.pipes.map((p) => [[p.id], []]);
      for (let k = 0; k < 10; k++) questions.push([[pick(net.pipes), pick(net.pipes), pick(net.pipes)].slice(0, 1 + (k % 3)), net.valves.length && k % 2 ? [pick(net.valves)] : []]);
      for (const [pipes, stuck] of questions) {
        expect(question(network, seg, units, pipes, stuck), `seed ${seed} pipes ${pipes} stuck ${stuck}`).toEqual(ref.scope(pipes, stuck).unsuppliedPipes);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
