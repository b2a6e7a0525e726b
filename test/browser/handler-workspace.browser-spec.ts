import type { Browser } from 'playwright-core';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { applicationBody, validIdNumber } from '../support/factories';
import { checkpoint, launchChromium, newContext, printMeasures, recordStep } from './support/browser';
import { pickOption } from './support/ant-select';
import { decisionDue, issueDocument, openCaseFromQueue, resumeCase, suspendCase } from './support/case-pages';
import { DEMO_USERS, layoutWidth, signIn } from './support/console-pages';
import { startConsole, type ConsoleServer } from './support/console-server';

jest.setTimeout(240_000); // each change may wait up to 90 s under a full run (case-pages.ts closedOrRefused)

const today = shanghaiDate(new Date());

/** Issue 13 item 5: the handler's queue and case page, suspending and resuming a case. */
describe("the handler's workspace, in Chromium against the real api + worker", () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    printMeasures('browser: handler workspace steps');
    await browser?.close();
    await server?.close();
  });

  const login = async (username: string) =>
    (await server.app.inject({ method: 'POST', url: apiPath('/auth/login'), payload: { username, password: DEMO_PASSWORD } })).json()
      .accessToken as string;
  const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const r = await server.app.inject({ method, url: apiPath(url), headers: { authorization: `Bearer ${token}` }, payload });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };

  /** Received at the 中仓 counter four days ago and accepted by `clerk` the next day (so a suspension can lie in the past). */
  async function acceptedCase(): Promise<{ id: string; caseNumber: string }> {
    const [{ id: dept }] = await server.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const counter = await login('zhongcang');
    const reg = await call(counter, 'POST', '/applications', {
      ...applicationBody(dept, {
        applicants: [{ kind: 'person', name: '周卫国', idNumber: validIdNumber('19700101'), phone: '13700137000' }],
        receivedAt: `${addDays(today, -4)}T09:00:00+08:00`,
        act: { type: '行政处罚决定', date: addDays(today, -40), knownDate: addDays(today, -30) },
      }),
    });
    const clerk = await login('clerk');
    await call(clerk, 'POST', `/cases/${reg.caseId}/acceptance-review`, {
      outcome: 'accept',
      procedure: 'ordinary',
      version: 1,
      decidedOn: addDays(today, -3),
    });
    return { id: reg.caseId, caseNumber: reg.caseNumber };
  }

  it('a handler suspends and resumes a case and sees the decision due date move', async () => {
    const c = await acceptedCase();
    const apiDue = async () => {
      const clocks = (await call(await login('clerk'), 'GET', `/cases/${c.id}/clocks`)) as Array<{ rule: string; due: string; status: string }>;
      return clocks.find((k) => k.rule === 'decision' && (k.status === 'running' || k.status === 'paused'))!.due;
    };
    const context = await newContext(browser, server.url, undefined, { motion: 'full' });
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, DEMO_USERS.reconsideration_clerk, DEMO_PASSWORD);
    await page.waitForURL('**/work/my-queue');
    const row = page.getByTestId('my-queue').locator('tr', { hasText: c.caseNumber });
    await row.waitFor();
    await expect(row.getByTestId('clock-badge').first().textContent()).resolves.toMatch(/剩 \d+ 个工作日|今日届满|已超期/);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(1280);
    expect(await checkpoint(page, 'handler-my-queue')).toEqual([]);

    let started = Date.now();
    await openCaseFromQueue(page, c.caseNumber);
    await page.getByTestId('clock-decision').waitFor();
    recordStep('my queue → case page', Date.now() - started);
    const before = await decisionDue(page);
    expect(before).toBe(await apiDue());
    await expect(page.getByTestId('case-state').textContent()).resolves.toBe('已受理');
    expect(await layoutWidth(page)).toBeLessThanOrEqual(1280);
    expect(await checkpoint(page, 'handler-case')).toEqual([]);

    // Suspended two days ago (ARL 39(1)(5)), resumed today: the days in between do not count.
    started = Date.now();
    const article = await suspendCase(page, '（五）', addDays(today, -2));
    expect(article).toContain('《行政复议法》第三十九条');
    await expect(page.getByTestId('case-state').textContent()).resolves.toBe('中止审理');
    await page.getByTestId('clock-decision').getByTestId('clock-badge').filter({ hasText: '已中止' }).waitFor();
    recordStep('suspend confirmed → state shown', Date.now() - started);
    expect(await checkpoint(page, 'handler-case-suspended')).toEqual([]);

    await resumeCase(page);
    await page.getByTestId('action-result').waitFor();
    const after = await apiDue();
    expect(after).not.toBe(before);
    await page.getByTestId('clock-decision').getByTestId('clock-due').filter({ hasText: after }).waitFor();
    await expect(page.getByTestId('action-result').textContent()).resolves.toContain(after);
    expect(await checkpoint(page, 'handler-case-resumed')).toEqual([]);

    // A document of a type the API offers now, its form built from the type's declared data keys; the .docx downloads.
    const types = (await call(await login('clerk'), 'GET', `/cases/${c.id}/document-types`)) as Array<{
      title: string;
      data: Array<{ label: string; required: boolean }>;
    }>;
    expect(types.length).toBeGreaterThan(0);
    const type = types[0];
    const values = Object.fromEntries(type.data.filter((k) => k.required).map((k) => [k.label, '依法办理']));
    const file = await issueDocument(page, type.title, values);
    expect(file).toMatch(new RegExp(`^${type.title}（.+）\\.docx$`));
    await page.getByRole('table', { name: '文书' }).getByText(type.title).waitFor();

    // Issue 18: the handler adds the respondent's evidence through 材料与证据 (offered: upload_file is allowed).
    const files = page.getByTestId('case-files');
    const form = files.getByRole('form', { name: '上传材料' });
    await pickOption(page, form.getByRole('combobox', { name: '材料类型' }), '被申请人证据');
    await form.getByLabel('提交人').fill('区公安分局');
    await form.getByLabel('选择文件').setInputFiles({ name: '询问笔录.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') });
    await form.getByRole('button', { name: /上传/ }).click();
    const fileRow = files.getByRole('table', { name: '材料与证据' }).locator('tr', { hasText: '询问笔录.pdf' });
    await fileRow.waitFor();
    await expect(fileRow.textContent()).resolves.toContain('被申请人证据');
    expect(await checkpoint(page, 'handler-case-files')).toEqual([]);
    await context.close();
  });
});
