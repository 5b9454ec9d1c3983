// /api/outages: records, their states, and the notice lists (call lists for grid workers) as CSV or Excel.
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/index';
import { actorOf } from '../audit/service';
import { requireRole } from '../auth/middleware';
import { hasRole } from '../auth/roles';
import { parseBody, parseId } from '../validation';
import { sqlFile } from '../db/sql';
import { forbidden } from '../errors';
import { noticesCsv, noticesWorkbook, type NoticeRow } from './export';
import { changeStatus, createOutage, getOutage, listOutages } from './records';

const noticesSql = sqlFile(import.meta.url, 'notices.sql');
const id = z.string().min(1).max(64);
const STATUSES = ['draft', 'confirmed', 'notified', 'in_progress', 'restored', 'cancelled'] as const;
const newOutage = z.object({
  kind: z.enum(['emergency', 'planned']),
  cause: z.string().trim().min(1).max(200),
  pipes: z.array(id).min(1).max(1000),
  assumeInoperable: z.array(id).max(1000).default([]),
  plannedStart: z.iso.datetime({ offset: true }).optional(),
  plannedEnd: z.iso.datetime({ offset: true }).optional(),
});
const statusChange = z.object({ to: z.enum(STATUSES), version: z.number().int().min(1), note: z.string().max(500).optional() });
const noticeFilter = z.object({
  kind: z.enum(['outage', 'restored']).optional(),
  channel: z.enum(['sms', 'call']).optional(),
  grid: z.string().regex(/^[0-9A-Za-z_-]{1,16}$/).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

export function outageRecordRoutes(db: () => Database): Router {
  const r = Router();
  const desk = requireRole('admin', 'dispatcher');
  r.post('/outages', desk, async (req, res) => {
    res.status(201).json(await createOutage(db(), actorOf(req), parseBody(newOutage, req.body)));
  });
  r.get('/outages', requireRole('admin', 'dispatcher', 'manager', 'department_head'), async (req, res) => {
    const status = req.query.status === undefined ? undefined : parseBody(z.enum(STATUSES), req.query.status);
    res.json({ items: await listOutages(db(), status) });
  });
  r.get('/outages/:id', requireRole('admin', 'dispatcher', 'manager', 'department_head'), async (req, res) => {
    res.json(await getOutage(db(), parseId(req.params.id, 'outage')));
  });
  r.post('/outages/:id/status', desk, async (req, res) => {
    const body = parseBody(statusChange, req.body);
    res.json(await changeStatus(db(), actorOf(req), parseId(req.params.id, 'outage'), body.to, body.version, body.note));
  });
  // Dispatchers get every list; a grid worker the list of their own grid (their call list), in clear.
  r.get('/outages/:id/notices', requireRole('admin', 'dispatcher', 'grid_worker'), async (req, res) => {
    const f = parseBody(noticeFilter, req.query);
    const user = req.user!;
    const desk = hasRole(user, 'admin', 'dispatcher');
    if (!desk && (!f.grid || !user.grids.includes(f.grid))) throw forbidden('a grid worker reads the list of one of their own grids (?grid=)');
    const oid = parseId(req.params.id, 'outage');
    await getOutage(db(), oid);
    const rows = await db().query<NoticeRow & Record<string, unknown>>(noticesSql, [oid, f.kind ?? null, f.channel ?? null, f.grid ? [f.grid] : null]);
    const name = `outage-${oid}-${f.channel ?? 'all'}${f.grid ? `-grid-${f.grid}` : ''}`;
    if (f.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      res.send(noticesCsv(rows));
    } else if (f.format === 'xlsx') {
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
      res.send(await noticesWorkbook(`停气通知 #${oid}${f.channel === 'call' ? '（电话通知名单）' : ''}`, rows));
    } else {
      res.json({ items: rows });
    }
  });
  return r;
}
