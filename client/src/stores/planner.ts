// The planner's editor: the layout being edited (whole-layout undo/redo), the impact preview, saving with
// conflicts, refused layouts' problems, the server's split/merge/add tools, import/export and the versions.
import type { FeatureCollection, Geometry, LineString, Polygon, Position } from 'geojson';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { ApiError, getJson, sendJson } from '../api/client';
import type { GridCollection, LayoutConflict, LayoutDraft, LayoutImpact, LayoutProblem, LayoutSaved, LayoutVersions } from '../api/types';
import type { DrawKind } from '../map/plannerDraw';
import { useAuthStore } from './auth';
import { useGridMapStore } from './gridMap';
import { deleteVertex, emptyHistory, parseLayoutFile, record, redo as redoStep, toLayout, undo as undoStep, type History, type Layout } from '../map/layoutEdit';

export type PlannerBusy = 'load' | 'preview' | 'save' | 'tool' | 'versions' | 'view' | 'restore' | 'draft' | null;
/** Something to tell the planner that is not an error: keys of messages.ts with parameters. */
export interface PlannerNotice {
  key: 'plannerSaved' | 'plannerRestored' | 'plannerImported' | 'plannerDraftLoaded' | 'plannerLoadedCurrent';
  params?: Record<string, string | number>;
}
export interface ViewedVersion {
  version: number;
  layout: Layout;
}
export interface Comparison {
  a: ViewedVersion;
  b: ViewedVersion;
  mode: 'overlay' | 'side';
}

const emptyLayout = (): Layout => ({ type: 'FeatureCollection', features: [] });

