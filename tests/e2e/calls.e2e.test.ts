import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/seed/accounts';
import { login } from '../support/http';
import { logIn, openSession, screenshotDir, type Session } from './browser';

describe("a grid worker's call list on a phone, in Chromium", () => {
  let s: Session;
  let toCall = 0;
  beforeAll(async () => {
    s = await openSession({ width: 390, height: 844 });
    // The dispatcher confirms a planned outage of 祥苑社区 (grid 3): households without a mobile land on the call list.
    const desk = await login(s.server.url, 'dispatcher', DEMO_PASSWORD);
    const network = (await desk.get('/api/network')).body as { features: { properties: { id: string; inlet?: string } }[] };
    const inlet = network.features.find((f) => f.properties.id === 'R-3-04')!.properties.inlet!;
    const start = new Date(Date.now() + 5 * 86400_000).toISOString();
    const end = new Date(Date.now() + 5 * 86400_000 + 4 * 3600_000).toISOString();
    const o = (await desk.post('/api/outages', { kind: 'planned', cause: '管道检修', pipes: [inlet], plannedStart: start, plannedEnd: end })).body;
    const confirmed = await desk.post(`/api/outages/${o.id}/status`, { to: 'confirmed', version: o.version });
    expect(confirmed.status).toBe(200);
    toCall = (await desk.get('/api/calls')).body.items[0].toCall;
    expect(toCall).toBeGreaterThan(0);
    await s.page.goto(s.server.url + '/');
    await logIn(s.page, 'duan-yujie', DEMO_PASSWORD);
  });
  afterAll(() => s?.close());

  it('lists the outage, dials from the list and ticks a household off', async () => {
    await s.page.getByTestId('tab-calls').click();
    const card = s.page.getByTestId('call-list').first();
    await card.waitFor();
    expect(await card.textContent()).toContain(`待通知 ${toCall.toLocaleString('en-US')}`);
    await card.click();
    const first = s.page.getByTestId('call-entry').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('祥苑社区');
    await first.getByTestId('call-reached').click();
    await s.page.locator('[data-testid=call-entry] [data-testid=call-done]').first().waitFor();
    expect(await s.page.getByTestId('calls-view').textContent()).toContain(`待通知 ${(toCall - 1).toLocaleString('en-US')}`);
    // Fits the phone: nothing wider than the screen.
    expect(await s.page.evaluate(() => document.querySelector('[data-testid=calls-view]')!.scrollWidth)).toBeLessThanOrEqual(390);
    await s.page.screenshot({ path: path.join(screenshotDir, 'calls-phone.png') });
  });

  it('keeps the mark across a reload and shows the list done less one', async () => {
    await s.page.reload();
    await s.page.getByTestId('tab-calls').click();
    const card = s.page.getByTestId('call-list').first();
    await card.waitFor();
    expect(await card.textContent()).toContain(`待通知 ${(toCall - 1).toLocaleString('en-US')}`);
  });
});
