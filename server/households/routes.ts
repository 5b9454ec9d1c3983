// /api/households: the households a user may see (grid-scoped, masked by role).
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/index';
import { actorOf } from '../audit/service';
import { importBody, requireRole, requireUser } from '../auth/middleware';
import { parseBody } from '../validation';
import { importHouseholds } from './import';
import { listHouseholds } from './service';

const filter = z.object({
  grid: z.string().regex(/^[0-9A-Za-z_-]{1,16}$/).optional(),
  community: z.string().max(64).optional(),
  connection: z.enum(['connected', 'to_develop', 'unknown']).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export function householdRoutes(db: () => Database): Router {
  const r = Router();
  r.get('/households', requireUser, async (req, res) => {
    res.json(await listHouseholds(db(), req.user!, parseBody(filter, req.query)));
  });
  r.post('/households/import', requireRole('admin'), importBody, async (req, res) => {
    res.json(await importHouseholds(db(), actorOf(req), req.body));
  });
  return r;
}