export const usePlannerStore = defineStore('planner', () => {
  const active = ref(false);
  const tab = ref<'edit' | 'versions'>('edit');
  // Layouts stay shallow: Vue must not walk every coordinate, and edits replace the whole layout anyway.
  const layout = shallowRef<Layout>(emptyLayout());
  const saved = shallowRef<Layout | null>(null);
  const baseVersion = ref<number | null>(null);
  const history = shallowRef<History<Layout>>(emptyHistory());
  const selectedVertex = shallowRef<Position | null>(null);
  const impact = shallowRef<LayoutImpact | null>(null);
  const problems = shallowRef<LayoutProblem[]>([]);
  const conflict = shallowRef<LayoutConflict | null>(null);
  /** The draft the server kept of a refused save, offered again after loading the current layout. */
  const lostDraft = ref<number | string | null>(null);
  const error = shallowRef<unknown>(null);
  const notice = shallowRef<PlannerNotice | null>(null);
  const busy = ref<PlannerBusy>(null);
  const versions = shallowRef<LayoutVersions | null>(null);
  const viewing = shallowRef<ViewedVersion | null>(null);
  const comparison = shallowRef<Comparison | null>(null);
  /** A shape the panel asked the map to draw (the map owns terra-draw; the store only carries the request). */
  const drawing = ref<DrawKind | null>(null);
  /** A place the map should show (a problem clicked in the list). */
  const focus = shallowRef<Geometry | null>(null);
  let shapeResolver: ((shape: LineString | Polygon | null) => void) | null = null;

  // By content: an edit undone by hand (a vertex added, then deleted) leaves nothing to save. A layout is a few grids,
  // so comparing their JSON once per edit is cheap.
  const dirty = computed(() => saved.value !== null && layout.value !== saved.value && JSON.stringify(layout.value) !== JSON.stringify(saved.value));
  const canUndo = computed(() => history.value.past.length > 0);
  const canRedo = computed(() => history.value.future.length > 0);
  const codes = computed(() => layout.value.features.map((f) => f.properties.code));

  /** Runs one request at a time, marking what is busy; errors land in `error` (400 problems in `problems`). */
  async function run<T>(what: Exclude<PlannerBusy, null>, action: () => Promise<T>): Promise<T | undefined> {
    busy.value = what;
    error.value = null;
    notice.value = null;
    try {
      return await action();
    } catch (err) {
      error.value = err;
      const details = err instanceof ApiError ? (err.details as { problems?: LayoutProblem[] } | undefined) : undefined;
      if (err instanceof ApiError && err.status === 400) problems.value = details?.problems ?? [];
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  function clearAnswers(): void {
    impact.value = null;
    problems.value = [];
    error.value = null;
  }

  function replace(next: Layout, version: number | null): void {
    layout.value = next;
    saved.value = next;
    baseVersion.value = version;
    history.value = emptyHistory();
    selectedVertex.value = null;
    clearAnswers();
  }

  /** The current layout from the server: the start of an editing session (undo history starts empty). */
  async function load(): Promise<void> {
    await run('load', async () => {
      const fc = await getJson<FeatureCollection & { version?: number }>('/api/grids');
      replace(toLayout(fc), fc.version ?? null);
      conflict.value = null;
    });
  }

  async function open(): Promise<void> {
    active.value = true;
    if (baseVersion.value === null || !layout.value.features.length) await load();
  }

  /** Set by a save or restore: the grid map outside planner mode still shows the old grids. */
  let gridMapStale = false;

  /** The normal grid map's grids and communities (whose grid is where PostGIS now finds it), after a save. */
  async function refreshGridMap(): Promise<void> {
    const gridMap = useGridMapStore();
    if (!gridMap.layers) return;
    const [grids, communities, rec] = await Promise.all([
      getJson<GridCollection>('/api/grids'),
      getJson<FeatureCollection>('/api/communities'),
      // Which community lies in which grid changed, so the plan's figures may now agree or disagree elsewhere.
      getJson<{ items: typeof gridMap.reconciliation }>('/api/reconciliation'),
    ]);
    gridMap.layers = { ...gridMap.layers, grids, communities };
    gridMap.reconciliation = rec.items;
  }

  function close(): void {
    cancelShape();
    if (gridMapStale) {
      gridMapStale = false;
      void refreshGridMap().catch(() => (gridMapStale = true));
    }
    active.value = false;
    viewing.value = null;
    comparison.value = null;
    selectedVertex.value = null;
  }

  /** One editing step: the layout before it goes on the undo stack; an old preview no longer holds. */
  function edit(next: Layout): void {
    if (next === layout.value) return;
    history.value = record(history.value, layout.value);
    layout.value = next;
    clearAnswers();
    notice.value = null;
  }

  /** Moves through the undo history one step (undo or redo share everything but the direction). */
  function travel(move: typeof undoStep): void {
    const step = move(history.value, layout.value);
    if (!step) return;
    history.value = step.history;
    layout.value = step.value;
    selectedVertex.value = null;
    clearAnswers();
  }
  const undo = () => travel(undoStep);
  const redo = () => travel(redoStep);

  /** Deletes the selected vertex from every grid holding it; answers the grid that refused, if one did. */
  function deleteSelected(): string | null {
    if (!selectedVertex.value) return null;
    const r = deleteVertex(layout.value, selectedVertex.value);
    if (!r.ok) return r.reason === 'too_few' ? r.grid : null;
    edit(r.layout);
    selectedVertex.value = null;
    return null;
  }

  async function preview(): Promise<LayoutImpact | undefined> {
    const sent = layout.value;
    return run('preview', async () => {
      const a = await sendJson<LayoutImpact>('POST', '/api/grids/preview', { grids: sent });
      if (layout.value === sent) impact.value = a; // an edit meanwhile makes the answer stale
      return a;
    });
  }

  /** After a save or restore: the answer's version is the new base, the saved layout the new start. */
  function afterSave(answer: LayoutSaved, key: PlannerNotice['key'], next: Layout): void {
    replace(next, answer.version);
    gridMapStale = true;
    versions.value = null;
    notice.value = { key, params: { version: answer.version } };
  }

  function takeConflict(err: unknown): void {
    if (!(err instanceof ApiError && err.status === 409 && err.details)) return;
    conflict.value = err.details as LayoutConflict;
    impact.value = null; // measured against grids that have changed since
  }

  async function save(note: string): Promise<boolean> {
    const sent = layout.value;
    conflict.value = null;
    const answer = await run('save', async () => {
      try {
        return await sendJson<LayoutSaved>('PUT', '/api/grids', { baseVersion: baseVersion.value, note, grids: sent });
      } catch (err) {
        takeConflict(err);
        throw err;
      }
    });
    if (!answer) return false;
    afterSave(answer, 'plannerSaved', sent);
    return true;
  }

  /** After a conflict: the layout as it now stands; the refused one stays a draft on the server. */
  async function loadCurrent(): Promise<void> {
    const draft = conflict.value?.draftId ?? null;
    await load();
    if (!error.value) {
      lostDraft.value = draft;
      notice.value = { key: 'plannerLoadedCurrent' };
    }
  }

  /** After a conflict: keep editing one's own layout, now on top of the current version (its changes were shown). */
  function keepMine(): void {
    if (conflict.value) baseVersion.value = conflict.value.currentVersion;
    conflict.value = null;
    error.value = null;
  }

  /** Brings a draft the server kept back into the editor, as one undoable step on top of the current version. */
  async function loadDraft(id: number | string): Promise<void> {
    await run('draft', async () => {
      const d = await getJson<LayoutDraft>(`/api/grids/drafts/${encodeURIComponent(String(id))}`);
      edit(toLayout(d.layout));
      lostDraft.value = null;
      notice.value = { key: 'plannerDraftLoaded', params: { id: d.id } };
    });
  }

  /** The server's tools answer a whole new layout; it replaces the editor's as one undoable step. */
  async function tool(path: 'split' | 'merge' | 'add', body: Record<string, unknown>): Promise<boolean> {
    const answer = await run('tool', () => sendJson<{ grids: FeatureCollection }>('POST', `/api/grids/tools/${path}`, { grids: layout.value, ...body }));
    if (!answer) return false;
    edit(toLayout(answer.grids));
    return true;
  }
  const split = (code: string, line: LineString, newCode: string, newName: string) => tool('split', { code, line, newCode, newName });
  const merge = (a: string, b: string, name?: string) => tool('merge', { codes: [a, b], ...(name ? { name } : {}) });
  const addGrid = (polygon: Polygon, code: string, name: string) => tool('add', { polygon, code, name });

  /** A file's layout goes into the editor as one undoable step; the server checks it at preview and save. */
  function importText(text: string): ReturnType<typeof parseLayoutFile> {
    const r = parseLayoutFile(text);
    if (r.ok) {
      edit(r.layout);
      notice.value = { key: 'plannerImported', params: { count: r.layout.features.length } };
    }
    return r;
  }

  async function loadVersions(): Promise<void> {
    await run('versions', async () => {
      versions.value = await getJson<LayoutVersions>('/api/grids/versions');
    });
  }

  async function fetchVersion(version: number): Promise<ViewedVersion> {
    const fc = await getJson<FeatureCollection & { version?: number }>(`/api/grids?version=${version}`);
    return { version, layout: toLayout(fc) };
  }

  async function view(version: number | null): Promise<void> {
    comparison.value = null;
    if (version === null) {
      viewing.value = null;
      return;
    }
    await run('view', async () => {
      viewing.value = await fetchVersion(version);
    });
  }

  async function compare(a: number, b: number, mode: Comparison['mode']): Promise<void> {
    viewing.value = null;
    await run('view', async () => {
      const [va, vb] = await Promise.all([fetchVersion(a), fetchVersion(b)]);
      comparison.value = { a: va, b: vb, mode };
    });
  }

  function stopViewing(): void {
    viewing.value = null;
    comparison.value = null;
  }

  async function restore(version: number, note: string): Promise<boolean> {
    conflict.value = null;
    const answer = await run('restore', async () => {
      try {
        return await sendJson<LayoutSaved>('POST', '/api/grids/restore', { version, baseVersion: baseVersion.value ?? versions.value?.current, note: note || undefined });
      } catch (err) {
        takeConflict(err);
        throw err;
      }
    });
    if (!answer) return false;
    const fc = await getJson<FeatureCollection & { version?: number }>('/api/grids').catch(() => null);
    afterSave(answer, 'plannerRestored', fc ? toLayout(fc) : layout.value);
    stopViewing();
    await loadVersions();
    // Said last: loading the list clears earlier notices.
    notice.value = { key: 'plannerRestored', params: { version: answer.version, from: version } };
    return true;
  }

  /** Asks the map for a line or polygon; answers null when cancelled. */
  function requestShape<K extends DrawKind>(kind: K): Promise<(K extends 'linestring' ? LineString : Polygon) | null> {
    cancelShape();
    drawing.value = kind;
    return new Promise((resolve) => (shapeResolver = resolve as (shape: LineString | Polygon | null) => void));
  }

  /** The map's answer to requestShape (null: cancelled). */
  function shapeDrawn(shape: LineString | Polygon | null): void {
    drawing.value = null;
    const resolve = shapeResolver;
    shapeResolver = null;
    resolve?.(shape);
  }

  function cancelShape(): void {
    if (drawing.value) shapeDrawn(null);
  }

  function reset(): void {
    cancelShape();
    close();
    replace(emptyLayout(), null);
    saved.value = null;
    conflict.value = null;
    lostDraft.value = null;
    versions.value = null;
    notice.value = null;
    tab.value = 'edit';
  }

  // What one user was editing is not shown to the next one logging in here.
  const auth = useAuthStore();
  watch(() => auth.me?.id, reset);

  /** A problem's place on the map: its own geometry, else the whole grid it names. */
  function problemGeometry(p: LayoutProblem): Geometry | null {
    if (p.geometry) return p.geometry;
    return layout.value.features.find((f) => f.properties.code === p.grid)?.geometry ?? null;
  }

  function showProblem(p: LayoutProblem): void {
    const g = problemGeometry(p);
    focus.value = g ? { ...g } : null; // a fresh object: clicking the same problem again still moves the map
  }

  return {
    active, tab, layout, saved, baseVersion, selectedVertex, impact, problems, conflict, lostDraft, error, notice, busy, versions, viewing, comparison, drawing, focus,
    dirty, canUndo, canRedo, codes,
    open, close, load, edit, undo, redo, deleteSelected, preview, save, loadCurrent, keepMine, loadDraft, split, merge, addGrid, importText,
    loadVersions, view, compare, stopViewing, restore, reset, problemGeometry, showProblem, requestShape, shapeDrawn, cancelShape,
  };
});
