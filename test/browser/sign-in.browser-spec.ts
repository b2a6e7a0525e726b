import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { checkpoint, launchChromium, measureLoad, newContext, printMeasures } from './support/browser';
import { DEMO_USERS, loginError, signIn } from './support/console-pages';
import { startConsole, type ConsoleServer } from './support/console-server';
import { seedDemoCases } from '../../db/seed/demo-cases';

jest.setTimeout(60_000);

/** Each role's landing page: where it goes, what it is called, and the live figure it shows (issue 13 item 2). */
const HOMES: Record<keyof typeof DEMO_USERS, { path: string; title: string; figure: string }> = {
  township_clerk: { path: '/counter', title: '接待登记', figure: '待补正的申请' },
  reconsideration_clerk: { path: '/work/my-queue', title: '我的案件', figure: '我承办的案件' },
  section_chief: { path: '/assignment', title: '案件分配', figure: '已受理的案件' },
  office_head: { path: '/approvals', title: '待我审批', figure: '待审批事项' },
  mediator: { path: '/mediation', title: '调解工作台', figure: '我的在办调解' },
  liaison_officer: { path: '/liaison', title: '府院联动', figure: '待我处理' },
  admin: { path: '/admin/users', title: '用户管理', figure: '投递失败的通知' },
  auditor: { path: '/audit', title: '审计日志', figure: '今日审计记录' },
  security_admin: { path: '/security', title: '安全策略', figure: '未绑定动态验证码的账号' },
};
const ROLE_LABELS: Record<keyof typeof DEMO_USERS, string> = {
  township_clerk: '分中心接待员', reconsideration_clerk: '复议承办人', section_chief: '科长', office_head: '机构负责人',
  mediator: '调解员', liaison_officer: '府院联络员', admin: '系统管理员', auditor: '安全审计员', security_admin: '安全管理员',
};
const BAD_CREDENTIALS = '用户名或密码错误；连续失败5次后需等待15分钟再试';

describe('signing in, in Chromium against the real api + worker', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
    // The demo data of `npm run demo` (its generator: cases in every stage, mediation, liaison), 60 cases rather than
    // 200 to keep this project under two minutes (200 take 35-55 s to generate here): the home pages' figures and
    // load times are measured on it, as the issue asks.
    const started = Date.now();
    const cases = await seedDemoCases(server.app, 60);
    process.stdout.write(`\nbrowser: ${cases} demo cases seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }, 180_000);
  afterAll(async () => {
    printMeasures('browser: page loads (sign-in)');
    await browser?.close();
    await server?.close();
  });

  it('the login page: first page of the console, its JavaScript measured', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const m = await measureLoad(page, 'login page (first load, cold cache)', '/', () => page.getByLabel('用户名').waitFor());
    expect(new URL(page.url()).pathname).toBe('/login');
    process.stdout.write(`\nbrowser: first page JS ${(m.jsGzipBytes / 1024).toFixed(1)} KiB gzip (${(m.jsBytes / 1024).toFixed(1)} KiB raw, ${m.scripts} files), ready in ${m.ms} ms\n`);
    expect(m.jsGzipBytes).toBeLessThan(400 * 1024);
    await expect(page.title()).resolves.toContain('复议');
    expect(await checkpoint(page, 'login')).toEqual([]);
    await context.close();
  });

  it.each(Object.keys(DEMO_USERS) as Array<keyof typeof DEMO_USERS>)('%s signs in and lands on its own home page', async (role) => {
    const home = HOMES[role];
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, DEMO_USERS[role], DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === home.path);
    await page.getByRole('heading', { level: 1, name: home.title }).waitFor();
    await page.getByText(ROLE_LABELS[role], { exact: false }).first().waitFor();
    // The figure is a real answer of the API (a number), not a placeholder.
    const figure = page.locator('.ant-statistic').filter({ hasText: home.figure });
    await figure.locator('.ant-statistic-content-value').filter({ hasText: /^\d+\+?$/ }).waitFor();
    // The same page again after a reload: a fresh load, measured (the session comes back from the cookie).
    await measureLoad(page, `${role} home (reload)`, home.path, () =>
      figure.locator('.ant-statistic-content-value').filter({ hasText: /^\d+\+?$/ }).waitFor());
    expect(await checkpoint(page, `home-${role}`)).toEqual([]);
    await context.close();
  });

  // The operator roles' other figures, and one clicked on the home that also shows its list: the list takes the filter.
  const OPERATOR_FIGURES = {
    auditor: { labels: ['近7日登录失败', '近7日查看完整个人信息', '近7日下载文书', '近7日导出审计记录'], click: '今日审计记录', field: 'from' },
    security_admin: { labels: ['被锁定的账号'], click: '未绑定动态验证码的账号', field: '状态' },
  } as const;
  it.each(Object.keys(OPERATOR_FIGURES) as Array<keyof typeof OPERATOR_FIGURES>)("%s's figures open the list they count, filtered", async (role) => {
    const { labels, click, field } = OPERATOR_FIGURES[role];
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, DEMO_USERS[role], DEMO_PASSWORD);
    for (const label of labels) await page.locator('.ant-statistic').filter({ hasText: label }).locator('.ant-statistic-content-value').filter({ hasText: /^\d+$/ }).waitFor();
    await page.getByRole('link', { name: new RegExp(`^${click} \\d+ [条个]，查看清单$`) }).click();
    if (role === 'auditor') {
      await page.waitForURL((u) => u.searchParams.get('from') !== null && u.searchParams.get('from') === u.searchParams.get('to'));
      // The form takes the address's filter once the page has read it (an effect): waited for, not read at once.
      const from = new URL(page.url()).searchParams.get('from');
      const input = page.locator(`#audit-filters_${field}`); // polled: the console's CSP refuses waitForFunction's eval
      for (let tries = 0; (await input.inputValue()) !== from; tries++) {
        expect(tries).toBeLessThan(100);
        await page.waitForTimeout(100);
      }
    } else {
      await page.waitForURL((u) => u.searchParams.get('status') === 'totpMissing');
      await page.locator('.ant-form-item').filter({ hasText: field }).getByText('未绑定动态验证码').waitFor();
    }
    expect(await checkpoint(page, `home-${role}-figure-opened`)).toEqual([]);
    await context.close();
  }, 120_000); // two page loads and an axe run: 40 s seen on the shared machine

  it('a wrong password is refused with the Chinese message from the API', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, 'clerk2', 'not-the-password');
    await expect(loginError(page).textContent()).resolves.toContain(BAD_CREDENTIALS);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await checkpoint(page, 'login-wrong-password')).toEqual([]);
    await context.close();
  });

  it('after five failures the account is locked: even the right password is refused, with the lockout sentence', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    for (let i = 1; i <= 5; i++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await signIn(page, 'songzhuang', `wrong-${i}`);
      expect((await answered).status()).toBe(401);
    }
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await signIn(page, 'songzhuang', DEMO_PASSWORD);
    expect((await answered).status()).toBe(401); // locked: one answer for every refusal (issue 14 item 2)
    await expect(loginError(page).textContent()).resolves.toContain('连续失败5次后需等待15分钟再试');
    expect(new URL(page.url()).pathname).toBe('/login');
    const [row] = await server.db.ds.query(
      `SELECT locked_until > now() AS locked FROM login_attempts WHERE username_key = encode(sha256('songzhuang'::bytea), 'hex')`,
    );
    expect(row).toEqual({ locked: true });
    expect(await checkpoint(page, 'login-locked')).toEqual([]);
    await context.close();
  });
});
