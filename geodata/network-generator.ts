// Builds a plausible Panji gas network and its households, deterministic from a seed (spec §1 format).
// Medium pressure: two gate stations, a looped main along the roads with line valves; each community an area
// regulator fed from the nearest main node, and a low-pressure spine with a valve and a service point per building.
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { prng } from './prng';

export interface CommunityInput {
  id: string;
  name: string;
  total: number;
  /** null where the plan gives no connected figure: its households stay "unknown", without service points. */
  connected: number | null;
  geometry: Polygon;
}

export interface GeneratorInput {
  serviceArea: Polygon | MultiPolygon;
  roads: { id: string; line: Position[] }[];
  communities: CommunityInput[];
}

export interface GeneratedHousehold {
  id: string;
  service: string | null;
  connection: 'connected' | 'to_develop' | 'unknown';
  address: string;
  name: string;
  phone: string | null;
  coordinates: [number, number];
}

const M_LON = 93_600; // metres per degree at 32.77 N
const M_LAT = 110_900;
const MAIN_STEP_M = 150;
const LINE_VALVE_EVERY = 4;
const HOUSEHOLDS_PER_BUILDING = 24;
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '玉兰'];
const MOBILE_PREFIXES = ['138', '139', '158', '186', '137', '135', '150', '152'];

const round = (v: number) => Math.round(v * 1e7) / 1e7;
const pt = (p: Position): [number, number] => [round(p[0]), round(p[1])];
const dist = (a: Position, b: Position) => Math.hypot((a[0] - b[0]) * M_LON, (a[1] - b[1]) * M_LAT);

class Builder {
  readonly features: Feature[] = [];
  private pipeNo = 0;

  node(id: string, kind: string, at: Position, extra: Record<string, unknown> = {}): string {
    this.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: pt(at) }, properties: { id, kind, ...extra } });
    return id;
  }

  pipe(from: { id: string; at: Position }, to: { id: string; at: Position }, pressure: 'MP' | 'LP', diameter: number): string {
    const id = `P${++this.pipeNo}`;
    this.features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [pt(from.at), pt(to.at)] },
      properties: { id, kind: 'pipe', from: from.id, to: to.id, pressure, diameter_mm: diameter, material: pressure === 'MP' ? 'PE100' : 'PE80' },
    });
    return id;
  }
}

interface MainNode {
  id: string;
  at: Position;
}

/** Points every MAIN_STEP_M along a polyline, keeping those inside the service area. */
function sample(line: Position[], inside: (p: Position) => boolean): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const [a, b] = [line[i], line[i + 1]];
    const n = Math.max(1, Math.round(dist(a, b) / MAIN_STEP_M));
    for (let k = i === 0 ? 0 : 1; k <= n; k++) out.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
  }
  return out.filter(inside);
}

export function generatePanjiNetwork(input: GeneratorInput, seed = 20261204): { network: FeatureCollection; households: GeneratedHousehold[] } {
  const rnd = prng(seed);
  const b = new Builder();
  const area: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry: input.serviceArea, properties: {} };
  const inside = (p: Position) => booleanPointInPolygon(p, area);
  const mains: MainNode[] = [];

  // One main per road (and two connectors closing the loop between Wuyishan and Kongli Rd).
  const laid = (name: string, points: Position[], start?: MainNode): MainNode[] => {
    const nodes: MainNode[] = points.map((at, i) => {
      const lineValve = i > 0 && i % LINE_VALVE_EVERY === 0;
      const id = lineValve ? `V-${name}-${i}` : `J-${name}-${i}`;
      return { id: b.node(id, lineValve ? 'valve' : 'junction', at), at };
    });
    if (start) b.pipe(start, nodes[0], 'MP', 200);
    for (let i = 1; i < nodes.length; i++) b.pipe(nodes[i - 1], nodes[i], 'MP', 200);
    mains.push(...nodes);
    return nodes;
  };
  const road = (id: string) => input.roads.find((r) => r.id === id)!.line;
  const wuyishan = laid('wuyishan', sample(road('wuyishan'), inside));
  const kongli = laid('kongli', sample(road('kongli'), inside));
  const nearest = (p: Position, among: MainNode[]) => among.reduce((best, n) => (dist(n.at, p) < dist(best.at, p) ? n : best));
  const huangheLine = sample(road('huanghe'), inside);
  const huanghe = laid('huanghe', huangheLine.slice(0, -1));
  b.pipe(huanghe[huanghe.length - 1], nearest(huangheLine[huangheLine.length - 1], wuyishan), 'MP', 200);
  for (const [name, a, z] of [['north', wuyishan[0], kongli[0]], ['south', wuyishan[wuyishan.length - 1], kongli[kongli.length - 1]]] as const) {
    const points = sample([a.at, z.at], () => true).slice(1, -1);
    const connector = laid(name, points, a);
    b.pipe(connector[connector.length - 1], z, 'MP', 160);
  }
  // A normally closed valve splits the north connector; a few line valves are seized.
  const lineValves = b.features.filter((f) => f.properties!.kind === 'valve');
  const northValve = lineValves.find((f) => String(f.properties!.id).startsWith('V-north'));
  if (northValve) northValve.properties!.state = 'closed';
  for (let k = 0; k < 2 && lineValves.length; k++) lineValves[Math.floor(rnd() * lineValves.length)].properties!.operable = false;

  // Gate stations at the west end of Huanghe Rd and the south end of Kongli Rd.
  const west = huanghe[0];
  const southEnd = kongli[kongli.length - 1];
  b.pipe({ id: b.node('GS-west', 'source', [west.at[0] - 0.0012, west.at[1]], { name: '西门站' }), at: [west.at[0] - 0.0012, west.at[1]] }, west, 'MP', 250);
  b.pipe({ id: b.node('GS-south', 'source', [southEnd.at[0], southEnd.at[1] - 0.0012], { name: '南门站' }), at: [southEnd.at[0], southEnd.at[1] - 0.0012] }, southEnd, 'MP', 250);

  const households: GeneratedHousehold[] = [];
  for (const c of input.communities) households.push(...community(b, c, mains, rnd));
  return { network: { type: 'FeatureCollection', features: b.features }, households };
}

