// Who is asking (session cookie), whether their role may, and CSRF checks for every change.
import { json, type RequestHandler } from 'express';
import type { Queryable } from '../db/index';
import { AppError, forbidden, unauthorized } from '../errors';
import { readSessionCookie } from './cookies';
import { hasRole, type Role } from './roles';
import { sessionUser } from './sessions';

export function authenticate(db: () => Queryable): RequestHandler {
  return async (req, _res, next) => {
    const token = readSessionCookie(req);
    if (token) {
      const user = await sessionUser(db(), token);
      if (user) {
        req.user = user;
        req.sessionToken = token;
      }
    }
    next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host of an Origin header; "null" (sandboxed frames) or garbage has none. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * SameSite=Strict already keeps other sites' requests from carrying the cookie; on top of that
 * every change must come from our own origin and carry the session's CSRF token (X-CSRF-Token).
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method)) return next();
  const origin = req.headers.origin;
  if (origin && hostOf(origin) !== req.headers.host) return next(new AppError(403, 'bad_origin', 'request from another site refused'));
  if (req.user && req.headers['x-csrf-token'] !== req.user.csrfToken) {
    return next(new AppError(403, 'csrf', 'missing or wrong X-CSRF-Token header'));
  }
  next();
};

export const requireUser: RequestHandler = (req, _res, next) => {
  if (!req.user) return next(unauthorized());
  if (req.user.mustChangePassword) {
    return next(new AppError(403, 'password_change_required', 'change your password before going on'));
  }
  next();
};

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(unauthorized());
    if (!hasRole(req.user, ...roles)) return next(forbidden(`this needs one of the roles: ${roles.join(', ')}`));
    next();
  };
}

/** The body parser of import routes: large, and placed after requireRole so nobody else can send that much. */
export const importBody: RequestHandler = json({ limit: '200mb' });
