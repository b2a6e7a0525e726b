import type { Locator, Page } from 'playwright-core';

/** The township counter and the district intake desk, in the words of the people who use them (page objects). */

export interface Party {
  name: string;
  idNumber: string;
  phone?: string;
}

export interface Application {
  applicants: Party[];
  agent?: Party;
  category: string;
  respondent: string;
  act: { type: string; documentNumber: string; date: string; knownDate: string };
  requests: string;
  factsReasons: string;
  materials: string[];
}

/** Focuses a field and types into it with the keyboard, as a clerk does after Tab. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.type(text);
}

/** An Ant Design select by keyboard: focus, type part of the option, Enter picks the first match. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).focus();
  await page.keyboard.type(option);
  await page.locator('.ant-select-item-option', { hasText: option }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * 登记复议申请, keyboard only: each applicant's card filled with Tab between its fields, "添加申请人" and the agent's
 * switch pressed with Enter and Space, the selects by typing, the materials ticked with Space, and Enter in a field to
 * send. Leaves the page on the receipt.
 */
export async function registerApplication(page: Page, a: Application): Promise<void> {
  await page.getByRole('menuitem', { name: '登记复议申请' }).click();
  await page.getByTestId('registration-form').waitFor();
  for (const [i, p] of a.applicants.entries()) {
    if (i > 0) {
      await page.getByRole('button', { name: '添加申请人' }).focus();
      await page.keyboard.press('Enter');
    }
    const card = page.getByTestId(`applicant-${i}`);
    await typeInto(page, card.getByLabel('姓名'), p.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(p.idNumber);
    await page.keyboard.press('Tab');
    if (p.phone) await page.keyboard.type(p.phone);
  }
  if (a.agent) {
    await page.getByRole('switch', { name: '有委托代理人' }).focus();
    await page.keyboard.press('Space');
    const card = page.locator('.ant-card').filter({ hasText: '委托代理人' });
    await typeInto(page, card.getByLabel('姓名'), a.agent.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(a.agent.idNumber);
  }
  await pick(page, '案件类别', a.category);
  await pick(page, '被申请人', a.respondent);
  await typeInto(page, page.getByLabel('行政行为', { exact: true }), a.act.type);
  await page.keyboard.press('Tab');
  await page.keyboard.type(a.act.documentNumber);
  await page.keyboard.press('Tab');
  await page.keyboard.type(a.act.date);
  await page.keyboard.press('Tab');
  await page.keyboard.type(a.act.knownDate);
  await typeInto(page, page.getByLabel('行政复议请求'), a.requests);
  await page.keyboard.press('Tab');
  await page.keyboard.type(a.factsReasons);
  for (const m of a.materials) {
    const box = page.getByRole('checkbox', { name: m });
    if (!(await box.isChecked())) {
      await box.focus();
      await page.keyboard.press('Space');
    }
  }
}

/** Enter in a text field sends the form (twice, as an impatient clerk does: still one case). */
export async function submitByEnter(page: Page): Promise<void> {
  await page.getByLabel('行政行为', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
}

export function receipt(page: Page) {
  return {
    root: page.getByTestId('receipt'),
    caseNumber: page.getByTestId('receipt-case-number'),
    queryCode: page.getByTestId('receipt-query-code'),
  };
}

/** 打印回执: counts the print dialogs the page opens (headless Chromium has none to show). */
export async function printReceipt(page: Page): Promise<number> {
  await page.evaluate(`window.__printed = 0; window.print = () => { window.__printed += 1; };`);
  await page.getByTestId('print-receipt').focus();
  await page.keyboard.press('Enter');
  return page.evaluate<number>('window.__printed');
}

/** 收件审查: the queue, oldest first; loads further pages until the case is listed, then opens its review. */
export async function openForReview(page: Page, caseNumber: string): Promise<void> {
  await page.getByRole('menuitem', { name: '收件审查' }).click();
  const queue = page.getByTestId('intake-queue');
  await queue.locator('tbody tr').first().waitFor();
  const link = queue.getByRole('link', { name: caseNumber, exact: true });
  for (let i = 0; i < 20 && !(await link.count()); i++) {
    const rows = await queue.locator('tbody tr').count();
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.waitForFunction(`document.querySelectorAll('[data-testid="intake-queue"] tbody tr').length > ${rows}`);
  }
  await link.click();
  await page.getByRole('heading', { level: 1, name: `受理审查：${caseNumber}` }).waitFor();
}

/** 受理 with the procedure chosen, through the confirmation that names the article. */
export async function accept(page: Page, procedure: '普通程序' | '简易程序' = '普通程序'): Promise<string> {
  await page.locator('label.ant-radio-button-wrapper', { hasText: /^受理$/ }).click();
  await page.getByRole('radio', { name: new RegExp(`^${procedure}`) }).check();
  await page.getByTestId('decision-submit').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: /确认受理/ }).click();
  return text;
}

/** 通知补正: every item at once (ARL 31), typed one after another, through the confirmation. */
export async function requestCorrection(page: Page, items: string[]): Promise<string> {
  await page.locator('label.ant-radio-button-wrapper', { hasText: '通知补正' }).click();
  for (const [i, item] of items.entries()) {
    if (i > 0) await page.getByRole('button', { name: '添加补正事项' }).click();
    await page.getByLabel(`补正事项 ${i + 1}`, { exact: true }).fill(item);
  }
  await page.getByTestId('decision-submit').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: /确认通知补正/ }).click();
  return text;
}

/** At the counter: the applicant brought the correction; the clerk records the day (today by default) with Enter. */
export async function recordCorrectionReceived(page: Page, caseNumber: string): Promise<void> {
  await page.getByRole('menuitem', { name: '接待登记' }).click();
  const row = page.getByTestId('township-applications').locator('tr', { hasText: caseNumber });
  await row.getByRole('button', { name: '收到补正材料' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('收到补正材料的日期').waitFor();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

/** 咨询登记 by keyboard: name, Tab to the phone, the category typed, the topic and the advice. */
export async function recordConsultation(
  page: Page,
  c: { visitor: string; phone: string; category: string; topic: string; advice: string },
): Promise<void> {
  await page.getByRole('menuitem', { name: '咨询登记' }).click();
  await typeInto(page, page.getByLabel('来访人姓名'), c.visitor);
  await page.keyboard.press('Tab');
  await page.keyboard.type(c.phone);
  await pick(page, '事项类别', c.category);
  await typeInto(page, page.getByLabel('咨询事项'), c.topic);
  await typeInto(page, page.getByLabel('答复意见'), c.advice);
  await page.getByRole('button', { name: '登记咨询' }).focus();
  await page.keyboard.press('Enter');
}
