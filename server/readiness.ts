// Where this process is in its start-up; each app server has its own (nothing here is shared state).
export interface Readiness {
  ready: boolean;
  failed: boolean;
  phase: 'starting' | 'database' | 'migrations' | 'seed' | 'ready' | 'failed';
  readyMs?: number;
}

export const newReadiness = (): Readiness => ({ ready: false, failed: false, phase: 'starting' });
