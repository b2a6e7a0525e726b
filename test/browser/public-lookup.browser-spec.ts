import type { Browser } from 'playwright-core';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { applicationBody } from '../support/factories';
import { checkpoint, launchChromium, measureLoad, newContext, PHONE, printMeasures } from './support/browser';
import { layoutWidth, lookUpCase } from './support/console-pages';
import { startConsole, type ConsoleServer } from './support/console-server';

jest.setTimeout(60_000);

/** Item 9: the applicant's lookup on a phone (375×667), no login. */
describe('public case-status lookup, in Chromium on a phone-sized screen', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let filed: { caseNumber: string; queryCode: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startConsole(), launchChromium()]);
    // An application registered at the 中仓 counter today (so still in its acceptance review: the worker would deem an
    // older one accepted, ARL 30): the applicant leaves with its receipt (case number, query code).
    const today = shanghaiDate(new Date());
    const body = applicationBody(0, {
      receivedAt: new Date().toISOString(),
      act: { type: '行政处罚决定', documentNumber: '京通公（治）决字〔2026〕第101号', date: addDays(today, -12), knownDate: addDays(today, -10) },
    });
    const login = await server.app.inject({ method: 'POST', url: apiPath('/auth/login'), payload: { username: 'zhongcang', password: DEMO_PASSWORD } });
    const [{ id: dept }] = await server.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const reg = await server.app.inject({
      method: 'POST', url: apiPath('/applications'),
      headers: { authorization: `Bearer ${login.json().accessToken}` }, payload: { ...body, respondentDepartmentId: dept },
    });
    if (reg.statusCode !== 201) throw new Error(`registration: ${reg.statusCode} ${reg.body}`);
    filed = { caseNumber: reg.json().caseNumber, queryCode: reg.json().queryCode };
  }, 90_000);
  afterAll(async () => {
    printMeasures('browser: page loads (public lookup, phone)');
    await browser?.close();
    await server?.close();
  });

  it('case number + query code → the stage, the next legal step and its due date, in plain Chinese', async () => {
    const context = await newContext(browser, server.url, PHONE);
    const page = await context.newPage();
    const m = await measureLoad(page, 'public lookup page (first load, cold cache)', '/status', () => page.getByLabel('案件编号').waitFor());
    process.stdout.write(`\nbrowser: public lookup page JS ${(m.jsGzipBytes / 1024).toFixed(1)} KiB gzip (${m.scripts} files), ready in ${m.ms} ms\n`);
    expect(await checkpoint(page, 'public-lookup-empty')).toEqual([]);

    await lookUpCase(page, filed.caseNumber, filed.queryCode.toLowerCase()); // typed in lower case from the receipt
    const result = page.getByTestId('lookup-result');
    await result.waitFor();
    await expect(page.getByTestId('stage').textContent()).resolves.toBe('待受理审查');
    await expect(result.textContent()).resolves.toContain('复议机构自收到申请之日起5个工作日内审查决定是否受理');
    await expect(result.textContent()).resolves.toContain('下一步：作出是否受理的决定');
    await expect(page.getByTestId('next-due').textContent()).resolves.toMatch(/^期限：\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(result.textContent()).resolves.toContain('《行政复议法》第三十条');
    // Nothing of the page is cut off or scrolls sideways on the phone.
    expect(await layoutWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await checkpoint(page, 'public-lookup-stage')).toEqual([]);
    await context.close();
  });

  it('a wrong query code is refused with the API’s Chinese message, the same as for an unknown number', async () => {
    const context = await newContext(browser, server.url, PHONE);
    const page = await context.newPage();
    await page.goto('/status');
    await lookUpCase(page, filed.caseNumber, 'ZZZZZZ');
    await expect(page.getByTestId('lookup-error').textContent()).resolves.toContain('案件编号或查询码不正确');
    expect(await page.getByTestId('lookup-result').count()).toBe(0);
    expect(await checkpoint(page, 'public-lookup-wrong-code')).toEqual([]);
    await context.close();
  });
});