/** One community: its regulator, a low-pressure spine, a valve and service point per connected building, its households. */
function community(b: Builder, c: CommunityInput, mains: MainNode[], rnd: () => number): GeneratedHousehold[] {
  const ring = c.geometry.coordinates[0];
  const [minX, maxX] = [Math.min(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[0]))];
  const [minY, maxY] = [Math.min(...ring.map((p) => p[1])), Math.max(...ring.map((p) => p[1]))];
  const buildings = Math.max(1, Math.ceil(c.total / HOUSEHOLDS_PER_BUILDING));
  const cols = Math.max(1, Math.round(Math.sqrt(buildings * ((maxX - minX) * M_LON) / ((maxY - minY) * M_LAT))));
  const rows = Math.ceil(buildings / cols);
  const at = (k: number): Position => [minX + ((k % cols) + 0.5) * ((maxX - minX) / cols), maxY - (Math.floor(k / cols) + 0.5) * ((maxY - minY) / rows)];
  const connectedBuildings = c.connected === null ? 0 : Math.ceil(c.connected / HOUSEHOLDS_PER_BUILDING);

  if (connectedBuildings > 0) {
    // The regulator box stands on the community's edge nearest the main, fed by a service branch.
    const centre: Position = [(minX + maxX) / 2, (minY + maxY) / 2];
    const feed = mains.reduce((best, n) => (dist(n.at, centre) < dist(best.at, centre) ? n : best));
    const edge: Position = [Math.min(maxX, Math.max(minX, feed.at[0])), Math.min(maxY, Math.max(minY, feed.at[1]))];
    const regulatorId = `R-${c.id}`;
    // A branch valve at the tee lets the dispatcher cut one community off without touching the main.
    const branchAt: Position = [feed.at[0] + (edge[0] - feed.at[0]) * 0.1, feed.at[1] + (edge[1] - feed.at[1]) * 0.1];
    const branch = { id: b.node(`V-${c.id}-branch`, 'valve', branchAt), at: branchAt };
    b.pipe(feed, branch, 'MP', 110);
    const inlet = b.pipe(branch, { id: regulatorId, at: edge }, 'MP', 110);
    b.node(regulatorId, 'regulator', edge, { inlet, name: `${c.name}调压箱` });
    let previous = { id: regulatorId, at: edge };
    for (let row = 0; row * cols < connectedBuildings; row++) {
      const spineAt: Position = [minX + 0.2 * ((maxX - minX) / cols), at(row * cols)[1]];
      const spine = { id: b.node(`J-${c.id}-${row}`, 'junction', spineAt), at: spineAt };
      b.pipe(previous, spine, 'LP', 90);
      previous = spine;
      for (let k = row * cols; k < Math.min(connectedBuildings, (row + 1) * cols); k++) {
        const building = at(k);
        const valveAt: Position = [building[0] - 0.00008, building[1]];
        const valve = { id: b.node(`V-${c.id}-${k + 1}`, 'valve', valveAt, rnd() < 0.03 ? { operable: false } : {}), at: valveAt };
        b.pipe(spine, valve, 'LP', 63);
        b.pipe(valve, { id: b.node(`C-${c.id}-${k + 1}`, 'service', building), at: building }, 'LP', 40);
      }
    }
  }

  const out: GeneratedHousehold[] = [];
  for (let i = 0; i < c.total; i++) {
    const k = Math.floor(i / HOUSEHOLDS_PER_BUILDING);
    const [x, y] = at(k);
    const connection = c.connected === null ? 'unknown' : i < c.connected ? 'connected' : 'to_develop';
    out.push({
      id: `${c.id}-${String(i + 1).padStart(4, '0')}`,
      service: connection === 'connected' ? `C-${c.id}-${k + 1}` : null,
      connection,
      address: `${c.name} ${k + 1}栋${(Math.floor(i / 8) % 3) + 1}单元${(Math.floor(i / 2) % 4) + 1}0${(i % 2) + 1}室`,
      name: SURNAMES[Math.floor(rnd() * SURNAMES.length)] + GIVEN[Math.floor(rnd() * GIVEN.length)],
      // One in ten has no mobile number on file: grid workers call them from a list.
      phone: rnd() < 0.1 ? null : MOBILE_PREFIXES[Math.floor(rnd() * MOBILE_PREFIXES.length)] + String(Math.floor(rnd() * 1e8)).padStart(8, '0'),
      coordinates: pt([x + (rnd() - 0.5) * 0.00012, y + (rnd() - 0.5) * 0.00008]),
    });
  }
  return out;
}

