// Isolation units and their dominator tree, so that an outage question becomes a few interval lookups.
// A unit is the segments joined through open valves that cannot be turned: the isolation zone of any of its pipes.
// On the graph of units fed from a virtual root 0 (every source), the units u dominates are numbered in
// dominator-tree preorder as the interval [pre(u), post(u)]: cut u out and exactly they lose gas.
// Cutting several units Z (and closing their boundary valves, which may also cut edges between two other units)
// needs one more idea. A "feed" of v is an edge p → v from outside v's subtree; a unit is a *join* when a feed comes
// from anything but its immediate dominator. A non-join unit has gas after the cut iff it is not cut, one edge from its
// immediate dominator is still open, and that dominator has gas; so every unit's fate is decided by its nearest join
// ancestor (its *anchor*) and the cut units between them. Joins are few on a gas network (the looped mains); only they
// need a walk, and only the *core* joins (anchors of some join's feed) need it recursively. See outages/scope-units.sql.
// A closed boundary valve that touches three or more units cuts edges between units outside the zone, but every unit it
// touches is fed by the others through it, so it is a join and its feeds say so: no non-join unit loses its only feed.
import type { Network } from './format';
import type { Segments } from './segments';

/** An edge into a unit from outside its dominator subtree; `valve` null when it passes a regulator or a source. */
export interface Feed {
  unit: number;
  pred: number;
  valve: string | null;
}

export interface Units {
  /** Unit of every segment (index by segment number). */
  segmentUnit: Map<number, number>;
  /** Per unit (index 0 is the root): dominator preorder number and last number of its subtree; null if never supplied. */
  pre: (number | null)[];
  post: (number | null)[];
  idom: Int32Array;
  join: boolean[];
  /** Joins that anchor a feed of another join. */
  core: boolean[];
  /** Nearest join ancestor-or-self, 0 (the root) when none. */
  anchor: Int32Array;
  /** Every feed of every join. */
  feeds: Feed[];
  count: number;
}

interface Edge {
  from: number;
  to: number;
  valve: string | null;
}

