// /api/audit (admin): search the audit log, and export what was found as CSV.
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/index';
import { requireRole } from '../auth/middleware';
import { parseBody } from '../validation';
import { toCsv } from '../../common/csv';
import { searchAudit } from './service';

const filter = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export function auditRoutes(db: () => Database): Router {
  const r = Router();
  r.use('/audit', requireRole('admin'));
  r.get('/audit', async (req, res) => {
    res.json(await searchAudit(db(), parseBody(filter, req.query)));
  });
  r.get('/audit/export.csv', async (req, res) => {
    const f = parseBody(filter, { ...req.query, limit: 500, offset: 0 });
    const rows: (string | number | null)[][] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await searchAudit(db(), { ...f, limit: 500, offset });
      for (const e of page.items) rows.push([e.id, e.at, e.actor_username, e.action, e.entity, e.entity_id, e.ip, JSON.stringify(e.before), JSON.stringify(e.after)]);
      if (page.items.length < 500) break;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
    res.send(toCsv(['id', 'time (UTC+8)', 'actor', 'action', 'entity', 'entity id', 'address', 'before', 'after'], rows));
  });
  return r;
}
