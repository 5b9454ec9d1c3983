import { describe, expect, it } from 'vitest';
import { isMobile, isNightInChina, outageMessage, restoredMessage } from './messages';

describe('outage messages', () => {
  it('tell a planned outage with its window in China time', () => {
    const text = outageMessage({ kind: 'planned', cause: '管道检修', community: '祥苑社区', start: new Date('2026-12-10T01:00:00Z'), end: new Date('2026-12-10T09:00:00Z') });
    expect(text).toContain('因管道检修，您所在的祥苑社区将于12/10 09:00至12/10 17:00停气');
  });
  it('tell an emergency without a window', () => {
    expect(outageMessage({ kind: 'emergency', cause: '管道泄漏', community: null, start: null, end: null })).toContain('需紧急停气');
  });
  it('tell restoration with the safety advice', () => {
    expect(restoredMessage('祥苑社区')).toContain('祥苑社区已恢复供气');
  });
  it('know the night hours in China whatever the server clock zone', () => {
    expect(isNightInChina(new Date('2026-12-10T14:30:00Z'))).toBe(true); // 22:30 CST
    expect(isNightInChina(new Date('2026-12-10T21:59:00Z'))).toBe(true); // 05:59 CST
    expect(isNightInChina(new Date('2026-12-10T22:00:00Z'))).toBe(false); // 06:00 CST
    expect(isNightInChina(new Date('2026-12-10T13:59:00Z'))).toBe(false); // 21:59 CST
  });
  it('tell a mobile number from a landline or none', () => {
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('0554-6612345')).toBe(false);
    expect(isMobile(null)).toBe(false);
  });
});
