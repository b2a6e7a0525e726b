import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shanghaiDate } from '@fuyi/kernel';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { seedDemoCases } from '../../db/seed/demo-cases';
import { ARTIFACTS, checkpoint, launchChromium, measureLoad, newContext, printMeasures, recordStep } from './support/browser';
import { DEMO_USERS, signIn } from './support/console-pages';
import { apiAs, decisionAwaitingApproval, idNumber, settled } from './support/office-pages';
import { startConsole, type ConsoleServer } from './support/console-server';

jest.setTimeout(180_000);

/** The .xlsx a download saved: its first sheet as rows of cell values (row 1 title, 2 period, 3 header). */
async function sheetOf(path: string): Promise<{ subtitle: string; header: string[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = 4; n <= ws.rowCount; n++) rows.push(values(n));
  return { subtitle: String(ws.getCell(2, 1).value), header: values(3).map(String), rows };
}

async function download(page: Page, button: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = join(ARTIFACTS, name);
  await file.saveAs(path);
  return path;
}

/** Issue 17 item 6 (the head's dashboard, drill-down, export) and issue 16 item 5 (a clerk's and a mediator's home figures). */
describe('dashboards and home figures, in Chromium against the real api + worker', () => {
  let server: ConsoleServer;
  let browser: Browser;
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
    const started = Date.now();
    const cases = await seedDemoCases(server.app, 60); // the demo data the page loads are measured on (as sign-in does)
    process.stdout.write(`\nbrowser: ${cases} demo cases seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }, 150_000);
  afterAll(async () => {
    printMeasures('browser: statistics and home figures');
    await browser?.close();
    await server?.close();
  });

  async function signedIn(who: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, who, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname !== '/login');
    return { context, page };
  }

  it('the head opens the dashboard, drills into the direct-correction figure and exports it; the .xlsx totals match the screen', async () => {
    // Two decisions approved today: one revokes the act (a direct correction), one upholds it.
    const api = apiAs(server);
    for (const [i, type] of (['revoke', 'uphold'] as const).entries()) {
      const c = await decisionAwaitingApproval(server, { name: `统计甲${i}`, idNumber: idNumber(`110101197001${i + 1}0123`) }, type);
      const [{ version }] = await server.db.ds.query(`SELECT version FROM cases WHERE id = $1`, [c.id]);
      await api.post('head', `/cases/${c.id}/decision/approve`, { version });
    }
    const { context, page } = await signedIn(DEMO_USERS.office_head);
    await page.getByRole('menuitem', { name: '统计分析' }).waitFor();
    await page.getByTestId('home-figures-chart').locator('svg').waitFor(); // the home's first load done
    const m = await measureLoad(page, 'statistics page (reload, demo data)', '/statistics', () =>
      page.getByTestId('figure-directCorrectionRate').waitFor());
    expect(m.ms).toBeLessThan(15_000);
    await page.getByRole('heading', { level: 1, name: '统计分析' }).waitFor();
    await page.getByRole('img', { name: /决定：/ }).locator('svg').waitFor(); // the decision-type chart drawn
    const rateCard = page.getByTestId('figure-directCorrectionRate');
    const text = (await rateCard.textContent()) ?? '';
    const [, corrected, closed] = /直接纠错数 (\d+) ÷ 审结数 (\d+)/.exec(text) ?? [];
    expect(Number(corrected)).toBeGreaterThanOrEqual(1);
    expect(Number(closed)).toBeGreaterThanOrEqual(2);
    const rate = Number(corrected) / Number(closed);
    expect(text).toContain(`${(rate * 100).toFixed(2)}%`);
    await expect(page.getByTestId('figure-closed').textContent()).resolves.toContain(closed);
    await settled(page);
    expect(await checkpoint(page, 'statistics-dashboard')).toEqual([]);

    // The screen's table, exported: its 合计 row has the figures the cards show.
    const overview = await sheetOf(await download(page, '导出本表（Excel）', 'statistics-overview.xlsx'));
    expect(overview.subtitle).toContain(`统计期间：${today.slice(0, 4)}-01-01 至 ${today}`);
    const total = overview.rows.find((r) => r[0] === '合计')!;
    const col = (header: string) => total[overview.header.indexOf(header)];
    expect(col('直接纠错数')).toBe(Number(corrected));
    expect(col('审结数')).toBe(Number(closed));
    expect(col('直接纠错率')).toBeCloseTo(rate, 4);

    // Drill into the figure: the list of the cases it counts, as many as the figure, exported with the same total.
    const started = Date.now();
    await rateCard.click();
    const drawer = page.getByRole('dialog', { name: '直接纠错数：案件清单' });
    await drawer.getByTestId('drill-total').filter({ hasText: `共 ${corrected} 件` }).waitFor();
    const rows = drawer.getByTestId('drill-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    recordStep('direct-correction figure → its case list', Date.now() - started);
    expect(await rows.count()).toBe(Math.min(Number(corrected), 20));
    await expect(rows.first().textContent()).resolves.toMatch(/撤销|变更|确认违法|责令履行|确认无效/);
    await settled(page);
    expect(await checkpoint(page, 'statistics-drill-direct-correction')).toEqual([]);
    const list = await sheetOf(await download(page, '导出清单（Excel）', 'statistics-direct-correction.xlsx'));
    expect(list.subtitle).toContain(`共 ${corrected} 件`);
    expect(list.rows).toHaveLength(Number(corrected));
    const screenNumbers = await drawer.getByTestId('drill-table').locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(list.rows.map((r) => r[0])).toEqual(expect.arrayContaining(screenNumbers));

    // The other tables: grouped by respondent, the clocks, the heads, the liaison officers' figures; each one readable.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    // By keyboard: 合计 → 接收窗口 → 被申请人.
    await page.getByRole('combobox', { name: '分组' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: '按分组的收案数、受理数、审结数、未审结数（期末在办）' }).locator('svg').waitFor();
    for (const [tab, table] of [['按期办结', 'clock-table'], ['负责人出庭和参加复议', 'head-table'], ['府院联动', 'liaison-table']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByTestId(table).locator('tbody tr:not(.ant-table-measure-row)').first().waitFor();
      await settled(page);
      expect(await checkpoint(page, `statistics-${table}`)).toEqual([]);
    }
    await context.close();
  });

  it("the liaison officer opens 统计分析 from the menu and reads the liaison officers' figures", async () => {
    const { context, page } = await signedIn(DEMO_USERS.liaison_officer);
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByRole('heading', { level: 1, name: '统计分析' }).waitFor();
    await page.getByRole('tab', { name: '府院联动' }).click();
    const total = page.getByTestId('liaison-table').locator('tbody tr', { hasText: '合计' });
    await total.waitFor();
    const [{ n }] = await server.db.ds.query(`SELECT count(*)::int AS n FROM liaison_lawsuits`);
    expect(n).toBeGreaterThan(0); // the demo data has lawsuits: the row is not all zeros by accident
    await settled(page);
    expect(await checkpoint(page, 'statistics-liaison-officer')).toEqual([]);
    await context.close();
  });

  it("a clerk's home shows the overdue figure; clicking it lands on the list it counts, with as many rows", async () => {
    const [{ id: clerkId }] = await server.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    // Two of the clerk's open cases made overdue: a running clock due two days ago.
    await server.db.ds.query(
      `UPDATE case_clocks SET due_date = $2::date - 2 WHERE status = 'running' AND case_id IN (
         SELECT c.id FROM cases c WHERE c.handler_id = $1 AND c.state IN ('accepted', 'suspended')
          AND EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id AND k.status = 'running') ORDER BY c.id LIMIT 2)`,
      [clerkId, today],
    );
    const { context, page } = await signedIn(DEMO_USERS.reconsideration_clerk);
    await page.getByTestId('home-figures-chart').locator('svg').waitFor(); // the first load done before the measured one
    const m = await measureLoad(page, 'clerk home with figures (reload, demo data)', '/work/my-queue', () =>
      page.getByTestId('home-figures-chart').locator('svg').waitFor());
    expect(m.ms).toBeLessThan(15_000);
    const figure = page.getByTestId('figure-myOverdue');
    const count = Number((await figure.locator('.ant-statistic-content-value').textContent())?.trim());
    expect(count).toBeGreaterThanOrEqual(2);
    await settled(page);
    expect(await checkpoint(page, 'home-figures-clerk')).toEqual([]);

    const started = Date.now();
    await figure.click();
    await page.waitForURL((u) => u.pathname === '/work/my-queue' && u.searchParams.get('flag') === 'overdue');
    await page.getByTestId('queue-filter').waitFor();
    await expect(page.getByTestId('queue-count').textContent()).resolves.toContain(String(count));
    recordStep('overdue figure → my queue (overdue)', Date.now() - started);
    const rows = page.getByTestId('my-queue').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(count);
    // Every row has an overdue clock: the red light's text.
    for (const row of await rows.all()) await expect(row.textContent()).resolves.toContain('已超期');
    expect(await checkpoint(page, 'home-figures-clerk-overdue-list')).toEqual([]);
    await context.close();
  });

  it("a mediator's home shows the due-soon figure; clicking it lands on 我的调解 with that filter and as many rows", async () => {
    const [{ id: mediatorId }] = await server.db.ds.query(`SELECT id FROM users WHERE username = 'mediator'`);
    // One of the mediator's files in progress made due tomorrow: within the 3 days the figure counts.
    await server.db.ds.query(
      `UPDATE mediation_files SET mediation_due = $2::date + 1 WHERE id = (SELECT f.id FROM mediation_files f
         JOIN mediation_assignments a ON a.file_id = f.id AND a.mediator_id = $1 AND a.ended_at IS NULL
        WHERE f.state IN ('assigned', 'in_progress') ORDER BY f.id LIMIT 1)`,
      [mediatorId, today],
    );
    const { context, page } = await signedIn(DEMO_USERS.mediator);
    await page.getByTestId('home-figures-chart').locator('svg').waitFor();
    const m = await measureLoad(page, 'mediator home with figures (reload, demo data)', '/mediation', () =>
      page.getByTestId('home-figures-chart').locator('svg').waitFor());
    expect(m.ms).toBeLessThan(15_000);
    const all = Number((await page.getByTestId('figure-mediationMine').locator('.ant-statistic-content-value').textContent())?.trim());
    await expect(page.getByTestId('mediation-work-list').locator('tbody tr.ant-table-row').count()).resolves.toBe(all);
    const figure = page.getByTestId('figure-mediationDueSoon');
    const count = Number((await figure.locator('.ant-statistic-content-value').textContent())?.trim());
    expect(count).toBeGreaterThanOrEqual(1);
    await settled(page);
    expect(await checkpoint(page, 'home-figures-mediator')).toEqual([]);

    await figure.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/mediation' && u.searchParams.get('due') === 'soon');
    await page.getByTestId('work-list-filter').waitFor(); // shown with the filtered rows, not before them
    const rows = page.getByTestId('mediation-work-list').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(count);
    expect(await checkpoint(page, 'home-figures-mediator-due-soon')).toEqual([]);
    await context.close();
  });
});
