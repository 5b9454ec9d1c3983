// Areas as the planner reads them: square metres for small pieces, square kilometres for large ones.
import { formatCount } from '../format';

export function formatArea(m2: number): string {
  return m2 < 100_000 ? `${formatCount(Math.round(m2))} m²` : `${(m2 / 1e6).toFixed(2)} km²`;
}
