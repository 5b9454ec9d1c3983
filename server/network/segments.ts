// Cuts a network into valve-bounded segments (union-find over junctions and service points) and finds which have gas.
import { ReferenceNetwork } from '../outages/reference';
import type { Network } from './format';

export interface Segments {
  /** Segment number of every pipe. */
  pipeSegment: Map<string, number>;
  /** Segment number of every junction and service point. */
  nodeSegment: Map<string, number>;
  /** Pipes with gas as the network stands. */
  supplied: Set<string>;
}

export function computeSegments(network: Network): Segments {
  const parent = network.pipes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const pipesAt = new Map<string, number[]>();
  network.pipes.forEach((p, i) => {
    for (const end of [p.from, p.to]) {
      let list = pipesAt.get(end);
      if (!list) pipesAt.set(end, (list = []));
      list.push(i);
    }
  });
  const passThrough = network.nodes.filter((n) => n.kind === 'junction' || n.kind === 'service');
  for (const n of passThrough) {
    const [first, ...rest] = pipesAt.get(n.id) ?? [];
    for (const other of rest) parent[find(other)] = find(first);
  }
  // Number the segments 1, 2, 3 … in the order of their first pipe, so the same network always gets the same numbers.
  const number = new Map<number, number>();
  const pipeSegment = new Map<string, number>();
  network.pipes.forEach((p, i) => {
    const root = find(i);
    if (!number.has(root)) number.set(root, number.size + 1);
    pipeSegment.set(p.id, number.get(root)!);
  });
  const nodeSegment = new Map<string, number>();
  for (const n of passThrough) {
    const first = pipesAt.get(n.id)?.[0];
    if (first !== undefined) nodeSegment.set(n.id, pipeSegment.get(network.pipes[first].id)!);
  }
  return { pipeSegment, nodeSegment, supplied: new ReferenceNetwork(network).suppliedPipes() };
}
