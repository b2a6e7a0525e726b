import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { addDays, idNumberCheckChar, shanghaiDate } from '@fuyi/kernel';
import { checkpoint, launchChromium, newContext, printMeasures, recordStep } from './support/browser';
import { DEMO_USERS, signIn } from './support/console-pages';
import { applicationBody } from '../support/factories';
import {
  accept,
  openForReview,
  printReceipt,
  receipt,
  recordConsultation,
  recordCorrectionReceived,
  registerApplication,
  requestCorrection,
  submitByEnter,
  type Application,
} from './support/counter-pages';
import { startConsole, type ConsoleServer } from './support/console-server';

jest.setTimeout(90_000);

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const today = shanghaiDate(new Date());

/** What the applicants bring to the 中仓 counter: two applicants, a lawyer as agent, a fine from the police. */
const APPLICATION: Application = {
  applicants: [
    { name: '张建华', idNumber: id('11010119800101123'), phone: '13800138000' },
    { name: '刘淑芬', idNumber: id('11010119820202234') },
  ],
  agent: { name: '王律师', idNumber: id('11010119750303345') },
  category: '行政处罚',
  respondent: '区公安分局',
  act: {
    type: '行政处罚决定',
    documentNumber: '京通公（治）决字〔2026〕第301号',
    date: addDays(today, -12),
    knownDate: addDays(today, -10),
  },
  requests: '撤销被申请人作出的行政处罚决定',
  factsReasons: '处罚认定的事实不清，证据不足。',
  materials: ['行政复议申请书', '申请人身份证明', '授权委托书'],
};

