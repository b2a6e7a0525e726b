import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { seedDemoClusters } from '../../db/seed/demo-clusters';
import { checkpoint, launchChromium, measureLoad, newContext, printMeasures, recordStep } from './support/browser';
import { DEMO_USERS, layoutWidth, signIn } from './support/console-pages';
import { startConsole, type ConsoleServer } from './support/console-server';
import { apiCalls, rested } from './support/mediation-pages';
import { pickOption } from './support/ant-select';
import { PNG } from '../support/upload-files';
import { addDays, shanghaiDate } from '@fuyi/kernel';

jest.setTimeout(240_000);

/** A one-page PDF the browser's viewer renders (a heading in Helvetica), with a correct cross-reference table. */
function onePagePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 28 Tf 72 740 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 28 Tf 72 740 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Issue 16 item 2: court liaison in the browser: the view, a group-dispute alert, the suggested risk notice through approval. */
describe('court liaison in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
    // The demo's brewing dispute: seven applications and two consultations about one shanty-town project, detected once.
    await seedDemoClusters(server.app);
  }, 120_000);
  afterAll(async () => {
    printMeasures('browser: liaison pages');
    await browser?.close();
    await server?.close();
  });

  async function signedIn(who: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, who, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname !== '/login');
    // The home page finishes loading (its chunks and data) before a test measures another page's load.
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    return { context, page };
  }

  /** Confirms the open dialog and waits for the page's result (or throws the API's refusal). */
  async function confirm(page: Page, button: RegExp): Promise<void> {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: button }).click();
    const refusal = dialog.getByTestId('api-error').or(dialog.getByTestId('conflict-alert'));
    await dialog.waitFor({ state: 'hidden', timeout: 90_000 }).catch(async () => {
      throw new Error(`refused: ${await refusal.first().textContent()}`);
    });
    // An animation cancelled by the page's re-render rejects its `finished` (AbortError): wait again for the rest.
    await rested(page);
    // The pointer rests where the dialog's button was: off the page, so no link below it is shown hovered.
    await page.mouse.move(0, 0);
  }

  it('a liaison officer opens a cluster alert, sees why each record belongs, and drafts the suggested risk notice; the head approves it', async () => {
    const [cluster] = await server.db.ds.query(`SELECT id FROM group_disputes WHERE state = 'open'`);
    expect(cluster).toBeDefined();
    const { context, page } = await signedIn(DEMO_USERS.liaison_officer);
    const clusters = page.getByTestId('cluster-table');
    await measureLoad(page, 'liaison view', '/liaison', () => clusters.getByRole('link').first().waitFor());
    await expect(clusters.textContent()).resolves.toContain('区住房和城乡建设委员会');
    await rested(page);
    expect(await checkpoint(page, 'liaison-view')).toEqual([]);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(1280);

    let started = Date.now();
    await clusters.getByRole('link').first().click();
    const members = page.getByTestId('cluster-members');
    await members.locator('tbody tr').first().waitFor();
    recordStep('liaison view → cluster page (client-side)', Date.now() - started);
    const rows = await members.locator('tbody tr').all();
    expect(rows.length).toBe(9); // seven applications and two consultations
    for (const row of rows) expect(((await row.locator('td').last().textContent()) ?? '').trim()).not.toBe(''); // why it is in
    await expect(page.getByTestId('cluster-timeline').locator('.ant-timeline-item').count()).resolves.toBe(9);
    const suggested = (await page.getByTestId('suggested-notice').locator('.ant-typography').first().textContent()) ?? '';
    expect(suggested).toContain('风险提示');
    await rested(page);
    expect(await checkpoint(page, 'liaison-cluster')).toEqual([]);
    await measureLoad(page, 'cluster page', `/liaison/clusters/${cluster.id}`, () => members.locator('tbody tr').first().waitFor());

    await page.getByRole('button', { name: '按建议起草风险提示函' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('标题').inputValue()).resolves.toBe(suggested);
    await expect(dialog.getByTestId('step-intro').textContent()).resolves.toContain('将关联线索中的 7 件申请和 2 件咨询');
    await rested(page);
    expect(await checkpoint(page, 'liaison-draft-notice')).toEqual([]);
    started = Date.now();
    await dialog.getByRole('button', { name: /确认起草/ }).click();
    await page.getByTestId('notice-title').getByText(suggested).waitFor({ timeout: 90_000 });
    recordStep('draft confirmed → notice page shown', Date.now() - started);
    await expect(page.getByTestId('notice-state').textContent()).resolves.toBe('草稿');
    const noticeId = new URL(page.url()).pathname.split('/').pop()!;
    const [links] = await server.db.ds.query(`SELECT count(*)::int AS n FROM liaison_notice_links WHERE notice_id = $1`, [noticeId]);
    expect(links.n).toBe(9);
    // The notice keeps the cluster it was drafted from.
    const [drafted] = await server.db.ds.query('SELECT cluster_id FROM liaison_risk_notices WHERE id = $1', [noticeId]);
    expect(drafted.cluster_id).toBe(cluster.id);

    await page.getByTestId('notice-actions').getByRole('button', { name: '提交审批' }).click();
    await confirm(page, /确认提交审批/);
    await page.getByTestId('notice-state').getByText('待审批').waitFor();
    expect(await checkpoint(page, 'liaison-notice-submitted')).toEqual([]);
    await measureLoad(page, 'risk notice page', `/liaison/risk-notices/${noticeId}`, () => page.getByTestId('notice-recipients').locator('tbody tr').first().waitFor());
    await context.close();

    // The head's approval, then the officer sends it: each department gets its response clock.
    const head = await signedIn(DEMO_USERS.office_head);
    await head.page.goto(`/liaison/risk-notices/${noticeId}`);
    await head.page.getByTestId('notice-header').waitFor();
    await head.page.getByTestId('notice-actions').getByRole('button', { name: /^批\s*准$/ }).click();
    await confirm(head.page, /确认批准/);
    await head.page.getByTestId('notice-state').getByText('已批准').waitFor();
    await head.context.close();

    const again = await signedIn(DEMO_USERS.liaison_officer);
    await again.page.goto(`/liaison/risk-notices/${noticeId}`);
    await again.page.getByTestId('notice-actions').getByRole('button', { name: /^发\s*送$/ }).click();
    await confirm(again.page, /确认发送/);
    await again.page.getByTestId('notice-state').getByText('已送达部门').waitFor();
    await expect(again.page.getByTestId('notice-recipients').textContent()).resolves.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await checkpoint(again.page, 'liaison-notice-sent')).toEqual([]);
    await again.context.close();
  });

  it('drafting from a cluster dismissed meanwhile is refused by the server, and the dialog shows its reason', async () => {
    const [cluster] = await server.db.ds.query(`SELECT id FROM group_disputes WHERE state = 'open'`);
    const { context, page } = await signedIn(DEMO_USERS.liaison_officer);
    await page.goto(`/liaison/clusters/${cluster.id}`);
    await page.getByRole('button', { name: '按建议起草风险提示函' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').waitFor();
    // Another officer dismisses the lead while this one is drafting.
    await server.db.ds.query(`UPDATE group_disputes SET state = 'dismissed', dismissed_reason = '另一联络员已排除', version = version + 1 WHERE id = $1`, [cluster.id]);
    await dialog.getByRole('button', { name: /确认起草/ }).click();
    const refusal = dialog.getByTestId('api-error');
    await refusal.waitFor({ timeout: 60_000 });
    await expect(refusal.textContent()).resolves.toContain('该线索已排除，不能再据此起草风险提示函');
    await expect(refusal.textContent()).resolves.toContain('CLUSTER_NOT_OPEN');
    await rested(page);
    expect(await checkpoint(page, 'liaison-draft-refused')).toEqual([]);
    await server.db.ds.query(`UPDATE group_disputes SET state = 'open', dismissed_reason = NULL, version = version + 1 WHERE id = $1`, [cluster.id]);
    await context.close();
  });

  it("a liaison officer's home figures open the desk with the filter they count", async () => {
    const { context, page } = await signedIn(DEMO_USERS.liaison_officer);
    await page.goto('/liaison');
    const awaiting = page.getByTestId('figure-liaisonAwaitingMe');
    await awaiting.waitFor();
    await page.getByTestId('figure-liaisonOverdue').waitFor();
    await page.getByTestId('figure-liaisonDueThisWeek').waitFor();
    await rested(page);
    expect(await checkpoint(page, 'liaison-home-figures')).toEqual([]);
    await awaiting.click();
    await page.getByTestId('liaison-filter').waitFor();
    expect(new URL(page.url()).search).toBe('?waiting=officer');
    await expect(page.getByTestId('liaison-filter').textContent()).resolves.toContain('待我处理');
    await rested(page);
    expect(await checkpoint(page, 'liaison-desk-awaiting-me')).toEqual([]);
    await measureLoad(page, 'liaison desk (待我处理)', '/liaison?waiting=officer', () => page.getByTestId('liaison-filter').waitFor());
    await context.close();
  });

  it('a liaison officer dismisses a cluster with a reason', async () => {
    const [cluster] = await server.db.ds.query(`SELECT id FROM group_disputes WHERE state = 'open'`);
    const { context, page } = await signedIn(DEMO_USERS.liaison_officer);
    await page.goto(`/liaison/clusters/${cluster.id}`);
    await page.getByRole('button', { name: '排除线索' }).click();
    await page.getByRole('dialog').getByLabel('排除理由').fill('经核实，相关申请系同一补偿方案的正常复议，已统一答复，无群访迹象。');
    await confirm(page, /确认排除/);
    await page.getByTestId('cluster-result').waitFor();
    await expect(page.getByTestId('cluster-state').textContent()).resolves.not.toBe('未处理');
    const [c] = await server.db.ds.query(`SELECT state, dismissed_reason FROM group_disputes WHERE id = $1`, [cluster.id]);
    expect(c).toMatchObject({ state: 'dismissed', dismissed_reason: expect.stringContaining('无群访迹象') });
    expect(await checkpoint(page, 'liaison-cluster-dismissed')).toEqual([]);
    await context.close();
  });

  it('a liaison officer uploads a PDF and a photo to a letter and previews both inline (issue 18)', async () => {
    const call = apiCalls(server);
    // Another department than the feedback test's below, whose desk row it finds by the department's name.
    const [{ id: dept }] = await server.db.ds.query(`SELECT id FROM departments WHERE name = '区市场监督管理局'`);
    const letter = await call('liaison', 'POST', '/liaison/letters', { kind: 'opinion', recipientDepartmentId: dept, problems: ['送达程序不规范'], recommendations: ['规范送达程序'] });
    const { context, page } = await signedIn(DEMO_USERS.liaison_officer);
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (frame|load)/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(`/liaison/letters/${letter.id}`);
    const card = page.getByTestId('letter-files');
    const form = card.getByRole('form', { name: '上传材料' });
    await form.waitFor();

    const upload = async (kind: string, name: string, mimeType: string, buffer: Buffer) => {
      await pickOption(page, form.getByRole('combobox', { name: '材料类型' }), kind);
      await form.getByLabel('提交人').fill('区市场监督管理局');
      await form.getByLabel('选择文件').setInputFiles({ name, mimeType, buffer });
      await form.getByRole('button', { name: /上\s*传/ }).click();
      await card.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) }).waitFor({ timeout: 60_000 });
      await rested(page);
    };
    await upload('送达回证', '送达回证（签收）.pdf', 'application/pdf', onePagePdf('Fuyi preview test'));
    await upload('其他材料', '现场照片.png', 'image/png', PNG);
    // 预览 for the PDF and the image; a .docx would have only 下载 (FilesCard.test.tsx).
    await expect(card.getByRole('button', { name: /^预览 / }).count()).resolves.toBe(2);

    await card.getByRole('button', { name: '预览 送达回证（签收）.pdf' }).click();
    const dialog = page.getByRole('dialog', { name: '预览：送达回证（签收）.pdf' });
    const frame = dialog.getByTestId('file-preview-pdf');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    // The browser's PDF viewer takes the frame (its own document, not an error page).
    await page.waitForFunction(`document.querySelector('[data-testid="file-preview-pdf"]')?.contentDocument?.readyState === 'complete'`, undefined, {
      timeout: 30_000,
    });
    await page.waitForTimeout(1500); // the viewer paints its first page
    await rested(page);
    expect(await checkpoint(page, 'liaison-letter-preview-pdf')).toEqual([]);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await card.getByRole('button', { name: '预览 现场照片.png' }).click();
    const image = page.getByRole('dialog', { name: '预览：现场照片.png' }).getByRole('img', { name: '现场照片.png' });
    await image.waitFor();
    await page.waitForFunction(`(document.querySelector('[data-testid="file-preview-image"]')?.naturalWidth ?? 0) > 0`);
    await rested(page);
    expect(await checkpoint(page, 'liaison-letter-preview-image')).toEqual([]);
    expect(cspErrors).toEqual([]);

    // Each preview is a download served inline, audited as such.
    const audit = await server.db.ds.query(
      `SELECT a.summary->>'disposition' AS disposition FROM audit_log a JOIN stored_files f ON f.id::text = a.subject_id::text
        WHERE a.action = 'file.download' AND f.owner_type = 'letter' AND f.owner_id = $1`,
      [letter.id],
    );
    expect(audit.map((a: { disposition: string }) => a.disposition)).toEqual(['inline', 'inline']);
    await context.close();
  });

  it('letters show their 60-day feedback clock and take feedback; a lawsuit takes a hearing with the head\'s appearance through its allowedActions', async () => {
    const call = apiCalls(server);
    const today = shanghaiDate(new Date());
    const [{ id: dept }] = await server.db.ds.query(`SELECT id FROM departments WHERE name = '区城市管理综合行政执法局'`);
    let letter = await call('liaison', 'POST', '/liaison/letters', { kind: 'opinion', recipientDepartmentId: dept, problems: ['拆除程序未依法催告'], recommendations: ['严格履行催告程序'] });
    letter = await call('head', 'POST', `/liaison/letters/${letter.id}/issue`, { version: letter.version });
    letter = await call('liaison', 'POST', `/liaison/letters/${letter.id}/receive`, { version: letter.version, receivedOn: today });
    let suit = await call('liaison', 'POST', '/liaison/lawsuits/direct', {
      court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初512号', filedOn: addDays(today, -10), defendantDepartmentId: dept,
      plaintiffs: ['某建材有限公司'], act: '限期拆除决定', complaintReceivedOn: addDays(today, -8),
    });

    const { context, page } = await signedIn(DEMO_USERS.liaison_officer);
    const pending = page.getByTestId('pending-table').locator('tbody tr', { hasText: '区城市管理综合行政执法局' });
    await pending.waitFor();
    await expect(pending.textContent()).resolves.toContain(letter.feedbackDue);
    await pending.getByRole('link').click();
    await page.getByTestId('feedback-due').waitFor();
    await expect(page.getByTestId('feedback-due').textContent()).resolves.toContain(letter.feedbackDue);
    await rested(page);
    expect(await checkpoint(page, 'liaison-letter')).toEqual([]);
    await measureLoad(page, 'letter page', `/liaison/letters/${letter.id}`, () => page.getByTestId('feedback-due').waitFor());

    await page.getByRole('button', { name: '登记反馈', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('反馈日期').fill(today);
    await dialog.getByLabel('反馈内容').fill('已对相关执法人员开展培训，完善催告程序。');
    await dialog.getByLabel('纠正（整改）情况').fill('修订拆除案件办理流程');
    await confirm(page, /确认登记反馈/);
    await page.getByTestId('step-result').waitFor();
    const [l] = await server.db.ds.query(`SELECT state FROM liaison_letters WHERE id = $1`, [letter.id]);
    expect(l.state).toBe('feedback_received');

    // The lawsuit's allowedActions: the officer records yesterday's hearing with the head's appearance (ALL 3(3)).
    await measureLoad(page, 'lawsuit page', `/liaison/lawsuits/${suit.id}`, () => page.getByRole('button', { name: '登记开庭' }).waitFor());
    await expect(page.locator('body').textContent()).resolves.toContain('尚未出庭');
    await page.getByRole('button', { name: '登记开庭' }).click();
    const hearing = page.getByRole('dialog');
    await hearing.getByLabel('开庭日期').fill(addDays(today, -1));
    await hearing.getByRole('radio', { name: '出庭', exact: true }).check();
    await hearing.getByLabel('备注').fill('副局长出庭应诉');
    await rested(page);
    expect(await checkpoint(page, 'liaison-lawsuit-hearing')).toEqual([]);
    await confirm(page, /确认登记开庭/);
    await page.getByTestId('lawsuit-result').waitFor();
    await page.getByText('副局长出庭应诉').waitFor();
    await expect(page.locator('body').textContent()).resolves.toContain('已出庭');
    const [recorded] = await server.db.ds.query(`SELECT head_appeared, jsonb_array_length(hearings) AS n FROM liaison_lawsuits WHERE id = $1`, [suit.id]);
    expect(recorded).toEqual({ head_appeared: true, n: 1 });
    // Nothing left to record about the head: the button is gone, as the API no longer lists it.
    await expect(page.getByRole('button', { name: '登记负责人出庭应诉' }).count()).resolves.toBe(0);
    await rested(page);
    expect(await checkpoint(page, 'liaison-lawsuit')).toEqual([]);
    await context.close();
  });
});
