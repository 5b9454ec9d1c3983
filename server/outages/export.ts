// Lists of notices for printing or forwarding: CSV, or an Excel workbook with one sheet per grid.
import ExcelJS from 'exceljs';
import { toCsv } from '../../common/csv';

export interface NoticeRow {
  id: number;
  kind: string;
  channel: string;
  status: string;
  grid_code: string | null;
  community: string | null;
  address: string | null;
  name: string | null;
  phone: string | null;
  sent_at: string | null;
}

const HEADER = ['网格', '小区', '地址', '户主', '电话', '通知方式', '状态', '发送时间'];
const CHANNEL: Record<string, string> = { sms: '短信', call: '电话通知' };
const STATUS: Record<string, string> = { queued: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败', called: '已电话通知' };
const cells = (n: NoticeRow) => [n.grid_code, n.community, n.address, n.name, n.phone, CHANNEL[n.channel] ?? n.channel, STATUS[n.status] ?? n.status, n.sent_at];

export const noticesCsv = (rows: NoticeRow[]) => toCsv(HEADER, rows.map(cells));

export async function noticesWorkbook(title: string, rows: NoticeRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'GasGrid';
  const grids = [...new Set(rows.map((r) => r.grid_code ?? '—'))];
  for (const grid of grids.length ? grids : ['—']) {
    const sheet = book.addWorksheet(grid === '—' ? '无网格' : `网格${grid}`);
    sheet.addRow([title]).font = { bold: true, size: 13 };
    sheet.addRow(HEADER).font = { bold: true };
    for (const r of rows.filter((x) => (x.grid_code ?? '—') === grid)) sheet.addRow(cells(r));
    sheet.columns.forEach((c, i) => (c.width = [6, 16, 30, 10, 16, 10, 10, 18][i]));
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
