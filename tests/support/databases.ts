// Gives each test file its own database: embedded PGlite from the shared dump, or a fresh database on TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/index';

export type DatabaseKind = 'embedded' | 'server';

export interface TestDatabase {
  db: Database;
  /** The URL of this test's own server database (server kind only). */
  url?: string;
  close(): Promise<void>;
}

export const serverUrl = process.env.TEST_DATABASE_URL;
/** TEST_DATABASES=server runs only the server half (CI runs the embedded half through the README's command first). */
const selected = (process.env.TEST_DATABASES ?? 'embedded,server').split(',').map((s) => s.trim());

/** Why a suite on this kind of database does not run here, or null when it runs. */
export function skipReason(kind: DatabaseKind): string | null {
  if (!selected.includes(kind)) return `TEST_DATABASES=${selected.join(',')}`;
  if (kind === 'server' && !serverUrl) return 'TEST_DATABASE_URL not set';
  return null;
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const db = await openDatabase({ loadDump: new Blob([readFileSync(inject('pgliteDumpPath'))]) });
    return { db, close: () => db.close() };
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `gasgrid_test_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ url: serverUrl });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    db,
    url: url.toString(),
    async close() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/**
 * Declares the suite once per database: always on embedded PGlite, and on the PostgreSQL server
 * when TEST_DATABASE_URL is set (skipped, and named so, when it is not).
 */
export function describeOnEachDatabase(title: string, body: (ctx: { kind: DatabaseKind; db: () => Database; url: () => string | undefined }) => void): void {
  for (const kind of ['embedded', 'server'] as const) {
    const skip = skipReason(kind);
    describe.skipIf(skip !== null)(`${title} [${kind}${skip ? `: skipped, ${skip}` : ''}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body({ kind, db: () => handle!.db, url: () => handle?.url });
    });
  }
}