/** Issue 13 items 3-4: a township clerk registers by keyboard and prints the receipt; a district clerk accepts it. */
describe('the township counter and the district intake desk, in Chromium against the real api + worker', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let filed: { caseNumber: string; queryCode: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    printMeasures('browser: counter and intake steps');
    await browser?.close();
    await server?.close();
  });

  async function signedIn(role: keyof typeof DEMO_USERS): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, DEMO_USERS[role], DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname !== '/login');
    return { context, page };
  }

  const casesOf = async (caseNumber: string) =>
    (await server.db.ds.query(`SELECT id, state FROM cases WHERE case_number = $1`, [caseNumber])) as Array<{ id: string; state: string }>;

  it('the township clerk registers an application by keyboard (two applicants, an agent) and prints the receipt', async () => {
    const { context, page } = await signedIn('township_clerk');
    await page.getByRole('heading', { level: 1, name: '接待登记' }).waitFor();
    await registerApplication(page, APPLICATION);
    expect(await checkpoint(page, 'counter-register-filled')).toEqual([]);

    const started = Date.now();
    await submitByEnter(page);
    const r = receipt(page);
    await r.root.waitFor();
    recordStep('registration sent → receipt shown', Date.now() - started);
    filed = { caseNumber: (await r.caseNumber.textContent()) ?? '', queryCode: (await r.queryCode.textContent()) ?? '' };
    expect(filed.caseNumber).toMatch(/^通复〔\d{4}〕第\d+号$/);
    expect(filed.queryCode).toMatch(/^[A-Z0-9]{6,}$/);
    const text = (await r.root.textContent()) ?? '';
    for (const s of [
      '行政复议申请材料接收回执',
      '张建华、刘淑芬',
      '区公安分局',
      '中仓街道行政复议接待咨询分中心',
      '授权委托书',
      '《行政复议法》第三十条',
    ]) {
      expect(text).toContain(s);
    }
    // Enter pressed twice: one case, not two (the form's Idempotency-Key and its guard).
    await expect(casesOf(filed.caseNumber)).resolves.toHaveLength(1);
    const [{ n }] = await server.db.ds.query(
      `SELECT count(*)::int AS n FROM case_parties p JOIN cases c ON c.id = p.case_id WHERE p.name = '张建华'`,
    );
    expect(n).toBe(1);
    expect(await checkpoint(page, 'counter-receipt')).toEqual([]);

    // 打印回执: the print dialog opens; on paper only the receipt (no menu, no header, no buttons).
    await expect(printReceipt(page)).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print-receipt').isVisible()).resolves.toBe(false);
    await expect(r.queryCode.isVisible()).resolves.toBe(true);
    await checkpoint(page, 'counter-receipt-print');
    await page.emulateMedia({ media: 'screen' });

    // The township's own list shows it with its stage.
    await page.getByRole('menuitem', { name: '接待登记' }).click();
    const row = page.getByTestId('township-applications').locator('tr', { hasText: filed.caseNumber });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('待受理审查');
    expect(await checkpoint(page, 'counter-home-listed')).toEqual([]);
    await context.close();
  });

  it('the district clerk finds it in the intake queue, accepts it (ordinary procedure, ARL 30) and sees the decision due date', async () => {
    expect(filed).toBeDefined();
    const { context, page } = await signedIn('reconsideration_clerk');
    await page.getByRole('menuitem', { name: '收件审查' }).click();
    await page.getByTestId('intake-queue').locator('tbody tr').first().waitFor();
    expect(await checkpoint(page, 'intake-queue')).toEqual([]);
    await openForReview(page, filed.caseNumber);
    await expect(page.getByTestId('decision-article').textContent()).resolves.toContain('《行政复议法》第三十条');
    expect(await checkpoint(page, 'intake-review')).toEqual([]);

    const confirmation = await accept(page, '普通程序');
    expect(confirmation).toContain('《行政复议法》第三十条');
    const due = page.getByTestId('decision-due');
    await due.waitFor();
    // The date the page shows is the API's decision clock (ARL 62), not one the browser computed.
    const [c] = await casesOf(filed.caseNumber);
    expect(c.state).toBe('accepted');
    const login = await server.app.inject({
      method: 'POST',
      url: apiPath('/auth/login'),
      payload: { username: 'clerk', password: DEMO_PASSWORD },
    });
    const clocks = await server.app.inject({
      method: 'GET',
      url: apiPath(`/cases/${c.id}/clocks`),
      headers: { authorization: `Bearer ${login.json().accessToken}` },
    });
    const decision = (clocks.json() as Array<{ rule: string; due: string; status: string }>).find(
      (k) => k.rule === 'decision' && k.status === 'running',
    );
    expect(decision).toBeDefined();
    await expect(due.textContent()).resolves.toContain(decision!.due);
    expect(await checkpoint(page, 'intake-accepted')).toEqual([]);
    await context.close();
  });
  /** An application registered at the 中仓 counter just now, through the API (what the scenario starts from). */
  async function registeredToday(name: string): Promise<{ id: string; caseNumber: string }> {
    const login = await server.app.inject({
      method: 'POST',
      url: apiPath('/auth/login'),
      payload: { username: 'zhongcang', password: DEMO_PASSWORD },
    });
    const [{ id: dept }] = await server.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const body = applicationBody(dept, {
      applicants: [{ kind: 'person', name, idNumber: id('11010119900505456') }],
      receivedAt: new Date().toISOString(),
      act: { type: '行政处罚决定', date: addDays(today, -12), knownDate: addDays(today, -10) },
    });
    const reg = await server.app.inject({
      method: 'POST',
      url: apiPath('/applications'),
      headers: { authorization: `Bearer ${login.json().accessToken}` },
      payload: body,
    });
    if (reg.statusCode !== 201) throw new Error(`registration: ${reg.statusCode} ${reg.body}`);
    return { id: reg.json().caseId, caseNumber: reg.json().caseNumber };
  }

  it('the district asks for correction (ARL 31, items listed at once); the township records that it arrived and the review restarts', async () => {
    const filedForCorrection = await registeredToday('孙秀兰');
    const district = await signedIn('reconsideration_clerk');
    await openForReview(district.page, filedForCorrection.caseNumber);
    const confirmation = await requestCorrection(district.page, ['请提交被申请复议的行政处罚决定书复印件', '请写明具体的行政复议请求']);
    expect(confirmation).toContain('《行政复议法》第三十一条');
    expect(confirmation).toContain('通知补正（2 项）');
    await district.page.getByText('已通知补正').waitFor();
    await district.context.close();

    const counter = await signedIn('township_clerk');
    const row = counter.page.getByTestId('township-applications').locator('tr', { hasText: filedForCorrection.caseNumber });
    await row.getByText('待补正').waitFor();
    expect(await checkpoint(counter.page, 'counter-awaiting-correction')).toEqual([]);
    await recordCorrectionReceived(counter.page, filedForCorrection.caseNumber);
    await counter.page.getByText(/重新进行受理审查，期限至 \d{4}-\d{2}-\d{2}/).waitFor();
    await row.getByText('待受理审查').waitFor();
    const [c] = await casesOf(filedForCorrection.caseNumber);
    expect(c.state).toBe('registered');

    // The same morning, a visitor only asks: a consultation, by keyboard.
    await recordConsultation(counter.page, {
      visitor: '赵来访',
      phone: '13900139000',
      category: '拆违拆临',
      topic: '对限期拆除决定不服',
      advice: '告知可在知道该行为之日起60日内申请行政复议',
    });
    await counter.page.getByRole('table').filter({ hasText: '赵来访' }).waitFor();
    expect(await checkpoint(counter.page, 'counter-consultation')).toEqual([]);
    await counter.context.close();
  });

  it('someone else decides the case while the page is open: the 409 says so and the reload shows the new state', async () => {
    const filedTwice = await registeredToday('钱多多');
    const { context, page } = await signedIn('reconsideration_clerk');
    await openForReview(page, filedTwice.caseNumber);
    // Meanwhile clerk2 asks the applicant for a correction.
    const other = await server.app.inject({
      method: 'POST',
      url: apiPath('/auth/login'),
      payload: { username: 'clerk2', password: DEMO_PASSWORD },
    });
    const auth = { authorization: `Bearer ${other.json().accessToken}` };
    const review = await server.app.inject({ method: 'GET', url: apiPath(`/cases/${filedTwice.id}/acceptance-review`), headers: auth });
    const done = await server.app.inject({
      method: 'POST',
      url: apiPath(`/cases/${filedTwice.id}/acceptance-review`),
      headers: auth,
      payload: { outcome: 'request_correction', items: ['请提交身份证明'], version: review.json().version },
    });
    expect(done.statusCode).toBe(200);

    await accept(page);
    const conflict = page.getByTestId('conflict-alert');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('该案件已被他人修改');
    await page.getByRole('dialog').waitFor({ state: 'hidden' }); // the confirmation has closed
    expect(await checkpoint(page, 'intake-conflict')).toEqual([]);
    await conflict.getByRole('button', { name: '重新加载' }).click();
    await page.getByText('本案当前状态为“待补正”，您现在不能作出受理审查决定。').waitFor();
    await context.close();
  });
});
