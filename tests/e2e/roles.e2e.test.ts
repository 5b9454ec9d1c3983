import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/seed/accounts';
import { ADMIN_PASSWORD, clickGrid, logIn, logOut, openSession, screenshotDir, waitForMap, type Session } from './browser';

describe('what each role sees, in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await s.page.goto(s.server.url + '/');
  });
  afterAll(() => s?.close());

  it('refuses a wrong password without saying whether the user exists', async () => {
    await s.page.fill('input[name=username]', 'nobody');
    await s.page.fill('input[name=password]', 'wrong password');
    await s.page.getByTestId('login-submit').click();
    expect(await s.page.getByTestId('login-error').textContent()).toBe('用户名或密码错误');
  });

  it('gives the admin user management and the audit log', async () => {
    await logIn(s.page, 'admin', ADMIN_PASSWORD);
    await waitForMap(s.page);
    expect(await s.page.getByTestId('open-reconciliation').isVisible()).toBe(true);
    await s.page.getByTestId('tab-users').click();
    const row = s.page.locator('[data-testid=users-table] tr[data-username=duan-yujie]');
    await row.waitFor();
    expect(await row.textContent()).toContain('网格员');
    await s.page.screenshot({ path: path.join(screenshotDir, 'admin-users.png') });
    await s.page.getByTestId('tab-audit').click();
    await s.page.getByTestId('audit-table').waitFor();
    expect(await s.page.getByTestId('audit-table').textContent()).toContain('auth.login');
    await logOut(s.page);
  });

  it('keeps a grid worker to their own grid and hides what the role may not use', async () => {
    await logIn(s.page, 'duan-yujie', DEMO_PASSWORD);
    await waitForMap(s.page);
    expect(await s.page.getByTestId('current-user').textContent()).toContain('段玉杰');
    expect(await s.page.getByTestId('tab-users').count()).toBe(0);
    expect(await s.page.getByTestId('open-reconciliation').count()).toBe(0);
    await clickGrid(s.page, '1');
    await s.page.getByTestId('not-your-grid').waitFor();
    await clickGrid(s.page, '3');
    await s.page.getByTestId('community-table').waitFor();
    expect(await s.page.getByTestId('grid-connected').textContent()).toBe('2,082');
    await s.page.screenshot({ path: path.join(screenshotDir, 'grid-worker.png') });
    await logOut(s.page);
  });
});
