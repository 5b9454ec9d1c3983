// Number formats of the panels: thousands separators, rates as percentages, unknown shown as such.
export function formatCount(n: number | null | undefined, unknown = '—'): string {
  return n === null || n === undefined ? unknown : n.toLocaleString('zh-CN');
}

export function formatRate(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;
}
