// /api/users (admin): accounts, roles, grids, password resets.
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/index';
import { actorOf } from '../audit/service';
import { requireRole } from '../auth/middleware';
import { ROLES } from '../auth/roles';
import { parseBody, parseId } from '../validation';
import { createUser, listUsers, resetPassword, updateUser } from './service';

const role = z.enum(ROLES);
const gridCode = z.string().regex(/^[0-9A-Za-z_-]{1,16}$/);
const newUser = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'username: 2–32 lower-case letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(64),
  roles: z.array(role).min(1).max(ROLES.length),
  grids: z.array(gridCode).max(50).default([]),
  password: z.string().min(1).max(256).optional(),
});
const change = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(64).optional(),
  roles: z.array(role).min(1).max(ROLES.length).optional(),
  grids: z.array(gridCode).max(50).optional(),
  disabled: z.boolean().optional(),
});
const reset = z.object({ password: z.string().min(1).max(256) });

export function userRoutes(db: () => Database): Router {
  const r = Router();
  r.use('/users', requireRole('admin'));
  r.get('/users', async (_req, res) => {
    res.json({ items: await listUsers(db()) });
  });
  r.post('/users', async (req, res) => {
    res.status(201).json(await createUser(db(), actorOf(req), parseBody(newUser, req.body)));
  });
  r.patch('/users/:id', async (req, res) => {
    res.json(await updateUser(db(), actorOf(req), parseId(req.params.id, 'user'), parseBody(change, req.body)));
  });
  r.post('/users/:id/password', async (req, res) => {
    await resetPassword(db(), actorOf(req), parseId(req.params.id, 'user'), parseBody(reset, req.body).password);
    res.json({ ok: true });
  });
  return r;
}
