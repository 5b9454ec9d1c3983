// /api/calls: the grid worker's call lists on the phone, and ticking off each call.
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/index';
import { actorOf } from '../audit/service';
import { requireRole } from '../auth/middleware';
import { parseBody, parseId } from '../validation';
import { callHouseholds, callLists, recordCall } from './calls';

const callers = requireRole('admin', 'dispatcher', 'grid_worker');
const listQuery = z.object({ grid: z.string().regex(/^[0-9A-Za-z_-]{1,16}$/), kind: z.enum(['outage', 'restored']).default('outage') });
const call = z.object({ outcome: z.enum(['reached', 'no_answer']), note: z.string().trim().max(200).optional() });

export function callRoutes(db: () => Database): Router {
  const r = Router();
  r.get('/calls', callers, async (req, res) => {
    res.json({ items: await callLists(db(), req.user!) });
  });
  r.get('/calls/:outage', callers, async (req, res) => {
    const q = parseBody(listQuery, req.query);
    res.json({ items: await callHouseholds(db(), req.user!, parseId(req.params.outage, 'outage'), q.grid, q.kind) });
  });
  r.post('/calls/notices/:id', callers, async (req, res) => {
    const body = parseBody(call, req.body);
    res.json(await recordCall(db(), actorOf(req), req.user!, parseId(req.params.id, 'notice'), body.outcome, body.note || null));
  });
  return r;
}
