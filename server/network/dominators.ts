// Isolation units and their dominator tree, for answering a single-pipe outage question by an interval lookup.
// A unit is the segments joined through open valves that cannot be turned: the isolation zone of any of its pipes.
// On the graph of units fed from a virtual root (every source), the units that lose gas when unit u is cut out are
// exactly those u dominates; numbered in dominator-tree preorder they form the interval [pre(u), post(u)].
// That holds while closing u's boundary valves cuts nothing but u's own edges, i.e. each such valve touches at most
// one other unit: units where it does not are marked not `simple`, and their questions take the walk.
import type { Network } from './format';
import type { Segments } from './segments';

export interface Units {
  /** Unit of every segment (index by segment number). */
  segmentUnit: Map<number, number>;
  /** Per unit (1-based): dominator preorder number and last number of its subtree; null if never supplied. */
  pre: (number | null)[];
  post: (number | null)[];
  simple: boolean[];
  count: number;
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

  // The unit graph: 0 is the root feeding every source's units.
  const succ: Set<number>[] = Array.from({ length: count + 1 }, () => new Set());
  const simple = Array.from({ length: count + 1 }, () => true);
  for (const n of network.nodes) {
    const units = [...new Set((pipesAt.get(n.id) ?? []).map(unitOf))];
    if (n.kind === 'source') for (const u of units) succ[0].add(u);
    if (n.kind === 'valve' && n.state === 'open' && n.operable) {
      for (const a of units) for (const b of units) if (a !== b) succ[a].add(b);
      if (units.length > 2) for (const u of units) simple[u] = false;
    }
    if (n.kind === 'regulator') {
      const from = unitOf(n.inlet!);
      for (const p of pipesAt.get(n.id) ?? []) if (p !== n.inlet && unitOf(p) !== from) succ[from].add(unitOf(p));
    }
  }
  const idom = dominators(succ);
  const { pre, post } = preorder(idom, count);
  return { segmentUnit, pre, post, simple, count };
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
