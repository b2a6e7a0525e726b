import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { applicationBody } from '../support/factories';
import { checkpoint, launchChromium, measureLoad, newContext, printMeasures, recordStep } from './support/browser';
import { confirmCalendarChange, pickDayByKeyboard, previewClosure } from './support/admin-pages';
import { pickOption } from './support/ant-select';
import { DEMO_USERS, layoutWidth, signIn } from './support/console-pages';
import { startConsole, type ConsoleServer } from './support/console-server';
import { animating, apiAs, settled } from './support/office-pages';

jest.setTimeout(120_000);

/** Issue 16 item 3: the system administrator's pages (users, calendar, reminder policies, dead letters). */
describe('the system administrator in Chromium against the real api + worker', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    printMeasures('browser: administrator pages');
    await browser?.close();
    await server?.close();
  });

  async function signedIn(who: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, who, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname !== '/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle'); // the home page's scripts are in before the next load is measured
    return { context, page };
  }

  it('marks a typhoon closure: the preview lists the clocks it moves, and after confirming the case is due later', async () => {
    // A case received today at the 中仓 counter: its acceptance review (ARL 30, 5 working days) runs over the coming days.
    const [{ id: dept }] = await server.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const reg = await apiAs(server).post('zhongcang', '/applications', applicationBody(dept, { receivedAt: new Date().toISOString() }));
    const oldDue: string = reg.acceptanceDue;

    const { context, page } = await signedIn(DEMO_USERS.admin);
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    await measureLoad(page, 'admin calendar (reload)', '/admin/calendar', () => page.getByTestId('year-grid').locator(`[data-date="${oldDue}"]`).waitFor());
    expect(await layoutWidth(page)).toBeLessThanOrEqual(1280);
    await settled(page);
    expect(await checkpoint(page, 'admin-calendar')).toEqual([]);

    let started = Date.now();
    await pickDayByKeyboard(page, oldDue);
    recordStep('calendar: walk to the day by keyboard, dialog open', Date.now() - started);
    started = Date.now();
    const rows = await previewClosure(page, '台风停止办公', '区政府通知：台风红色预警，全区机关停止办公');
    recordStep('calendar: closure typed → preview shown', Date.now() - started);
    const review = rows.find((r) => r.caseNumber === reg.caseNumber && r.clock.includes('受理'));
    expect(review).toMatchObject({ oldDue });
    expect(review!.newDue > oldDue).toBe(true);
    expect(await checkpoint(page, 'admin-calendar-preview')).toEqual([]);
    // Nothing written by the preview.
    expect(await server.db.ds.query(`SELECT 1 FROM calendar_days WHERE date = $1`, [oldDue])).toHaveLength(0);

    started = Date.now();
    const result = await confirmCalendarChange(page);
    recordStep('calendar: confirmed → result shown', Date.now() - started);
    expect(result).toMatch(/工作日历已更新为第 2 版：变更 1 天，重新计算了 \d+ 个未结期限/);
    const marked = page.getByTestId('year-grid').locator(`[data-date="${oldDue}"]`);
    await expect(marked.getAttribute('data-kind')).resolves.toBe('closure');
    await expect(marked.textContent()).resolves.toContain('停');
    await page.getByRole('table', { name: '变更历史' }).getByText('区政府通知：台风红色预警，全区机关停止办公').waitFor();
    expect(await checkpoint(page, 'admin-calendar-closure-marked')).toEqual([]);
    await context.close();

    // The handler's view of the case: the acceptance review is now due on the date the preview announced.
    const clerk = await signedIn(DEMO_USERS.reconsideration_clerk);
    const due = clerk.page.getByTestId('clock-acceptance-review').getByTestId('clock-due');
    await measureLoad(clerk.page, 'case page after the closure (clerk)', `/cases/${reg.caseId}`, () => due.waitFor());
    await expect(due.textContent()).resolves.toBe(review!.newDue);
    await clerk.page.getByTestId('clock-acceptance-review').getByText(/台风停止办公/).first().waitFor();
    await settled(clerk.page);
    expect(await checkpoint(clerk.page, 'case-after-closure')).toEqual([]);
    await clerk.context.close();
  }, 180_000);

  it('creates a user, sees the temporary password once, resets it, deactivates the account and edits a township clerk\'s section', async () => {
    const { context, page } = await signedIn(DEMO_USERS.admin);
    await measureLoad(page, 'admin users (reload)', '/admin/users', () => page.getByTestId('users-table').getByText('zhongcang').waitFor());
    await settled(page);
    expect(await checkpoint(page, 'admin-users')).toEqual([]);

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.waitFor();
    // The administrator asked for reduced motion (newContext): the console shows the dialog at once, nothing animates.
    expect(await animating(page)).toEqual([]);
    await settled(page); // the dialog takes the focus when it has opened: a select typed into before that closes
    await dialog.getByLabel('用户名').fill('wangfang');
    await dialog.getByLabel('姓名').fill('王芳');
    await dialog.getByRole('combobox', { name: '角色' }).fill('复议承办人'); // typed, as at a keyboard
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const shown = page.getByTestId('temporary-password');
    await shown.waitFor();
    const password = ((await shown.textContent()) ?? '').trim();
    expect(password).toMatch(/^\S{14}$/);
    await settled(page);
    expect(await checkpoint(page, 'admin-users-temporary-password')).toEqual([]);
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.getByTestId('users-table').getByText('wangfang').waitFor();
    // The temporary password signs in (and must then be changed).
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wangfang', password } });
    expect(login.json()).toMatchObject({ credentialChangeRequired: true });

    await page.getByRole('button', { name: '重置密码 wangfang' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /重置密码/ }).click();
    await shown.waitFor();
    expect(((await shown.textContent()) ?? '').trim()).not.toBe(password);
    await page.getByRole('button', { name: '我已记下' }).click();

    await page.getByRole('button', { name: '停用 wangfang' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /停\s*用/ }).click();
    await page.getByTestId('users-result').filter({ hasText: '已停用 wangfang。' }).waitFor();
    // 三员: the rows of the three administrator accounts offer nothing (the API's allowedActions are empty there).
    await pickOption(page, page.getByRole('combobox', { name: '状态' }), /^在用$/);
    const adminRow = page.getByTestId('users-table').locator('tr', { hasText: 'admin' }).filter({ hasText: '系统管理员' });
    await adminRow.waitFor();
    expect(await adminRow.getByRole('button').count()).toBe(0);

    // A township clerk's section, edited at the keyboard, against the row's version.
    await page.getByRole('button', { name: '编辑 zhongcang' }).press('Enter');
    const edit = page.getByRole('dialog', { name: /编辑用户/ });
    await edit.getByLabel('姓名').waitFor();
    await settled(page);
    expect(await edit.getByRole('combobox', { name: '所属街乡镇' }).count()).toBe(1); // a township clerk's township
    await edit.getByRole('combobox', { name: '科室' }).fill('综合室');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await checkpoint(page, 'admin-users-edit')).toEqual([]);
    await edit.getByRole('button', { name: /保\s*存/ }).press('Enter');
    await page.getByTestId('users-result').filter({ hasText: '已保存 zhongcang 的信息。' }).waitFor();
    await page.getByTestId('users-table').locator('tr', { hasText: 'zhongcang' }).getByText('综合室').waitFor();
    const [row] = await server.db.ds.query(`SELECT section, version FROM users WHERE username = 'zhongcang'`);
    expect(row).toMatchObject({ section: '综合室', version: 2 });
    await settled(page);
    expect(await checkpoint(page, 'admin-users-edited')).toEqual([]);
    await context.close();
  });

  it('reminder policies and dead-lettered deliveries open from the menu', async () => {
    const { context, page } = await signedIn(DEMO_USERS.admin);
    await measureLoad(page, 'admin reminder policies (reload)', '/admin/reminder-policies', () => page.getByRole('table', { name: '提醒策略' }).locator('tbody tr').first().waitFor());
    await settled(page);
    expect(await checkpoint(page, 'admin-reminder-policies')).toEqual([]);
    // An e-mail the worker gave up on (what DeliveryService leaves after its last attempt).
    const [{ id: clerkId }] = await server.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    const [n] = await server.db.ds.query(`INSERT INTO notifications (user_id, kind, title, body) VALUES ($1, 'reminder', '期限提醒', '测试') RETURNING id`, [clerkId]);
    await server.db.ds.query(
      `INSERT INTO deliveries (notification_id, user_id, channel, status, attempts, last_error) VALUES ($1, $2, 'email', 'dead', 5, 'SMTP 550 mailbox unavailable')`,
      [n.id, clerkId],
    );
    await page.getByRole('menuitem', { name: '投递失败' }).click();
    await page.getByRole('heading', { level: 1, name: '投递失败' }).waitFor();
    const letter = page.getByTestId('dead-letters').locator('tbody tr', { hasText: 'SMTP 550 mailbox unavailable' });
    await letter.waitFor();
    await expect(letter.textContent()).resolves.toContain('电子邮件');
    await measureLoad(page, 'admin dead letters (reload)', '/admin/dead-letters', () => letter.waitFor());
    const [board] = await Promise.all([context.waitForEvent('page'), page.getByTestId('queue-board').click()]);
    await board.waitForURL(/\/admin\/queues/);
    await board.close();
    await settled(page);
    expect(await checkpoint(page, 'admin-dead-letters')).toEqual([]);
    await context.close();
  });

  it("the security administrator changes a user's role (三员分立: not the system administrator's)", async () => {
    const { context, page } = await signedIn(DEMO_USERS.security_admin);
    await measureLoad(page, 'security policy (reload)', '/security', () => page.getByTestId('users-table').getByText('clerk2').waitFor());
    await settled(page);
    expect(await checkpoint(page, 'security-policy')).toEqual([]);
    await page.getByRole('button', { name: '变更角色 clerk2' }).click();
    const dialog = page.getByRole('dialog', { name: /变更角色/ });
    await dialog.waitFor();
    await settled(page);
    await dialog.getByRole('combobox', { name: '新角色' }).fill('科长');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /确认变更/ }).click();
    await page.getByText(/的角色已变更为科长/).waitFor();
    await page.getByTestId('users-table').locator('tr', { hasText: 'clerk2' }).getByText('科长').waitFor();
    const [u] = await server.db.ds.query(`SELECT role FROM users WHERE username = 'clerk2'`);
    expect(u.role).toBe('section_chief');
    await settled(page);
    expect(await checkpoint(page, 'security-role-changed')).toEqual([]);
    await context.close();
  });
});
