// HTTP routes of the grid map; validation at the edge, the work in service.ts.
import { Router } from 'express';
import { z } from 'zod';
import type { Queryable } from '../db/index';
import { requireRole } from '../auth/middleware';
import { canReadGrid } from '../auth/roles';
import { badRequest, forbidden } from '../errors';
import { currentVersion, versionLayout } from './layout-service';
import { getGrid, listGrids, reconciliation } from './service';
import { parseId } from '../validation';

const gridCode = z.string().regex(/^[0-9A-Za-z_-]{1,16}$/, 'a grid code is 1–16 letters, digits, - or _');

export function gridRoutes(db: () => Queryable): Router {
  const r = Router();
  r.get('/grids', async (req, res) => {
    if (req.query.version === undefined) return void res.json({ ...(await listGrids(db())), version: await currentVersion(db()) });
    res.json(await versionLayout(db(), parseId(req.query.version, 'layout version')));
  });
  r.get('/grids/:code', async (req, res) => {
    const code = gridCode.safeParse(req.params.code);
    if (!code.success) throw badRequest(`grid code: ${code.error.issues[0].message}`);
    if (!canReadGrid(req.user!, code.data)) throw forbidden(`grid ${code.data} is not one of your grids`);
    res.json(await getGrid(db(), code.data));
  });
  r.get('/reconciliation', requireRole('admin', 'manager', 'department_head', 'planner'), async (_req, res) => {
    res.json({ items: await reconciliation(db()) });
  });
  return r;
}
