// A grid worker's call lists: outages with households to phone (no mobile on file), and ticking each call off.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiError, getJson, sendJson } from '../api/client';

export interface CallList {
  outageId: number;
  kind: 'emergency' | 'planned';
  cause: string;
  status: string;
  grid: string;
  noticeKind: 'outage' | 'restored';
  plannedStart: string | null;
  total: number;
  toCall: number;
}

export interface CallEntry {
  id: number;
  status: string;
  outcome: 'reached' | 'no_answer' | null;
  calledBy: string | null;
  calledAt: string | null;
  note: string | null;
  community: string | null;
  address: string | null;
  name: string | null;
  phone: string | null;
  message: string;
}

export const useCallsStore = defineStore('calls', () => {
  const lists = ref<CallList[] | null>(null);
  const open = ref<CallList | null>(null);
  const entries = ref<CallEntry[] | null>(null);
  const error = ref<unknown>(null);
  /** Calls being recorded, by notice id: their buttons wait. */
  const saving = ref<Set<number>>(new Set());

  async function loadLists(): Promise<void> {
    error.value = null;
    try {
      lists.value = (await getJson<{ items: CallList[] }>('/api/calls')).items;
    } catch (err) {
      error.value = err;
    }
  }

  async function openList(list: CallList): Promise<void> {
    open.value = list;
    entries.value = null;
    error.value = null;
    try {
      entries.value = (await getJson<{ items: CallEntry[] }>(`/api/calls/${list.outageId}?grid=${encodeURIComponent(list.grid)}&kind=${list.noticeKind}`)).items;
    } catch (err) {
      error.value = err;
    }
  }

  /** Records one call; when someone else got there first the list is reloaded and their mark shown. */
  async function record(entry: CallEntry, outcome: 'reached' | 'no_answer'): Promise<void> {
    saving.value = new Set([...saving.value, entry.id]);
    error.value = null;
    try {
      // The server's answer carries the time of the call as the company reads it (Beijing time).
      const r = await sendJson<Pick<CallEntry, 'id' | 'status' | 'outcome' | 'calledBy' | 'calledAt'>>('POST', `/api/calls/notices/${entry.id}`, { outcome });
      Object.assign(entry, r);
      if (open.value && r.status === 'called') open.value.toCall = Math.max(0, open.value.toCall - 1);
    } catch (err) {
      // Someone reached the household first: reload to show their mark, and keep saying why.
      if (err instanceof ApiError && err.status === 409 && open.value) await openList(open.value);
      error.value = err;
    } finally {
      const next = new Set(saving.value);
      next.delete(entry.id);
      saving.value = next;
    }
  }

  function close(): void {
    open.value = null;
    entries.value = null;
    void loadLists();
  }

  return { lists, open, entries, error, saving, loadLists, openList, record, close };
});
