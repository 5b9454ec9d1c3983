// Builds the schematic Panji seed: cuts the service area by the roads in PostGIS and lays out the plan's communities.
// Run `npm run geodata`; the output in geodata/panji/ is committed and loaded on first start.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { openDatabase, type Database } from '../server/db/index';
import { communityNamesEn, gridNamesEn, roads, serviceAreaRing } from './layout';
import { parsePlan, type PlanCommunity, type PlanGrid } from './plan-parser';

const out = new URL('./panji/', import.meta.url);
const M_PER_DEG_LON = 93_600; // at 32.77 N
const M_PER_DEG_LAT = 110_900;
const SQM_PER_HOUSEHOLD = 60; // site area of dense housing, so polygons look plausible at map scale
const MIN_SIDE_M = 110;

function write(name: string, fc: FeatureCollection): void {
  writeFileSync(new URL(name, out), JSON.stringify(fc, null, 1) + '\n');
}

/** Cuts the service area along the roads and names each piece by the plan's rules. */
async function cutGrids(db: Database): Promise<Map<string, Polygon>> {
  const rows = await db.query<{ geom: Polygon; x: number; y: number; wx: number; kx: number; hy: number }>(
    `WITH sa AS (SELECT ST_GeomFromGeoJSON($1) g),
          r AS (SELECT ST_GeomFromGeoJSON($2) w, ST_GeomFromGeoJSON($3) k, ST_GeomFromGeoJSON($4) h),
          pieces AS (SELECT (ST_Dump(ST_Split(sa.g, ST_Union(ARRAY[r.w, r.k, r.h])))).geom g FROM sa, r)
     SELECT ST_AsGeoJSON(p.g, 7)::json geom,
            ST_X(ST_PointOnSurface(p.g)) x, ST_Y(ST_PointOnSurface(p.g)) y,
            ST_X(ST_ClosestPoint(r.w, ST_PointOnSurface(p.g))) wx,
            ST_X(ST_ClosestPoint(r.k, ST_PointOnSurface(p.g))) kx,
            ST_Y(ST_ClosestPoint(r.h, ST_PointOnSurface(p.g))) hy
     FROM pieces p, r`,
    [
      JSON.stringify({ type: 'Polygon', coordinates: [serviceAreaRing] }),
      ...['wuyishan', 'kongli', 'huanghe'].map((id) =>
        JSON.stringify({ type: 'LineString', coordinates: roads.find((r) => r.id === id)!.line }),
      ),
    ],
  );
  const grids = new Map<string, Polygon>();
  for (const p of rows) {
    const code = p.x > p.kx ? '4' : p.x > p.wx ? '3' : p.y > p.hy ? '1' : '2';
    if (grids.has(code)) throw new Error(`the roads cut grid ${code} into more than one piece`);
    grids.set(code, p.geom);
  }
  if (grids.size !== 4) throw new Error(`expected 4 grids from the cut, got ${grids.size}`);
  return grids;
}

