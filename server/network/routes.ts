// /api/network: import (replace all-or-nothing), export in the interchange format, a summary and vector tiles.
import { Router } from 'express';
import type { Database } from '../db/index';
import { sqlFile } from '../db/sql';
import { actorOf } from '../audit/service';
import { importBody, requireRole } from '../auth/middleware';
import { exportNetwork, importNetwork } from './service';
import { networkTile, tileAddress } from './tiles';

const summarySql = sqlFile(import.meta.url, 'summary.sql');
const readers = ['admin', 'dispatcher', 'planner'] as const;

export function networkRoutes(db: () => Database): Router {
  const r = Router();
  r.post('/network/import', requireRole('admin', 'dispatcher'), importBody, async (req, res) => {
    res.json(await importNetwork(db(), actorOf(req), req.body));
  });
  r.get('/network', requireRole(...readers), async (_req, res) => {
    res.json(await exportNetwork(db()));
  });
  r.get('/network/summary', requireRole(...readers), async (_req, res) => {
    res.json((await db().query(summarySql))[0]);
  });
  r.get('/network/tiles/:z/:x/:y.pbf', requireRole(...readers), async (req, res) => {
    const tile = await networkTile(db(), tileAddress(String(req.params.z), String(req.params.x), String(req.params.y)));
    // A network import changes every tile: let the browser ask again rather than keep a stale one.
    res.set('Cache-Control', 'private, no-cache').type('application/vnd.mapbox-vector-tile').send(Buffer.from(tile));
  });
  return r;
}
