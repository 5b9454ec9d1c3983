// Bulk loading into emptied tables: building an index once is much faster than growing it row by row, and a foreign
// key checked once by a join is much faster than a trigger per row. Definitions are read from the catalog, so the
// migrations stay the one place they are written.
import type { Queryable } from './index';
import { sqlFile } from './sql';

const catalogSql = sqlFile(import.meta.url, 'bulk-load-catalog.sql');

interface Definition {
  kind: 'fk' | 'index';
  tbl: string;
  name: string;
  def: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs `load` (inside the caller's transaction) with the tables' foreign keys and secondary indexes dropped,
 *  then builds them again; a violated key fails the transaction as a row-by-row check would. */
export async function withIndexesDeferred<T>(tx: Queryable, tables: string[], load: () => Promise<T>): Promise<T> {
  const defs = await tx.query<Definition & Record<string, unknown>>(catalogSql, [tables]);
  for (const d of defs.filter((d) => d.kind === 'fk')) await tx.exec(`ALTER TABLE ${d.tbl} DROP CONSTRAINT ${quoteIdent(d.name)}`);
  for (const d of defs.filter((d) => d.kind === 'index')) await tx.exec(`DROP INDEX ${d.name}`);
  const result = await load();
  for (const d of defs.filter((d) => d.kind === 'index')) await tx.exec(d.def);
  for (const d of defs.filter((d) => d.kind === 'fk')) await tx.exec(`ALTER TABLE ${d.tbl} ADD CONSTRAINT ${quoteIdent(d.name)} ${d.def}`);
  return result;
}
