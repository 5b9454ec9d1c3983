import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv for Excel', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(['小区', '户数'], [['滨河小区', 428]]);
    expect(csv.startsWith('\uFEFF小区,户数\r\n')).toBe(true);
    expect(csv.endsWith('滨河小区,428\r\n')).toBe(true);
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('defuses formulas but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-100')).toBe('-100');
    expect(csvCell(-100)).toBe('-100');
  });
  it('writes null as an empty cell', () => {
    expect(csvCell(null)).toBe('');
  });
});
