// The roles of GasGrid and what each may see: the one place the policy is written down.
import { ROLES, type Role, type SessionUser } from '../../common/api-types';

export { ROLES, type Role, type SessionUser };

export const hasRole = (user: SessionUser, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));

/** Roles that read every grid: the company and department levels and the central desks. */
const WHOLE_COMPANY: Role[] = ['admin', 'manager', 'department_head', 'dispatcher', 'planner'];

/** The grids this user may read grid-scoped data of; null means all of them. */
export function gridScope(user: SessionUser): string[] | null {
  return hasRole(user, ...WHOLE_COMPANY) ? null : user.grids;
}

export function canReadGrid(user: SessionUser, code: string): boolean {
  const scope = gridScope(user);
  return scope === null || scope.includes(code);
}

/**
 * Who sees customers' names and phone numbers in clear: admins, dispatchers (they notify) and a
 * grid worker for their own grids (they visit and call). Managers, department heads and planners
 * work with figures and see them masked.
 */
export function seesPersonalData(user: SessionUser, gridCode: string | null): boolean {
  if (hasRole(user, 'admin', 'dispatcher')) return true;
  return hasRole(user, 'grid_worker') && gridCode !== null && user.grids.includes(gridCode);
}
