// /api/outages: the outage scope of a set of pipes (dispatchers and admins).
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/index';
import { requireRole } from '../auth/middleware';
import { parseBody } from '../validation';
import { outageScope } from './service';

const id = z.string().min(1).max(64);
const scopeRequest = z.object({
  pipes: z.array(id).min(1, 'name at least one pipe').max(1000),
  assumeInoperable: z.array(id).max(1000).optional(),
});

export function outageRoutes(db: () => Database): Router {
  const r = Router();
  r.post('/outages/scope', requireRole('admin', 'dispatcher'), async (req, res) => {
    const body = parseBody(scopeRequest, req.body);
    res.json(await outageScope(db(), body.pipes, body.assumeInoperable));
  });
  return r;
}
