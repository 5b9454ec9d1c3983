// Map layers (communities, roads, service area and district) and the basemap the client should draw.
import { Router } from 'express';
import type { Config } from '../config';
import type { Queryable } from '../db/index';
import { sqlFile } from '../db/sql';

const sql = {
  communities: sqlFile(import.meta.url, 'communities.sql'),
  roads: sqlFile(import.meta.url, 'roads.sql'),
  context: sqlFile(import.meta.url, 'context.sql'),
};

export type Basemap =
  | { kind: 'none' }
  | { kind: 'tianditu'; key: string }
  | { kind: 'style'; url: string };

/** A style URL wins over Tianditu; with neither the map stays offline (only our own layers). */
export function basemapOf(config: Pick<Config, 'tiandituKey' | 'basemapStyleUrl'>): Basemap {
  if (config.basemapStyleUrl) return { kind: 'style', url: config.basemapStyleUrl };
  if (config.tiandituKey) return { kind: 'tianditu', key: config.tiandituKey };
  return { kind: 'none' };
}

export function mapRoutes(db: () => Queryable, config: Config): Router {
  const r = Router();
  const featureCollection = (statement: string) => async (_req: unknown, res: { json(v: unknown): void }) => {
    const [row] = await db().query<{ fc: unknown }>(statement);
    res.json(row.fc);
  };
  r.get('/communities', featureCollection(sql.communities));
  r.get('/roads', featureCollection(sql.roads));
  r.get('/context', featureCollection(sql.context));
  r.get('/map/config', (_req, res) => {
    res.json({ basemap: basemapOf(config) });
  });
  return r;
}
