import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shanghaiDate } from '@fuyi/kernel';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { checkpoint, launchChromium, measureLoad, newContext, printMeasures } from './support/browser';
import { auditRows, filterAuditLog, verifyChains } from './support/audit-pages';
import { DEMO_USERS, layoutWidth, signIn } from './support/console-pages';
import { startConsole, type ConsoleServer } from './support/console-server';
import { settled } from './support/office-pages';

jest.setTimeout(120_000);

/** Issue 16 item 4: the security auditor's log, its filters, the hash-chain verification and the export. */
describe('the security auditor in Chromium against the real api + worker', () => {
  let server: ConsoleServer;
  let browser: Browser;
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
    // Something to find: the administrator changes the calendar (audited as calendar.change).
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    const res = await server.app.inject({
      method: 'PUT',
      url: '/api/calendar/days/2026-12-24',
      headers: { authorization: `Bearer ${login.json().accessToken}` },
      payload: { date: '2026-12-24', kind: 'closure', name: '暴雪停止办公', reason: '区政府通知：暴雪红色预警' },
    });
    if (res.statusCode !== 200) throw new Error(`calendar change: ${res.statusCode} ${res.body}`);
  }, 120_000);
  afterAll(async () => {
    printMeasures('browser: auditor pages');
    await browser?.close();
    await server?.close();
  });

  async function signedIn(who: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.url, undefined);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, who, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname !== '/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle'); // the home page's scripts are in before the next load is measured
    return { context, page };
  }

  it('filters the log by action and date, runs the verification (intact), exports what it sees', async () => {
    const { context, page } = await signedIn(DEMO_USERS.auditor);
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await measureLoad(page, 'audit log (reload)', '/audit', () => page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor());
    expect(await layoutWidth(page)).toBeLessThanOrEqual(1280);
    await settled(page);
    expect(await checkpoint(page, 'audit-log')).toEqual([]);

    await filterAuditLog(page, { action: 'calendar.change', from: today, to: today });
    await page.getByTestId('audit-table').getByText('修改工作日历（calendar.change）').waitFor();
    const rows = await auditRows(page);
    expect(rows).toHaveLength(1);
    expect(rows[0][2]).toBe('修改工作日历（calendar.change）');
    expect(rows[0][1]).toContain('系统管理员');
    expect(rows[0][4]).toContain('区政府通知：暴雪红色预警');
    expect(await checkpoint(page, 'audit-log-filtered')).toEqual([]);

    // The actor's link narrows the log to that person: every row is then the administrator's.
    await page.getByTestId('audit-table').getByRole('button', { name: /系统管理员/ }).first().click();
    await filterAuditLog(page, { action: '' });
    await page.getByTestId('audit-table').getByText('登录（auth.login）').first().waitFor();
    for (const r of await auditRows(page)) expect(r[1]).toContain('系统管理员');

    const { verdict, text } = await verifyChains(page);
    expect(verdict).toBe('intact');
    expect(text).toMatch(/审计链完整：共 \d+ 条链、\d+ 条记录，未发现篡改、删除或截断/);
    expect(await checkpoint(page, 'audit-verified-intact')).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeffid,chain,seq,occurred_at,actor_id')).toBe(true);
    // The export took the page's filters: the administrator's rows only (his sign-in and his calendar change), not the auditor's.
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toContain('"admin","');
    expect(csv).toContain('"calendar.change"');
    expect(csv).not.toContain('"auditor"');
    await context.close();
  });

  it('a row changed behind the application: the verification says forged, and where', async () => {
    // The schema owner (not the application's role) edits a row, as someone with database access could.
    const [row] = await server.db.owner.query(`SELECT chain, seq FROM audit_log WHERE action = 'calendar.change' ORDER BY id LIMIT 1`);
    await server.db.owner.query(`UPDATE audit_log SET summary = '{"reason":"改过"}' WHERE chain = $1 AND seq = $2`, [row.chain, row.seq]);
    const { context, page } = await signedIn(DEMO_USERS.auditor);
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    const { verdict, text } = await verifyChains(page);
    expect(verdict).toBe('broken');
    expect(text).toContain('审计链被篡改');
    const problem = page.getByRole('table', { name: '校验发现的问题' }).locator('tbody tr', { hasText: '记录内容被篡改（哈希值不符）（hash_mismatch）' });
    await expect(problem.locator('td').allTextContents()).resolves.toEqual([row.chain, String(row.seq), '记录内容被篡改（哈希值不符）（hash_mismatch）']);
    expect(await checkpoint(page, 'audit-verified-forged')).toEqual([]);
    await context.close();
  });
});
