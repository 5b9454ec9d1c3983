// Vector tiles of the network layer, so the map stays light on a million pipes. On the PostgreSQL server PostGIS
// encodes them (ST_AsMVT); PGlite's PostGIS is built without protobuf, so there the same features are cut and encoded
// in Node (geojson-vt, vt-pbf). Both answer the same layers and properties.
import type { Feature, FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Database } from '../db/index';
import { sqlFile } from '../db/sql';
import { badRequest } from '../errors';

const featuresSql = sqlFile(import.meta.url, 'tile-features.sql');
const mvtSql = featuresSql + sqlFile(import.meta.url, 'tile-mvt.sql');
const geojsonSql = featuresSql + sqlFile(import.meta.url, 'tile-geojson.sql');
const cacheLookupSql = sqlFile(import.meta.url, 'tile-cache-lookup.sql');
const CACHE_INSERT = 'INSERT INTO network_tile_cache (generation, z, x, y, tile) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING';
/** Tiles up to this zoom are kept once cut: they are few (a town is a few hundred at 14) and the dearest to cut. */
export const CACHE_MAX_ZOOM = 14;

export const MAX_TILE_ZOOM = 22;
const EXTENT = 4096;
const BUFFER = 256;

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

export function tileAddress(z: string, x: string, y: string): TileAddress {
  const [zi, xi, yi] = [z, x, y].map((v) => (/^\d{1,7}$/.test(v) ? Number(v) : NaN));
  if (!(zi <= MAX_TILE_ZOOM) || !(xi < 2 ** zi) || !(yi < 2 ** zi)) {
    throw badRequest(`no tile ${z}/${x}/${y}: zoom is 0–${MAX_TILE_ZOOM}, x and y 0 … 2^zoom − 1`);
  }
  return { z: zi, x: xi, y: yi };
}

interface FeatureRow extends Record<string, unknown> {
  layer: 'pipes' | 'nodes';
  geometry: Feature['geometry'];
}

/** A network tile; far out (zoom ≤ 14) cut once per network generation and kept in the database for every server. */
export async function networkTile(db: Database, address: TileAddress): Promise<Uint8Array> {
  const { z, x, y } = address;
  if (z > CACHE_MAX_ZOOM) return cutTile(db, address);
  const [kept] = await db.query<{ generation: number; tile: Uint8Array | null }>(cacheLookupSql, [z, x, y]);
  if (kept.tile) return kept.tile;
  const tile = await cutTile(db, address);
  // Tagged with the generation read before cutting: if an import landed meanwhile, this tile is simply never read.
  await db.query(CACHE_INSERT, [kept.generation, z, x, y, tile]);
  return tile;
}

async function cutTile(db: Database, { z, x, y }: TileAddress): Promise<Uint8Array> {
  if (db.mode === 'server') {
    const [row] = await db.query<{ tile: Uint8Array }>(mvtSql, [z, x, y]);
    return row.tile;
  }
  const rows = await db.query<FeatureRow>(geojsonSql, [z, x, y]);
  const layers: Record<string, FeatureCollection> = { pipes: collection(), nodes: collection() };
  for (const { layer, geometry, ...props } of rows) {
    const properties = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
    layers[layer].features.push({ type: 'Feature', geometry, properties });
  }
  const tiles = Object.fromEntries(
    Object.entries(layers).map(([name, fc]) => [name, new GeoJSONVT(fc, { maxZoom: z, indexMaxZoom: z, indexMaxPoints: 0, extent: EXTENT, buffer: BUFFER }).getTile(z, x, y) ?? { features: [] }]),
  );
  return vtpbf.fromGeojsonVt(tiles, { version: 2, extent: EXTENT });
}

const collection = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });
