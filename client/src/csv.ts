// Saves a CSV file from the browser (the format itself is shared with the server: common/csv.ts).
import { toCsv, type Cell } from '../../common/csv';

export type { Cell };

export function downloadCsv(filename: string, header: string[], rows: Cell[][]): void {
  const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