/**
 * The same family at city scale for the benchmark: a lattice of medium-pressure mains (line valves every few
 * nodes, gate stations on the edge), and in each block an area regulator feeding a low-pressure spine with a
 * valve and a service point per building. About `targetPipes` pipes.
 */
export function generateCityNetwork(targetPipes: number, seed = 1): FeatureCollection {
  const rnd = prng(seed);
  const b = new Builder();
  const buildingsPerBlock = 12;
  const pipesPerBlock = 2 /* two mains */ + 2 /* branch, inlet */ + 3 * buildingsPerBlock; // spine + valve + service each
  const side = Math.max(2, Math.round(Math.sqrt(targetPipes / pipesPerBlock)));
  const step = 0.002;
  const at = (i: number, j: number): Position => [116.7 + i * step, 32.7 + j * step];
  const main = (i: number, j: number) => ({ id: `M${i}_${j}`, at: at(i, j) });
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const valve = (i + j) % LINE_VALVE_EVERY === 0;
      b.node(`M${i}_${j}`, valve ? 'valve' : 'junction', at(i, j), valve && rnd() < 0.02 ? { operable: false } : {});
      if (i > 0) b.pipe(main(i - 1, j), main(i, j), 'MP', 200);
      if (j > 0) b.pipe(main(i, j - 1), main(i, j), 'MP', 200);
    }
  }
  for (const [k, [i, j]] of [[0, 0], [side - 1, side - 1], [0, side - 1]].entries()) {
    const s = { id: `GS${k}`, at: [at(i, j)[0] - step / 3, at(i, j)[1]] as Position };
    b.node(s.id, 'source', s.at);
    b.pipe(s, main(i, j), 'MP', 250);
  }
  for (let i = 0; i + 1 < side; i++) {
    for (let j = 0; j + 1 < side; j++) {
      const id = `${i}_${j}`;
      const base = at(i, j);
      const branchAt: Position = [base[0] + step * 0.1, base[1] + step * 0.05];
      const regulatorAt: Position = [base[0] + step * 0.2, base[1] + step * 0.1];
      const branch = { id: b.node(`VB${id}`, 'valve', branchAt), at: branchAt };
      b.pipe(main(i, j), branch, 'MP', 110);
      const inlet = b.pipe(branch, { id: `R${id}`, at: regulatorAt }, 'MP', 110);
      b.node(`R${id}`, 'regulator', regulatorAt, { inlet });
      let previous = { id: `R${id}`, at: regulatorAt };
      for (let k = 0; k < buildingsPerBlock; k++) {
        const spineAt: Position = [regulatorAt[0] + ((k + 1) * step * 0.7) / buildingsPerBlock, regulatorAt[1]];
        const spine = { id: b.node(`J${id}_${k}`, 'junction', spineAt), at: spineAt };
        b.pipe(previous, spine, 'LP', 90);
        previous = spine;
        const valveAt: Position = [spineAt[0], spineAt[1] + step * 0.15];
        const valve = { id: b.node(`V${id}_${k}`, 'valve', valveAt, rnd() < 0.03 ? { operable: false } : {}), at: valveAt };
        b.pipe(spine, valve, 'LP', 63);
        const serviceAt: Position = [spineAt[0], spineAt[1] + step * 0.3];
        b.pipe(valve, { id: b.node(`C${id}_${k}`, 'service', serviceAt), at: serviceAt }, 'LP', 40);
      }
    }
  }
  return { type: 'FeatureCollection', features: b.features };
}
