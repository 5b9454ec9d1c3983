// Applies the numbered SQL files of migrations/ in one transaction, recording each in schema_migrations.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const defaultDir = new URL('../../migrations/', import.meta.url);

export function readMigrations(dir: URL = defaultDir): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const migrations = files.map((file) => {
    const m = /^(\d+)_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file name must be NNN_name.sql: ${file}`);
    const sql = readFileSync(new URL(file, dir), 'utf8');
    return { version: Number(m[1]), name: m[2], sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3 … without gaps; found ${m.version} at place ${i + 1}`);
  });
  return migrations;
}

/** Brings the schema up to date; returns the schema version. Several servers may race: an advisory lock orders them. */
export async function migrate(db: Database, migrations: Migration[] = readMigrations()): Promise<number> {
  return db.withTransaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('gasgrid:migrations'))`);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    for (const a of applied) {
      const known = migrations.find((m) => m.version === a.version);
      if (!known) throw new Error(`database has migration ${a.version} (${a.name}) that this code does not know: is it older?`);
      if (known.checksum !== a.checksum) throw new Error(`migration ${a.version} (${a.name}) was changed after it was applied`);
    }
    const done = new Set(applied.map((a) => a.version));
    for (const m of migrations.filter((x) => !done.has(x.version))) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
    }
    return migrations.length ? migrations[migrations.length - 1].version : 0;
  });
}
