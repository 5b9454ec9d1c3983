// HTTP routes of the grid layout: preview, save, versions, restore, drafts, export, and the editing tools.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { actorOf } from '../audit/service';
import { requireRole } from '../auth/middleware';
import type { Database } from '../db/index';
import { parseBody, parseId } from '../validation';
import { parseLayout } from './layout';
import { currentVersion, getDraft, listVersions, previewLayout, restoreLayout, saveLayout, versionLayout } from './layout-service';
import { addGrid, mergeGrids, splitGrid } from './tools';

const version = z.number().int().min(0);
const code = z.string().regex(/^[0-9A-Za-z_-]{1,16}$/, 'a grid code is 1–16 letters, digits, - or _');
const name = z.string().trim().min(1).max(64);
const saveBody = z.object({ baseVersion: version, note: z.string().trim().min(1, 'say why the layout changes').max(2000), grids: z.unknown() });
const restoreBody = z.object({ version: version.min(1), baseVersion: version, note: z.string().trim().min(1).max(2000).optional() });
const geometry = (type: string) => z.object({ type: z.literal(type), coordinates: z.array(z.unknown()) });
const splitBody = z.object({ grids: z.unknown(), code, line: geometry('LineString'), newCode: code, newName: name });
const mergeBody = z.object({ grids: z.unknown(), codes: z.tuple([code, code]), name: name.optional() });
const addBody = z.object({ grids: z.unknown(), polygon: geometry('Polygon'), code, name });

const editors = requireRole('admin', 'planner');
const readers = requireRole('admin', 'planner', 'manager', 'department_head', 'dispatcher');

/** ?version=k as a positive whole number, or undefined when absent. */
function versionQuery(req: Request): number | undefined {
  return req.query.version === undefined ? undefined : parseId(req.query.version, 'layout version');
}

export function layoutRoutes(db: () => Database): Router {
  const r = Router();
  r.get('/grids/versions', readers, async (_req, res) => {
    const d = db();
    res.json({ current: await currentVersion(d), items: await listVersions(d) });
  });
  r.get('/grids/drafts/:id', editors, async (req, res) => {
    res.json(await getDraft(db(), parseId(req.params.id, 'draft')));
  });
  r.get('/grids/export', readers, async (req, res) => {
    const v = versionQuery(req) ?? (await currentVersion(db()));
    const fc = await versionLayout(db(), v);
    res.setHeader('Content-Disposition', `attachment; filename="gasgrid-grids-v${v}.geojson"`);
    res.type('application/geo+json').send(JSON.stringify(fc));
  });
  r.post('/grids/preview', editors, async (req, res) => {
    res.json(await previewLayout(db(), parseLayout((req.body as { grids?: unknown } | undefined)?.grids)));
  });
  r.put('/grids', editors, async (req, res) => {
    const body = parseBody(saveBody, req.body);
    res.json(await saveLayout(db(), actorOf(req), parseLayout(body.grids), body));
  });
  r.post('/grids/restore', editors, async (req, res) => {
    const body = parseBody(restoreBody, req.body);
    res.json(await restoreLayout(db(), actorOf(req), body.version, body.baseVersion, body.note));
  });
  r.post('/grids/tools/split', editors, async (req, res) => {
    const b = parseBody(splitBody, req.body);
    res.json({ grids: await splitGrid(db(), parseLayout(b.grids), b.code, b.line, b.newCode, b.newName) });
  });
  r.post('/grids/tools/merge', editors, async (req, res) => {
    const b = parseBody(mergeBody, req.body);
    res.json({ grids: await mergeGrids(db(), parseLayout(b.grids), b.codes[0], b.codes[1], b.name) });
  });
  r.post('/grids/tools/add', editors, async (req, res) => {
    const b = parseBody(addBody, req.body);
    res.json({ grids: await addGrid(db(), parseLayout(b.grids), b.polygon, b.code, b.name) });
  });
  return r;
}
