// /api/health: 503 while starting, 200 with database facts once the data is loaded.
import { Router } from 'express';
import type { Database } from '../db/index';
import { sqlFile } from '../db/sql';
import type { Readiness } from '../readiness';

const healthSql = sqlFile(import.meta.url, 'health.sql');

export function healthRoutes(db: () => Database | undefined, readiness: Readiness): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const database = db();
    if (!readiness.ready || !database) {
      res.status(503).json({ status: readiness.failed ? 'failed' : 'starting', phase: readiness.phase });
      return;
    }
    const [row] = await database.query<{ postgres: string; postgis: string; schema_version: number; seed: unknown }>(healthSql);
    res.json({
      status: 'ok',
      database: { mode: database.mode, postgres: row.postgres, postgis: row.postgis },
      schemaVersion: row.schema_version,
      seed: row.seed,
      readyMs: readiness.readyMs,
    });
  });
  return r;
}
