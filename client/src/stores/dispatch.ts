// The dispatcher's outage question: what network there is, the chosen pipes, valves assumed stuck, and the answer.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { getJson, sendJson } from '../api/client';
import type { NetworkSummary, ScopeAnswer } from '../api/types';

export const useDispatchStore = defineStore('dispatch', () => {
  const active = ref(false);
  /** The stored network in brief; the map draws it from vector tiles. */
  const network = shallowRef<NetworkSummary | null>(null);
  const networkStatus = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const pipes = ref<string[]>([]);
  const stuck = ref<string[]>([]);
  const answer = shallowRef<ScopeAnswer | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  const elapsedMs = ref<number | null>(null);
  const hasQuestion = computed(() => pipes.value.length > 0);
  let asked = 0;

  async function loadNetwork(): Promise<void> {
    if (networkStatus.value === 'ready' || networkStatus.value === 'loading') return;
    networkStatus.value = 'loading';
    try {
      network.value = await getJson<NetworkSummary>('/api/network/summary');
      networkStatus.value = 'ready';
    } catch (err) {
      networkStatus.value = 'error';
      error.value = (err as Error).message;
    }
  }

  async function ask(): Promise<void> {
    if (!pipes.value.length) {
      answer.value = null;
      return;
    }
    const mine = ++asked;
    busy.value = true;
    error.value = null;
    const t0 = performance.now();
    try {
      const a = await sendJson<ScopeAnswer>('POST', '/api/outages/scope', { pipes: pipes.value, assumeInoperable: stuck.value });
      if (mine !== asked) return; // a newer click has been asked meanwhile
      answer.value = a;
      elapsedMs.value = Math.round(performance.now() - t0);
    } catch (err) {
      if (mine === asked) error.value = (err as Error).message;
    } finally {
      if (mine === asked) busy.value = false;
    }
  }

  /** A click starts a new question; shift-click adds the pipe to it (or takes it out again). */
  function pickPipe(id: string, add: boolean): Promise<void> {
    if (!add) pipes.value = [id];
    else pipes.value = pipes.value.includes(id) ? pipes.value.filter((p) => p !== id) : [...pipes.value, id];
    return ask();
  }

  function toggleStuck(valve: string): Promise<void> {
    stuck.value = stuck.value.includes(valve) ? stuck.value.filter((v) => v !== valve) : [...stuck.value, valve];
    return ask();
  }

  function clear(): void {
    pipes.value = [];
    stuck.value = [];
    answer.value = null;
    error.value = null;
  }

  /** Shows a recorded outage: its pipes, its stuck valves and its frozen answer. */
  function showOutage(recordPipes: string[], recordStuck: string[], scope: ScopeAnswer): void {
    pipes.value = [...recordPipes];
    stuck.value = [...recordStuck];
    answer.value = scope;
    elapsedMs.value = null;
    active.value = true;
    void loadNetwork();
  }

  function reset(): void {
    clear();
    active.value = false;
    network.value = null;
    networkStatus.value = 'idle';
  }

  return { active, network, networkStatus, pipes, stuck, answer, busy, error, elapsedMs, hasQuestion, loadNetwork, pickPipe, toggleStuck, clear, showOutage, reset };
});
