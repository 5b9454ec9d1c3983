// /api/auth: log in, log out, who am I, change my password.
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/index';
import { unauthorized } from '../errors';
import { parseBody } from '../validation';
import { actorOf, audit } from '../audit/service';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { changePassword, login } from './service';
import { deleteSession } from './sessions';

const credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
const passwordChange = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) });

export function authRoutes(db: () => Database): Router {
  const r = Router();
  r.post('/auth/login', async (req, res) => {
    const body = parseBody(credentials, req.body);
    const { token } = await login(db(), body.username, body.password, req.ip ?? '', req.get('user-agent') ?? '');
    setSessionCookie(req, res, token);
    res.json({ ok: true });
  });
  r.post('/auth/logout', async (req, res) => {
    const token = req.sessionToken;
    if (token) {
      await db().withTransaction(async (tx) => {
        await deleteSession(tx, token);
        await audit(tx, actorOf(req), { action: 'auth.logout', entity: 'user', entityId: req.user?.id });
      });
    }
    clearSessionCookie(res);
    res.json({ ok: true });
  });
  r.get('/auth/me', (req, res) => {
    if (!req.user) throw unauthorized();
    res.json(req.user);
  });
  r.post('/auth/password', async (req, res) => {
    if (!req.user || !req.sessionToken) throw unauthorized();
    const body = parseBody(passwordChange, req.body);
    await changePassword(db(), { ...actorOf(req), id: req.user.id }, req.user.username, body.currentPassword, body.newPassword, req.sessionToken);
    res.json({ ok: true });
  });
  return r;
}
