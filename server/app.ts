// Builds the Express app: security headers, JSON limits, sessions, the API by domain, the client, one error handler.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import { auditRoutes } from './audit/routes';
import { authenticate, csrfProtection, requireUser } from './auth/middleware';
import { authRoutes } from './auth/routes';
import type { Config } from './config';
import type { Database } from './db/index';
import { AppError, notFound, notReady } from './errors';
import { GeoDataError } from './geodata/validate';
import { layoutRoutes } from './grids/layout-routes';
import { gridRoutes } from './grids/routes';
import { healthRoutes } from './health/routes';
import { householdRoutes } from './households/routes';
import { networkRoutes } from './network/routes';
import { outageRecordRoutes } from './outages/records-routes';
import { callRoutes } from './outages/calls-routes';
import { outageRoutes } from './outages/routes';
import { basemapOf, mapRoutes } from './map/routes';
import type { Readiness } from './readiness';
import { userRoutes } from './users/routes';

const clientDir = fileURLToPath(new URL('../dist/client/', import.meta.url));

export interface AppDeps {
  config: Config;
  readiness: Readiness;
  /** Undefined until the database is open; routes other than health answer 503 until ready. */
  db: () => Database | undefined;
  log?: (line: string) => void;
}

/** Only the hosts the configured basemap needs; MapLibre's workers run from blob: URLs. */
function contentSecurityPolicy(config: Config) {
  const basemap = basemapOf(config);
  const remote = basemap.kind === 'tianditu' ? ['https://*.tianditu.gov.cn'] : basemap.kind === 'style' ? ['https:'] : [];
  return helmet.contentSecurityPolicy({
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ['blob:'],
      imgSrc: ["'self'", 'data:', 'blob:', ...remote],
      connectSrc: ["'self'", ...remote],
      styleSrc: ["'self'", "'unsafe-inline'"],
      fontSrc: ["'self'", 'data:', ...remote],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
  });
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(contentSecurityPolicy(deps.config));
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Login and password bodies are tiny; everything else may carry some GeoJSON. Imports carry whole
  // networks: their routes parse the body themselves, after the role check (see importBody).
  const smallJson = express.json({ limit: '10kb' });
  const largeJson = express.json({ limit: '2mb' });
  app.use('/api', (req, res, next) => {
    if (req.path.endsWith('/import')) return next();
    (req.path.startsWith('/auth/') ? smallJson : largeJson)(req, res, next);
  });

  app.use('/api', healthRoutes(deps.db, deps.readiness));
  const gate: RequestHandler = (_req, _res, next) => next(deps.readiness.ready ? undefined : notReady());
  app.use('/api', gate);
  const db = () => deps.db()!;
  app.use('/api', authenticate(db), csrfProtection);
  app.use('/api', authRoutes(db));
  app.use('/api', requireUser);
  app.use('/api', layoutRoutes(db));
  app.use('/api', gridRoutes(db));
  app.use('/api', mapRoutes(db, deps.config));
  app.use('/api', householdRoutes(db));
  app.use('/api', networkRoutes(db));
  app.use('/api', outageRoutes(db));
  app.use('/api', outageRecordRoutes(db));
  app.use('/api', callRoutes(db));
  app.use('/api', userRoutes(db));
  app.use('/api', auditRoutes(db));
  app.use('/api', (req, _res, next) => next(notFound(`no such API route: ${req.method} ${req.path}`)));

  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorHandler(deps.log ?? ((l) => console.error(l))));
  return app;
}

/** The one place errors become responses; internals (stack, SQL) are logged, never sent. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, req, res, next) => {
    void next;
    if (err instanceof AppError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
      return;
    }
    if (err instanceof GeoDataError) {
      res.status(400).json({ error: { code: 'invalid_geojson', message: err.message, details: { source: err.source, problems: err.problems } } });
      return;
    }
    // Body parser errors carry a type: malformed JSON and oversized bodies are the client's fault.
    const e = err as { status?: number; type?: string; message?: string };
    if (e.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid_json', message: 'the request body is not valid JSON' } });
      return;
    }
    if (e.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'body_too_large', message: 'the request body is larger than the server accepts' } });
      return;
    }
    log(`error on ${req.method} ${req.path}: ${(err as Error)?.stack ?? String(err)}`);
    res.status(500).json({ error: { code: 'internal', message: 'an internal error occurred; it has been logged' } });
  };
}
