// /api/network: import (replace all-or-nothing) and export in the interchange format.
import { Router } from 'express';
import type { Database } from '../db/index';
import { actorOf } from '../audit/service';
import { importBody, requireRole } from '../auth/middleware';
import { exportNetwork, importNetwork } from './service';

export function networkRoutes(db: () => Database): Router {
  const r = Router();
  r.post('/network/import', requireRole('admin', 'dispatcher'), importBody, async (req, res) => {
    res.json(await importNetwork(db(), actorOf(req), req.body));
  });
  r.get('/network', requireRole('admin', 'dispatcher', 'planner'), async (_req, res) => {
    res.json(await exportNetwork(db()));
  });
  return r;
}
