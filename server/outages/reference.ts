// A plain in-memory outage scope (spec §2): the oracle of the property tests and the floor of the benchmark.
import type { ScopeLists } from '../../common/api-types';
import type { Network } from '../network/format';

export interface ReferenceAnswer extends ScopeLists {
  /** Service nodes that lose gas. */
  lostServices: string[];
}

const sorted = (s: Iterable<string>) => [...new Set(s)].sort();

export class ReferenceNetwork {
  private readonly node = new Map<string, Network['nodes'][number]>();
  private readonly ends = new Map<string, [string, string]>();
  private readonly pipesAt = new Map<string, string[]>();

  constructor(network: Network) {
    for (const n of network.nodes) {
      this.node.set(n.id, n);
      this.pipesAt.set(n.id, []);
    }
    for (const p of network.pipes) {
      this.ends.set(p.id, [p.from, p.to]);
      this.pipesAt.get(p.from)!.push(p.id);
      this.pipesAt.get(p.to)!.push(p.id);
    }
  }

  /** Pipes reached from every source, never through a closed (or closed-now) valve, a source, or a regulator backwards. */
  private supply(removed: Set<string>, closedNow: Set<string>): Set<string> {
    const reached = new Set<string>();
    const queue: string[] = [];
    const visit = (p: string) => {
      if (removed.has(p) || reached.has(p)) return;
      reached.add(p);
      queue.push(p);
    };
    for (const n of this.node.values()) {
      if (n.kind !== 'source') continue;
      for (const p of this.pipesAt.get(n.id)!) visit(p);
    }
    while (queue.length) {
      const pipe = queue.pop()!;
      for (const id of this.ends.get(pipe)!) {
        const n = this.node.get(id)!;
        const passes =
          n.kind === 'junction' || n.kind === 'service' ||
          (n.kind === 'valve' && n.state === 'open' && !closedNow.has(id)) ||
          (n.kind === 'regulator' && n.inlet === pipe);
        if (!passes) continue;
        for (const p of this.pipesAt.get(id)!) visit(p);
      }
    }
    return reached;
  }

  /** Pipes with gas as the network stands. */
  suppliedPipes(): Set<string> {
    return this.supply(new Set(), new Set());
  }

  scope(pipes: string[], assumeInoperable: string[] = []): ReferenceAnswer {
    const stuck = new Set(assumeInoperable);
    const zone = new Set(pipes);
    const zoneNodes = new Set<string>();
    const queue = [...zone];
    while (queue.length) {
      const pipe = queue.pop()!;
      for (const id of this.ends.get(pipe)!) {
        zoneNodes.add(id);
        const n = this.node.get(id)!;
        const passes = n.kind === 'junction' || n.kind === 'service' || (n.kind === 'valve' && n.state === 'open' && (!n.operable || stuck.has(id)));
        if (!passes) continue;
        for (const p of this.pipesAt.get(id)!) {
          if (zone.has(p)) continue;
          zone.add(p);
          queue.push(p);
        }
      }
    }
    const nodes = [...zoneNodes].map((id) => this.node.get(id)!);
    const boundaryValves = nodes.filter((n) => n.kind === 'valve' && n.state === 'open' && n.operable && !stuck.has(n.id)).map((n) => n.id);
    const before = this.supply(new Set(), new Set());
    const after = this.supply(zone, new Set(boundaryValves));
    const touchesAfter = (id: string) => this.pipesAt.get(id)!.some((p) => after.has(p));
    const regulatorsToShut = nodes
      .filter((n) => n.kind === 'regulator' && this.pipesAt.get(n.id)!.some((p) => p !== n.inlet && zone.has(p)) && after.has(n.inlet!))
      .map((n) => n.id);
    const regulatorsAffected = [...this.node.values()]
      .filter((n) => n.kind === 'regulator' && before.has(n.inlet!) && !after.has(n.inlet!))
      .map((n) => n.id);
    return {
      valvesToClose: sorted(boundaryValves.filter(touchesAfter)),
      valvesNotNeeded: sorted(boundaryValves.filter((v) => !touchesAfter(v))),
      alreadyClosed: sorted(nodes.filter((n) => n.kind === 'valve' && n.state === 'closed').map((n) => n.id)),
      inoperableValves: sorted(nodes.filter((n) => n.kind === 'valve' && n.state === 'open' && (!n.operable || stuck.has(n.id))).map((n) => n.id)),
      regulatorsToShut: sorted(regulatorsToShut),
      sourcesToShut: sorted(nodes.filter((n) => n.kind === 'source').map((n) => n.id)),
      regulatorsAffected: sorted([...regulatorsToShut, ...regulatorsAffected]),
      isolatedPipes: sorted(zone),
      unsuppliedPipes: sorted([...zone, ...[...before].filter((p) => !after.has(p))]),
      lostServices: sorted(
        [...this.node.values()]
          .filter((n) => n.kind === 'service' && this.pipesAt.get(n.id)!.some((p) => before.has(p)) && !touchesAfter(n.id))
          .map((n) => n.id),
      ),
    };
  }
}