class UnionFind {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

export function computeUnits(network: Network, seg: Segments): Units {
  const pipesAt = new Map<string, string[]>();
  for (const p of network.pipes) for (const end of [p.from, p.to]) (pipesAt.get(end) ?? pipesAt.set(end, []).get(end)!).push(p.id);
  const segOf = (pipe: string) => seg.pipeSegment.get(pipe)!;
  const uf = new UnionFind();
  for (const n of network.nodes) {
    if (n.kind !== 'valve' || n.state !== 'open' || n.operable) continue;
    const [first, ...rest] = pipesAt.get(n.id) ?? [];
    for (const other of rest) uf.union(segOf(other), segOf(first));
  }
  // Number units 1..count in segment order, so a network always gets the same numbers.
  const segmentUnit = new Map<number, number>();
  const unitOfRoot = new Map<number, number>();
  for (const s of [...new Set(seg.pipeSegment.values())].sort((a, b) => a - b)) {
    const r = uf.find(s);
    if (!unitOfRoot.has(r)) unitOfRoot.set(r, unitOfRoot.size + 1);
    segmentUnit.set(s, unitOfRoot.get(r)!);
  }
  const count = unitOfRoot.size;
  const unitOf = (pipe: string) => segmentUnit.get(segOf(pipe))!;
  const edges = unitEdges(network, pipesAt, unitOf);
  const succ: Set<number>[] = Array.from({ length: count + 1 }, () => new Set());
  for (const e of edges) succ[e.from].add(e.to);
  const idom = dominators(succ);
  const { pre, post } = preorder(idom, count);
  return { segmentUnit, pre, post, idom, count, ...joins(edges, idom, pre, post, count) };
}

/** The unit graph: the root 0 feeds every source's units; open valves that can be turned join their units both ways;
 *  a regulator passes from its inlet's unit only. */
function unitEdges(network: Network, pipesAt: Map<string, string[]>, unitOf: (pipe: string) => number): Edge[] {
  const edges: Edge[] = [];
  for (const n of network.nodes) {
    const units = [...new Set((pipesAt.get(n.id) ?? []).map(unitOf))];
    if (n.kind === 'source') for (const u of units) edges.push({ from: 0, to: u, valve: null });
    if (n.kind === 'valve' && n.state === 'open' && n.operable) {
      for (const a of units) for (const b of units) if (a !== b) edges.push({ from: a, to: b, valve: n.id });
    }
    if (n.kind === 'regulator') {
      const from = unitOf(n.inlet!);
      for (const p of pipesAt.get(n.id) ?? []) if (p !== n.inlet && unitOf(p) !== from) edges.push({ from, to: unitOf(p), valve: null });
    }
  }
  return edges;
}

function joins(edges: Edge[], idom: Int32Array, pre: (number | null)[], post: (number | null)[], count: number) {
  const inside = (p: number, v: number) => pre[p]! >= pre[v]! && pre[p]! <= post[v]!;
  const external = edges.filter((e) => e.to !== 0 && pre[e.from] !== null && pre[e.to] !== null && !inside(e.from, e.to));
  const join = Array.from({ length: count + 1 }, () => false);
  for (const e of external) if (e.from !== idom[e.to]) join[e.to] = true;
  const anchor = new Int32Array(count + 1);
  const byPre = Array.from({ length: count + 1 }, (_, v) => v).filter((v) => pre[v] !== null).sort((a, b) => pre[a]! - pre[b]!);
  for (const v of byPre) anchor[v] = v === 0 || join[v] ? v : anchor[idom[v]];
  const feeds = external.filter((e) => join[e.to]).map(({ from, to, valve }) => ({ unit: to, pred: from, valve }));
  const core = Array.from({ length: count + 1 }, () => false);
  for (const f of feeds) if (join[f.unit] && anchor[f.pred] !== 0) core[anchor[f.pred]] = true;
  return { join, core, anchor, feeds };
}

/** Cooper, Harvey & Kennedy's iterative dominators from root 0; -1 for nodes the root does not reach. */
function dominators(succ: Set<number>[]): Int32Array {
  const n = succ.length;
  const order: number[] = []; // postorder
  const seen = new Uint8Array(n);
  const stack: [number, Iterator<number>][] = [[0, succ[0].values()]];
  seen[0] = 1;
  while (stack.length) {
    const top = stack[stack.length - 1];
    const next = top[1].next();
    if (next.done) {
      order.push(top[0]);
      stack.pop();
    } else if (!seen[next.value]) {
      seen[next.value] = 1;
      stack.push([next.value, succ[next.value].values()]);
    }
  }
  const po = new Int32Array(n).fill(-1);
  order.forEach((v, i) => (po[v] = i));
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) if (seen[v]) for (const w of succ[v]) preds[w].push(v);
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (po[a] < po[b]) a = idom[a];
      while (po[b] < po[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = order.length - 2; i >= 0; i--) {
      const v = order[i];
      let d = -1;
      for (const p of preds[v]) if (idom[p] !== -1) d = d === -1 ? p : intersect(p, d);
      if (d !== -1 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  return idom;
}

/** Preorder numbers of the dominator tree and, per node, the last number in its subtree. */
function preorder(idom: Int32Array, count: number): { pre: (number | null)[]; post: (number | null)[] } {
  const children: number[][] = Array.from({ length: count + 1 }, () => []);
  for (let v = 1; v <= count; v++) if (idom[v] !== -1) children[idom[v]].push(v);
  const pre: (number | null)[] = Array(count + 1).fill(null);
  const post: (number | null)[] = Array(count + 1).fill(null);
  let clock = 0;
  const stack: [number, number][] = [[0, 0]];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [v, i] = top;
    if (i === 0) pre[v] = clock++;
    if (i < children[v].length) {
      top[1]++;
      stack.push([children[v][i], 0]);
    } else {
      post[v] = clock - 1;
      stack.pop();
    }
  }
  return { pre, post };
}
