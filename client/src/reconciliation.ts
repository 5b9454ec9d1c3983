// Turns a reconciliation row into a sentence in the UI language, and the list into CSV rows.
import type { ReconciliationRow } from './api/types';
import type { MessageKey } from './i18n/messages';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function difference(row: ReconciliationRow): number | null {
  return row.plan_value !== null && row.computed_value !== null && row.kind.startsWith('grid_')
    ? row.plan_value - row.computed_value
    : null;
}

export function describeRow(row: ReconciliationRow, t: T): string {
  const diff = difference(row);
  const sentence = t(`kind_${row.kind}` as MessageKey, {
    grid: row.grid ?? '—',
    planGrid: row.plan_grid ?? '—',
    community: row.community_name ?? '',
    plan: row.plan_value ?? '—',
    computed: row.computed_value ?? '—',
    diff: diff === null ? '—' : diff > 0 ? `+${diff}` : String(diff),
  });
  return row.left_out_count ? `${sentence}${t('semicolon')}${t('leftOut', { count: row.left_out_count, total: row.left_out_total ?? 0 })}` : sentence;
}

export function reconciliationCsv(rows: ReconciliationRow[], t: T): { header: string[]; rows: (string | number | null)[][] } {
  return {
    header: [t('grid'), t('community'), t('kindLabel'), t('planValue'), t('computedValue'), t('difference'), t('detail')],
    rows: rows.map((r) => [r.grid, r.community_name, r.kind, r.plan_value, r.computed_value, difference(r), describeRow(r, t)]),
  };
}
