// Reads a network FeatureCollection (spec §1) into typed nodes and pipes, or names every feature at fault.
import * as gjv from 'geojson-validation';
import { featureLabel, featuresOf, GeoDataError, OUT_OF_RANGE, positionsOutOfRange, type GeoProblem } from '../geodata/validate';

export const NODE_KINDS = ['source', 'valve', 'regulator', 'junction', 'service'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface NetworkNode {
  id: string;
  kind: NodeKind;
  name: string | null;
  state: 'open' | 'closed' | null;
  operable: boolean | null;
  inlet: string | null;
  coordinates: [number, number];
}

export interface NetworkPipe {
  id: string;
  from: string;
  to: string;
  diameter_mm: number | null;
  material: string | null;
  pressure: 'MP' | 'LP' | null;
  name: string | null;
  coordinates: [number, number][];
}

export interface Network {
  nodes: NetworkNode[];
  pipes: NetworkPipe[];
}

type Props = Record<string, unknown>;
const MAX_PROBLEMS = 50;

const optionalText = (v: unknown) => (typeof v === 'string' && v.length ? v.slice(0, 200) : null);

/** Validates the whole collection; throws GeoDataError listing (up to 50) problems, each naming its feature. */
export function parseNetwork(obj: unknown, source = 'network'): Network {
  const features = featuresOf(obj, source);
  const problems: GeoProblem[] = [];
  const fail = (feature: string, message: string) => problems.length < MAX_PROBLEMS && problems.push({ feature, message });
  const nodes: NetworkNode[] = [];
  const pipes: NetworkPipe[] = [];
  const ids = new Set<string>();

  features.forEach((f, i) => {
    const label = featureLabel(f, i, 'id');
    const trace = gjv.isFeature(f, true);
    if (trace.length) return void fail(label, trace.join(', '));
    const { geometry, properties } = f as { geometry: { type: string; coordinates: unknown } | null; properties: Props | null };
    const p = properties ?? {};
    if (typeof p.id !== 'string' || !p.id.trim() || p.id.length > 64) return void fail(label, 'properties.id must be a non-empty string of at most 64 characters');
    if (ids.has(p.id)) return void fail(label, 'duplicate id');
    ids.add(p.id);
    if (p.kind === 'pipe') {
      if (geometry?.type !== 'LineString') return void fail(label, `a pipe must be a LineString, not ${geometry?.type ?? 'null'}`);
      const coords = geometry.coordinates as [number, number][];
      if (positionsOutOfRange(coords)) return void fail(label, OUT_OF_RANGE);
      if (typeof p.from !== 'string' || typeof p.to !== 'string') return void fail(label, 'a pipe needs from and to node ids');
      if (p.from === p.to) return void fail(label, 'a pipe must join two different nodes');
      if (p.pressure !== undefined && p.pressure !== null && p.pressure !== 'MP' && p.pressure !== 'LP') return void fail(label, 'pressure must be "MP" or "LP"');
      if (p.diameter_mm !== undefined && p.diameter_mm !== null && !(typeof p.diameter_mm === 'number' && p.diameter_mm > 0)) return void fail(label, 'diameter_mm must be a positive number');
      pipes.push({
        id: p.id, from: p.from, to: p.to, diameter_mm: (p.diameter_mm as number | undefined) ?? null, material: optionalText(p.material),
        pressure: (p.pressure as 'MP' | 'LP' | undefined) ?? null, name: optionalText(p.name), coordinates: coords,
      });
      return;
    }
    if (!NODE_KINDS.includes(p.kind as NodeKind)) return void fail(label, `unknown kind ${JSON.stringify(p.kind)}`);
    if (geometry?.type !== 'Point') return void fail(label, `a ${String(p.kind)} must be a Point, not ${geometry?.type ?? 'null'}`);
    if (positionsOutOfRange(geometry.coordinates)) return void fail(label, OUT_OF_RANGE);
    const kind = p.kind as NodeKind;
    if (kind === 'valve' && p.state !== undefined && p.state !== 'open' && p.state !== 'closed') return void fail(label, 'state must be "open" or "closed"');
    if (kind === 'valve' && p.operable !== undefined && typeof p.operable !== 'boolean') return void fail(label, 'operable must be true or false');
    if (kind === 'regulator' && typeof p.inlet !== 'string') return void fail(label, 'a regulator needs inlet: the id of the pipe on its inlet side');
    nodes.push({
      id: p.id, kind, name: optionalText(p.name),
      state: kind === 'valve' ? ((p.state as 'open' | 'closed' | undefined) ?? 'open') : null,
      operable: kind === 'valve' ? ((p.operable as boolean | undefined) ?? true) : null,
      inlet: kind === 'regulator' ? (p.inlet as string) : null,
      coordinates: geometry.coordinates as [number, number],
    });
  });

  const nodeIds = new Set(nodes.map((n) => n.id));
  const pipeIds = new Map(pipes.map((p) => [p.id, p]));
  for (const p of pipes) {
    for (const end of [p.from, p.to]) if (!nodeIds.has(end)) fail(`"${p.id}"`, `pipe end "${end}" is no node of the network`);
  }
  for (const n of nodes.filter((x) => x.kind === 'regulator')) {
    const inlet = pipeIds.get(n.inlet!);
    if (!inlet) fail(`"${n.id}"`, `inlet "${n.inlet}" is no pipe of the network`);
    else if (inlet.from !== n.id && inlet.to !== n.id) fail(`"${n.id}"`, `inlet pipe "${n.inlet}" is not attached to this regulator`);
  }
  if (problems.length) throw new GeoDataError(source, problems);
  return { nodes, pipes };
}
