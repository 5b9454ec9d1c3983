// Who is logged in, with roles and grids; login, logout, password change. The session itself is an httpOnly cookie.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Role, SessionUser } from '../../../common/api-types';
import { ApiError, configureApi, getJson, sendJson } from '../api/client';

export type { Role };
export type Me = SessionUser;

export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null);
  const status = ref<'unknown' | 'anonymous' | 'starting' | 'in'>('unknown');

  const has = (...roles: Role[]) => !!me.value && me.value.roles.some((r) => roles.includes(r));
  const isAdmin = computed(() => has('admin'));
  const seesReconciliation = computed(() => has('admin', 'manager', 'department_head', 'planner'));
  const seesOutages = computed(() => has('admin', 'dispatcher', 'manager', 'department_head'));
  const seesCalls = computed(() => has('admin', 'dispatcher', 'grid_worker'));
  /** Grid workers read only their own grids; everyone else reads them all. */
  const canOpenGrid = (code: string) => !!me.value && (has('admin', 'manager', 'department_head', 'dispatcher', 'planner') || me.value.grids.includes(code));

  function forget(): void {
    me.value = null;
    status.value = 'anonymous';
    configureApi(null);
  }

  async function refresh(): Promise<void> {
    try {
      me.value = await getJson<Me>('/api/auth/me');
      configureApi(me.value.csrfToken, forget);
      status.value = 'in';
    } catch (err) {
      if (err instanceof ApiError && err.status === 503) {
        status.value = 'starting';
        setTimeout(() => void refresh(), 2000);
        return;
      }
      forget();
    }
  }

  async function login(username: string, password: string): Promise<void> {
    await sendJson('POST', '/api/auth/login', { username, password });
    await refresh();
  }

  async function logout(): Promise<void> {
    await sendJson('POST', '/api/auth/logout').catch(() => undefined);
    forget();
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await sendJson('POST', '/api/auth/password', { currentPassword, newPassword });
    await refresh();
  }

  return { me, status, has, isAdmin, seesReconciliation, seesOutages, seesCalls, canOpenGrid, refresh, login, logout, changePassword };
});
