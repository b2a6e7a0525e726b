import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { checkpoint, launchChromium, newContext, printMeasures, recordStep } from './support/browser';
import { DEMO_USERS, layoutWidth, signIn } from './support/console-pages';
import { applicationBody } from '../support/factories';
import { apiAs, approveFromList, choose, decisionAwaitingApproval, idNumber, searchCases, settled } from './support/office-pages';
import { startConsole, type ConsoleServer } from './support/console-server';

jest.setTimeout(90_000);

/** Issue 13 items 6-8: the office view and search, the head's approvals, the inbox badge, and a township's limits. */
describe('the reconsideration office in Chromium against the real api + worker', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let awaiting: { id: string; caseNumber: string };
  const applicant = { name: '赵秀兰', idNumber: idNumber('11010119700707567') };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
    awaiting = await decisionAwaitingApproval(server, applicant);
  }, 120_000);
  afterAll(async () => {
    printMeasures('browser: office steps');
    await browser?.close();
    await server?.close();
  });

  async function signedIn(who: string): Promise<{ context: BrowserContext; page: Page; urls: string[] }> {
    const context = await newContext(browser, server.url, undefined, { motion: 'full' });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto('/login');
    await signIn(page, who, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname !== '/login');
    return { context, page, urls };
  }

  it('the office head approves the decision from the approvals list; the inbox badge follows without a reload', async () => {
    const { context, page } = await signedIn(DEMO_USERS.office_head);
    await page.getByRole('heading', { level: 1, name: '待我审批' }).waitFor();
    const row = page.getByTestId('approvals-table').locator('tr', { hasText: awaiting.caseNumber });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('行政复议决定');
    await settled(page);
    expect(await checkpoint(page, 'approvals-list')).toEqual([]);

    const started = Date.now();
    const confirmation = await approveFromList(page, awaiting.caseNumber);
    expect(confirmation).toContain('《行政复议法》第六十三条至第七十二条、第七十五条');
    const result = page.getByTestId('approval-result');
    await result.waitFor();
    recordStep('approval confirmed → result shown', Date.now() - started);
    await expect(result.textContent()).resolves.toContain(`已批准行政复议决定：${awaiting.caseNumber}，案件状态现为“已作出决定（待送达）”`);
    await row.waitFor({ state: 'detached' });
    const [c] = await server.db.ds.query(`SELECT state FROM cases WHERE id = $1`, [awaiting.id]);
    expect(c.state).toBe('decided');
    expect(await checkpoint(page, 'approvals-approved')).toEqual([]);

    // The submission notified the head: the badge counts it; marking all read clears it on the same page.
    const badge = page.getByTestId('inbox-badge');
    await expect(badge.getAttribute('aria-label')).resolves.not.toBe('站内通知，未读 0 条');
    await badge.click();
    await page.getByRole('heading', { level: 1, name: '站内通知' }).waitFor();
    await page.getByTestId('inbox').getByText(awaiting.caseNumber).first().waitFor();
    await settled(page);
    expect(await checkpoint(page, 'inbox')).toEqual([]);
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.locator('[data-testid="inbox-badge"][aria-label="站内通知，未读 0 条"]').waitFor();
    expect(await layoutWidth(page)).toBeLessThanOrEqual(1280);
    await context.close();
  }, 180_000);

  it('a clerk filters the office view and finds the case by ID number and by name, which never appear in a URL', async () => {
    const { context, page, urls } = await signedIn(DEMO_USERS.reconsideration_clerk);
    await page.getByRole('menuitem', { name: '办案总览' }).click();
    await page.getByRole('heading', { level: 1, name: '办案总览' }).waitFor();
    await page.getByTestId('office-table').locator('tbody tr', { hasText: awaiting.caseNumber }).waitFor();
    expect(await layoutWidth(page)).toBeLessThanOrEqual(1280);
    await settled(page);
    expect(await checkpoint(page, 'office-view')).toEqual([]);

    await choose(page, '状态', '已受理');
    await page.getByTestId('office-table').locator('tbody tr', { hasText: awaiting.caseNumber }).waitFor({ state: 'detached' });

    await searchCases(page, '身份证号码', applicant.idNumber);
    const hit = page.getByTestId('search-table').locator('tbody tr', { hasText: awaiting.caseNumber });
    await hit.waitFor();
    await expect(hit.getByRole('link', { name: awaiting.caseNumber }).getAttribute('href')).resolves.toBe(`/cases/${awaiting.id}`);
    expect(await checkpoint(page, 'office-search-id-number')).toEqual([]);
    expect(urls.filter((u) => u.includes(applicant.idNumber) || u.includes(applicant.idNumber.slice(6, 14)))).toEqual([]);
    expect(page.url()).not.toContain(applicant.idNumber);

    await searchCases(page, '申请人姓名', '秀兰');
    await page.getByTestId('search-table').locator('tbody tr', { hasText: awaiting.caseNumber }).waitFor();
    // A name is personal data too: it goes in the POST body, never in a URL (history, proxy and server logs).
    expect(urls.filter((u) => u.includes('秀兰') || u.includes(encodeURIComponent('秀兰')))).toEqual([]);
    expect(page.url()).not.toContain(encodeURIComponent('秀兰'));
    await context.close();
  });

  it('the section chief assigns an accepted case with the workload proposal', async () => {
    const api = apiAs(server);
    const [{ id: dept }] = await server.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const reg = await api.post('zhongcang', '/applications', applicationBody(dept, { receivedAt: new Date().toISOString() }));
    const accepted = await api.post('clerk', `/cases/${reg.caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' });
    const { context, page } = await signedIn(DEMO_USERS.section_chief);
    await page.getByRole('heading', { level: 1, name: '案件分配' }).waitFor();
    await page.getByRole('button', { name: `分配 ${accepted.caseNumber}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('proposal').getByRole('radio').first().waitFor();
    await settled(page);
    expect(await checkpoint(page, 'assignment-proposal')).toEqual([]);
    await dialog.getByRole('button', { name: /确认分配/ }).click();
    await expect(page.getByTestId('assign-result').textContent()).resolves.toContain(`${accepted.caseNumber} 已分配给`);
    const [c] = await server.db.ds.query(`SELECT handler_id FROM cases WHERE id = $1`, [reg.caseId]);
    expect(c.handler_id).not.toBeNull();
    await dialog.waitFor({ state: 'hidden' });
    await settled(page);
    expect(await checkpoint(page, 'assignment-done')).toEqual([]);
    await context.close();
  });

  it("another township's clerk (宋庄) cannot open a case registered at 中仓: a clear message, none of its data", async () => {
    const { context, page } = await signedIn('songzhuang');
    await page.goto(`/cases/${awaiting.id}`);
    await page.getByText(/不存在|无权/).first().waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    for (const secret of [awaiting.caseNumber, applicant.name, applicant.idNumber]) expect(text).not.toContain(secret);
    expect(await checkpoint(page, 'township-other-case')).toEqual([]);
    await context.close();
  });
});
