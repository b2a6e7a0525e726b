import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { shanghaiDate } from '@fuyi/kernel';
import { checkpoint, launchChromium, measureLoad, newContext, printMeasures, recordStep } from './support/browser';
import { DEMO_USERS, layoutWidth, signIn } from './support/console-pages';
import { startConsole, type ConsoleServer } from './support/console-server';
import { caseInMediation, confirmStep, openFileAction, setUpCentre, rested } from './support/mediation-pages';

jest.setTimeout(240_000);

/** Issue 16 item 1: the mediation centre in the browser (coordinator, mediators), against the real api + worker. */
describe('the mediation centre in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let centre: Awaited<ReturnType<typeof setUpCentre>>;
  let inCase: Awaited<ReturnType<typeof caseInMediation>>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
    centre = await setUpCentre(server);
    inCase = await caseInMediation(server, centre.call, centre.conflicted, '孙立新');
  }, 120_000);
  afterAll(async () => {
    printMeasures('browser: mediation pages');
    await browser?.close();
    await server?.close();
  });

  async function signedIn(who: string): Promise<{ context: BrowserContext; page: Page; responses: string[] }> {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const responses: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/mediation/')) void r.text().then((t) => responses.push(t), () => undefined);
    });
    await page.goto('/login');
    await signIn(page, who, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname !== '/login');
    // The home page finishes loading (its chunks and data) before a test measures another page's load.
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    return { context, page, responses };
  }

  it('the coordinator assigns a referral; a conflicting mediator is refused with the reason shown', async () => {
    const { context, page } = await signedIn(DEMO_USERS.mediator);
    const home = await measureLoad(page, 'mediation home (work list)', '/mediation', () => page.getByTestId('pool-link').getByText(/（1 件）/).waitFor());
    expect(home.ms).toBeGreaterThan(0);
    await rested(page);
    expect(await checkpoint(page, 'mediation-home')).toEqual([]);

    await measureLoad(page, 'mediation referrals', '/mediation/referrals', () => page.getByRole('button', { name: /^指派调解员 / }).waitFor());
    const row = page.getByTestId('file-table').locator('tbody tr', { hasText: inCase.caseNumber });
    await row.waitFor();
    expect(await checkpoint(page, 'mediation-referrals')).toEqual([]);
    await row.getByRole('button', { name: /^指派调解员 / }).click();

    const dialog = page.getByRole('dialog');
    const proposal = dialog.getByTestId('proposal');
    await proposal.getByText('调解员 钱红').waitFor();
    // The proposal shows the conflict check's result for each mediator.
    await expect(proposal.textContent()).resolves.toContain('回避审查：与被申请人存在关联');
    await expect(proposal.textContent()).resolves.toContain('回避审查：无回避事由');
    await rested(page);
    expect(await checkpoint(page, 'mediation-assign-proposal')).toEqual([]);

    // By keyboard: untick the pre-selected coordinator, tick the conflicted mediator, confirm.
    await dialog.getByRole('checkbox', { name: '调解员 赵磊' }).press('Space');
    await dialog.getByRole('checkbox', { name: '调解员 钱红' }).press('Space');
    await dialog.getByRole('button', { name: /确认指派/ }).click();
    const refusal = dialog.getByTestId('api-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('该调解员与被申请人存在关联，应当回避');
    await expect(refusal.textContent()).resolves.toContain('MEDIATION_CONFLICT_OF_INTEREST');
    expect((await server.db.ds.query(`SELECT count(*)::int AS n FROM mediation_assignments WHERE file_id = $1`, [inCase.fileId]))[0].n).toBe(0);
    expect(await checkpoint(page, 'mediation-assign-refused')).toEqual([]);

    await dialog.getByRole('checkbox', { name: '调解员 钱红' }).press('Space');
    await dialog.getByRole('checkbox', { name: '调解员 赵磊' }).press('Space');
    const started = Date.now();
    await dialog.getByRole('button', { name: /确认指派/ }).click();
    await page.getByTestId('assign-result').waitFor({ timeout: 90_000 });
    recordStep('assignment confirmed → result shown', Date.now() - started);
    await expect(page.getByTestId('assign-result').textContent()).resolves.toContain('已指派调解员：调解员 赵磊');
    await row.waitFor({ state: 'detached' });
    const [f] = await server.db.ds.query(`SELECT state FROM mediation_files WHERE id = $1`, [inCase.fileId]);
    expect(f.state).toBe('assigned');
    expect(await layoutWidth(page)).toBeLessThanOrEqual(1280);
    await context.close();
  });

  it('a mediator records an agreement (effect shown first), then a party backs out and the case resumes with its new due date', async () => {
    const { context, page } = await signedIn(DEMO_USERS.mediator);
    await page.getByTestId('file-table').getByRole('link', { name: inCase.caseNumber }).click();
    await page.getByTestId('file-header').waitFor();
    await confirmTake(page);
    const m = await measureLoad(page, 'mediation file page', `/mediation/files/${inCase.fileId}`, () => page.getByTestId('due-explanation').waitFor());
    expect(m.ms).toBeGreaterThan(0);
    await expect(page.getByTestId('linked-case').textContent()).resolves.toContain('中止审理');

    let dialog = await openFileAction(page, '记录达成调解协议');
    await dialog.getByLabel('结果摘要').fill('双方自愿达成调解协议：被申请人给予三十日整改期，申请人自行拆除违建部分。');
    await expect(dialog.getByTestId('outcome-effect').textContent()).resolves.toContain('待机构负责人盖章，复议案件即以调解结案（《行政复议法》第七十三条）');
    await dialog.getByRole('checkbox', { name: '各方当事人已签字' }).press('Space');
    expect(await checkpoint(page, 'mediation-agreement-effect')).toEqual([]);
    await expect(confirmStep(page, /确认记录达成调解协议/)).resolves.toContain('调解书已签署，待盖章');
    const [suspended] = await server.db.ds.query(`SELECT state FROM cases WHERE id = $1`, [inCase.caseId]);
    expect(suspended.state).toBe('suspended'); // ARL 73: only the seal gives the 调解书 effect

    // Before the seal a party backs out (ARL 73(2)): the effect says the case resumes; the result names the new due date.
    dialog = await openFileAction(page, '调解终结（调解不成或反悔）');
    await dialog.getByRole('radio', { name: '协议生效前一方反悔' }).check();
    await expect(dialog.getByTestId('outcome-effect').textContent()).resolves.toContain('将自今日恢复审理');
    await dialog.getByLabel('结果摘要').fill('调解书送达前，被申请人反悔，不同意给予整改期。');
    const started = Date.now();
    const text = await confirmStep(page, /确认调解终结/);
    recordStep('outcome confirmed → case resumed shown', Date.now() - started);
    const [c] = await server.db.ds.query(`SELECT c.state, k.due_date::text AS due FROM cases c JOIN case_clocks k ON k.case_id = c.id AND k.rule = 'decision' WHERE c.id = $1`, [inCase.caseId]);
    expect(c.state).toBe('accepted');
    expect(c.due > inCase.dueBefore).toBe(true); // the days of suspension added
    expect(text).toContain(`关联的复议案件已恢复审理，行政复议决定期限：${c.due}`);
    expect(await checkpoint(page, 'mediation-case-resumed')).toEqual([]);

    await context.close();

    // The case's handler sees the same date on the case's decision clock, and the case back under review.
    const handler = await signedIn(DEMO_USERS.reconsideration_clerk);
    await handler.page.goto(`/mediation/files/${inCase.fileId}`);
    await handler.page.getByTestId('linked-case').getByRole('link', { name: inCase.caseNumber }).click();
    await handler.page.getByTestId('case-header').waitFor();
    await handler.page.getByTestId('clock-decision').getByText(c.due).first().waitFor();
    await expect(handler.page.getByTestId('case-state').textContent()).resolves.toBe('已受理');
    await rested(handler.page);
    expect(await checkpoint(handler.page, 'mediation-case-resumed-case-page')).toEqual([]);
    await handler.context.close();
  });

  /** 接收调解 on the file page, from allowedActions. */
  async function confirmTake(page: Page) {
    await openFileAction(page, '接收调解');
    await expect(confirmStep(page, /确认接收调解/)).resolves.toContain('调解中');
  }

  it("a mediator cannot open another mediator's private notes; the file's own mediator sees them marked", async () => {
    const { call, ids, other } = centre;
    const file = await call('clerk', 'POST', '/mediation/referrals', { source: 'court', category: 'demolition', courtReference: '（2026）京0112行初411号', respondentDepartmentId: other, applicantWants: '撤销拆除决定', parties: [{ role: 'applicant', name: '何建华' }] });
    const assigned = await call('head', 'POST', `/mediation/files/${file.id}/assign`, { version: file.version, mediatorIds: [ids.mediator2] });
    await call('mediator2', 'POST', `/mediation/files/${file.id}/take`, { version: assigned.version });
    await call('mediator2', 'POST', `/mediation/files/${file.id}/sessions`, { kind: 'joint', mode: 'in_person', place: '区调处中心第二调解室', scheduledAt: `${shanghaiDate(new Date())}T09:30:00+08:00`, participants: [{ name: '何建华', role: '申请人' }] });
    const secret = '背对背：申请人底线为保留东侧附属用房';

    // The file's mediator writes a private note on the page; it is marked as hers only.
    const own = await signedIn('mediator2');
    await own.page.goto(`/mediation/files/${file.id}`);
    await own.page.getByRole('button', { name: '背对背记录' }).click();
    await own.page.getByRole('dialog').getByLabel('谈话记录').fill(secret);
    await own.page.getByRole('dialog').getByRole('button', { name: /确认保存/ }).click();
    const note = own.page.getByTestId('private-note');
    await note.getByText(secret).waitFor();
    await expect(note.textContent()).resolves.toContain('仅本案调解员可见');
    await rested(own.page);
    expect(await checkpoint(own.page, 'mediation-private-note-own')).toEqual([]);
    await own.context.close();

    // The coordinator sees every file, but not another mediator's private notes: neither on the page nor in any answer.
    const other_ = await signedIn(DEMO_USERS.mediator);
    await other_.page.goto(`/mediation/files/${file.id}`);
    await other_.page.getByTestId('joint-session').waitFor();
    await other_.page.getByTestId('private-hidden').waitFor();
    expect(await other_.page.getByTestId('private-note').count()).toBe(0);
    expect(await other_.page.locator('body').textContent()).not.toContain(secret);
    expect(other_.responses.join('\n')).not.toContain(secret);
    expect(await checkpoint(other_.page, 'mediation-private-note-hidden')).toEqual([]);
    await other_.context.close();
  });
});
