// Small random gas networks, deterministic from a seed: loops, closed and seized valves, regulators, several sources.
import type { Feature, FeatureCollection } from 'geojson';
import { prng } from '../../geodata/prng';

export { prng };

export interface RandomNetwork {
  fc: FeatureCollection;
  pipes: string[];
  valves: string[];
}

export function randomNetwork(seed: number): RandomNetwork {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const count = 8 + Math.floor(rnd() * 30);
  const kinds = Array.from({ length: count }, (_, i) => {
    if (i < 1 + Math.floor(rnd() * 2)) return 'source';
    const r = rnd();
    return r < 0.3 ? 'valve' : r < 0.45 ? 'regulator' : r < 0.7 ? 'service' : 'junction';
  });
  const at = (i: number): [number, number] => [116.8 + (i % 7) * 0.001, 32.77 + Math.floor(i / 7) * 0.001];
  const edges: [number, number][] = [];
  for (let i = 1; i < count; i++) edges.push([Math.floor(rnd() * i), i]); // a spanning tree in random order
  const extra = Math.floor(rnd() * count * 0.5); // and loops
  for (let k = 0; k < extra; k++) {
    const a = Math.floor(rnd() * count);
    const b = Math.floor(rnd() * count);
    if (a !== b) edges.push([a, b]);
  }
  const pipes: Feature[] = edges.map(([a, b], k) => ({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: [at(a), at(b)] },
    properties: { id: `P${k}`, kind: 'pipe', from: `N${a}`, to: `N${b}` },
  }));
  const pipesOf = (i: number) => edges.flatMap(([a, b], k) => (a === i || b === i ? [`P${k}`] : []));
  const nodes: Feature[] = kinds.map((kind, i) => {
    const props: Record<string, unknown> = { id: `N${i}`, kind };
    if (kind === 'valve') {
      if (rnd() < 0.15) props.state = 'closed';
      if (rnd() < 0.2) props.operable = false;
    }
    if (kind === 'regulator') props.inlet = pick(pipesOf(i));
    return { type: 'Feature', geometry: { type: 'Point', coordinates: at(i) }, properties: props };
  });
  return {
    fc: { type: 'FeatureCollection', features: [...nodes, ...pipes] },
    pipes: pipes.map((p) => String(p.properties!.id)),
    valves: kinds.flatMap((k, i) => (k === 'valve' ? [`N${i}`] : [])),
  };
}