/** A deterministic number in [0, 1) from a name, so shapes vary but never change between runs. */
function hash01(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

function rectangle(cx: number, cy: number, c: PlanCommunity): Polygon {
  const area = Math.max(c.total * SQM_PER_HOUSEHOLD, MIN_SIDE_M * MIN_SIDE_M);
  const aspect = 0.7 + 0.7 * hash01(c.name);
  const w = Math.sqrt(area * aspect) / M_PER_DEG_LON / 2;
  const h = Math.sqrt(area / aspect) / M_PER_DEG_LAT / 2;
  const r = (v: number) => Math.round(v * 1e7) / 1e7;
  const ring: Position[] = [
    [cx - w, cy - h],
    [cx + w, cy - h],
    [cx + w, cy + h],
    [cx - w, cy + h],
    [cx - w, cy - h],
  ].map(([x, y]) => [r(x), r(y)]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Places each community of a grid near its own spread-out target, inside the grid, clear of the others. */
async function placeCommunities(db: Database, grid: PlanGrid, gridGeom: Polygon): Promise<Feature<Polygon>[]> {
  const [inner] = await db.query<{ g: string; minx: number; miny: number; maxx: number; maxy: number }>(
    `SELECT ST_AsText(b) g, ST_XMin(b) minx, ST_YMin(b) miny, ST_XMax(b) maxx, ST_YMax(b) maxy
     FROM (SELECT ST_Buffer(ST_GeomFromGeoJSON($1)::geography, -70)::geometry b) s`,
    [JSON.stringify(gridGeom)],
  );
  const n = grid.communities.length;
  const cols = Math.ceil(Math.sqrt(n * ((inner.maxx - inner.minx) * M_PER_DEG_LON) / ((inner.maxy - inner.miny) * M_PER_DEG_LAT)));
  const rows = Math.ceil(n / cols);
  const step = 40 / M_PER_DEG_LAT;
  const placed: Feature<Polygon>[] = [];
  const order = grid.communities.map((c, i) => ({ c, i })).sort((a, b) => b.c.total - a.c.total);
  for (const { c, i } of order) {
    const tx = inner.minx + ((i % cols) + 0.5) * ((inner.maxx - inner.minx) / cols);
    const ty = inner.maxy - (Math.floor(i / cols) + 0.5) * ((inner.maxy - inner.miny) / rows);
    const candidates: [number, number][] = [];
    for (let x = inner.minx; x <= inner.maxx; x += step) for (let y = inner.miny; y <= inner.maxy; y += step) candidates.push([x, y]);
    candidates.sort((a, b) => Math.hypot(a[0] - tx, a[1] - ty) - Math.hypot(b[0] - tx, b[1] - ty));
    const others = JSON.stringify({ type: 'GeometryCollection', geometries: placed.map((f) => f.geometry) });
    let geom: Polygon | null = null;
    for (const [x, y] of candidates) {
      const rect = rectangle(x, y, c);
      const [ok] = await db.query<{ ok: boolean }>(
        `SELECT ST_Within(r, ST_GeomFromText($2, 4326))
                AND NOT ST_DWithin(r::geography, ST_GeomFromGeoJSON($3)::geography, 30) ok
         FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) r) s`,
        [JSON.stringify(rect), inner.g, placed.length ? others : JSON.stringify({ type: 'Point', coordinates: [0, 0] })],
      );
      if (ok.ok) {
        geom = rect;
        break;
      }
    }
    if (!geom) throw new Error(`no room for ${c.name} in grid ${grid.code}`);
    placed.push({
      type: 'Feature',
      geometry: geom,
      properties: {
        id: `${grid.code}-${String(i + 1).padStart(2, '0')}`,
        name_zh: c.name,
        name_en: communityNamesEn[c.name] ?? c.name,
        alias_zh: c.alias,
        plan_grid: grid.code,
        total_households: c.total,
        connected_households: c.connected,
        plan_text: c.text,
      },
    });
  }
  return placed.sort((a, b) => String(a.properties!.id).localeCompare(String(b.properties!.id)));
}

async function main(): Promise<void> {
  const plan = parsePlan(readFileSync(new URL('plan.zh.txt', out), 'utf8'));
  const db = await openDatabase({});
  try {
    await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
    const grids = await cutGrids(db);
    // The stored outline is the union of the rounded grids, so rounding opens no sliver between them and it.
    const [outline] = await db.query<{ g: Polygon }>(
      `SELECT ST_AsGeoJSON(ST_Union(ST_GeomFromGeoJSON(g)), 7)::json g FROM unnest($1::text[]) g`,
      [[...grids.values()].map((g) => JSON.stringify(g))],
    );
    write('service-area.geojson', {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: outline.g,
          properties: { id: 'panji', name_zh: '潘集区燃气经营区域（示意）', name_en: 'Panji gas service area (schematic)' },
        },
      ],
    });
    write('roads.geojson', {
      type: 'FeatureCollection',
      features: roads.map((r) => ({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: r.line },
        properties: { id: r.id, name_zh: r.nameZh, name_en: r.nameEn },
      })),
    });
    write('grids.geojson', {
      type: 'FeatureCollection',
      features: plan.map((g) => ({
        type: 'Feature',
        geometry: grids.get(g.code)!,
        properties: {
          code: g.code,
          name_zh: `网格${g.code}`,
          name_en: `Grid ${g.code}`,
          area_zh: g.area,
          area_en: gridNamesEn[g.code],
          plan_connected: g.connected,
          plan_to_develop: g.toDevelop,
          plan_text: g.text,
        },
      })),
    });
    const communities: Feature<Polygon>[] = [];
    for (const g of plan) communities.push(...(await placeCommunities(db, g, grids.get(g.code)!)));
    write('communities.geojson', { type: 'FeatureCollection', features: communities });
    console.log(`wrote 4 grids, ${roads.length} roads and ${communities.length} communities to geodata/panji/`);
  } finally {
    await db.close();
  }
}

await main();
