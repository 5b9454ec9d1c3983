// Grid layout versions: what a new layout moves (preview), saving it as the next version in one transaction,
// restoring an old one, and keeping a planner's layout that came too late as a draft.
import { audit, type Actor } from '../audit/service';
import type { Database, Queryable } from '../db/index';
import { sqlFile } from '../db/sql';
import { conflict, notFound } from '../errors';
import { checkLayoutInPostgis, layoutParam, parseLayout, toFeatureCollection, type LayoutGrid } from './layout';

const moves = sqlFile(import.meta.url, 'layout-moves.sql');
const sql = {
  preview: moves + sqlFile(import.meta.url, 'layout-impact.sql'),
  apply: moves + sqlFile(import.meta.url, 'layout-apply.sql') + sqlFile(import.meta.url, 'layout-impact.sql'),
  figures: sqlFile(import.meta.url, 'version-figures.sql'),
  snapshot: sqlFile(import.meta.url, 'snapshot-version.sql'),
  versions: sqlFile(import.meta.url, 'versions.sql'),
  versionLayout: sqlFile(import.meta.url, 'version-layout.sql'),
  meanwhile: sqlFile(import.meta.url, 'meanwhile.sql'),
  insertDraft: sqlFile(import.meta.url, 'insert-draft.sql'),
  draft: sqlFile(import.meta.url, 'draft.sql'),
};

/** Saves of the layout wait for each other: the version check and the save are one step. */
const LAYOUT_LOCK = 'SELECT pg_advisory_xact_lock(7260405)';

export interface Impact {
  moves: unknown[];
  totals: Record<string, number>;
  added: string[];
  removed: string[];
}

export async function currentVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ v: number }>('SELECT COALESCE(max(version), 0)::int AS v FROM grid_versions');
  return row.v;
}

/** What the layout would move, against the grids as they stand; writes nothing. */
export async function previewLayout(db: Database, grids: LayoutGrid[]): Promise<Impact & { baseVersion: number }> {
  return db.withTransaction(async (tx) => {
    await checkLayoutInPostgis(tx, grids);
    const [impact] = await tx.query<Impact & Record<string, unknown>>(sql.preview, [layoutParam(grids)]);
    return { baseVersion: await currentVersion(tx), ...impact };
  });
}

export interface SavedLayout extends Impact {
  version: number;
  at: string;
}

interface SaveRequest {
  baseVersion: number;
  note: string;
  restoredFrom?: number;
}

/**
 * Makes the layout current as the next version: checks it, reshapes the grids, moves households and open work to
 * their new grids, hands a removed grid's workers on, drops it, and records the version, all in one transaction.
 * A base version that is no longer current answers 409 with what was saved meanwhile; the layout is kept as a draft.
 */
export async function saveLayout(db: Database, actor: Actor, grids: LayoutGrid[], req: SaveRequest): Promise<SavedLayout> {
  const outcome = await db.withTransaction(async (tx) => {
    await tx.query(LAYOUT_LOCK);
    const current = await currentVersion(tx);
    if (current !== req.baseVersion) return { stale: current } as const;
    await checkLayoutInPostgis(tx, grids);
    const [impact] = await tx.query<Impact & Record<string, unknown>>(sql.apply, [layoutParam(grids)]);
    await tx.query('DELETE FROM grids WHERE code <> ALL($1::text[])', [grids.map((g) => g.code)]);
    const [figures] = await tx.query<{ grids: unknown }>(sql.figures);
    const [saved] = await tx.query<{ version: number; at: string }>(sql.snapshot, [
      actor.id, actor.username, req.note, JSON.stringify({ grids: figures.grids, moved: impact.totals }), req.restoredFrom ?? null,
    ]);
    await audit(tx, actor, {
      action: req.restoredFrom ? 'grids.restore' : 'grids.save',
      entity: 'grid_layout',
      entityId: saved.version,
      before: { version: current },
      after: { version: saved.version, note: req.note, restoredFrom: req.restoredFrom, totals: impact.totals, added: impact.added, removed: impact.removed },
    });
    return { saved: { ...saved, ...impact } as SavedLayout } as const;
  });
  if (outcome.saved) return outcome.saved;
  // Someone saved first. Their version stands; this layout is kept so nothing the planner drew is lost.
  const [draft] = await db.query<{ id: number }>(sql.insertDraft, [actor.id, actor.username, req.baseVersion, req.note, JSON.stringify(toFeatureCollection(grids))]);
  const meanwhile = await db.query(sql.meanwhile, [req.baseVersion]);
  const names = meanwhile.map((m) => `version ${m.version} by ${m.by}`).join(', ');
  throw conflict(`the layout changed since version ${req.baseVersion}: ${names || `the current version is ${outcome.stale}`}. Your layout is kept as draft ${draft.id}`, {
    currentVersion: outcome.stale, meanwhile, draftId: draft.id,
  });
}

export async function restoreLayout(db: Database, actor: Actor, version: number, baseVersion: number, note?: string) {
  const grids = parseLayout(await versionLayout(db, version));
  return saveLayout(db, actor, grids, { baseVersion, note: note ?? `restore version ${version}`, restoredFrom: version });
}

/** Records the grids as they stand as a version (the seed's first layout). */
export async function snapshotLayout(db: Queryable, actor: Actor, note: string): Promise<number> {
  const [figures] = await db.query<{ grids: unknown }>(sql.figures);
  const [saved] = await db.query<{ version: number }>(sql.snapshot, [actor.id, actor.username, note, JSON.stringify({ grids: figures.grids }), null]);
  return saved.version;
}

export const listVersions = (db: Queryable) => db.query(sql.versions);

export async function versionLayout(db: Queryable, version: number) {
  const [row] = await db.query<{ fc: unknown }>(sql.versionLayout, [version]);
  if (!row) throw notFound(`no grid layout version ${version}`);
  return row.fc;
}

export async function getDraft(db: Queryable, id: number) {
  const [row] = await db.query(sql.draft, [id]);
  if (!row) throw notFound(`no draft layout ${id}`);
  return row;
}
