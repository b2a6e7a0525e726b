import type { Page } from 'playwright-core';
import { pickOption } from './ant-select';
import { settled } from './office-pages';

/** What a handler does on the case page (page objects). */
export async function openCaseFromQueue(page: Page, caseNumber: string): Promise<void> {
  await page.getByTestId('my-queue').getByRole('link', { name: caseNumber }).click();
  await page.getByTestId('case-header').waitFor();
}

/** The decision clock's due date as the page shows it (the running one, ARL 62). */
export async function decisionDue(page: Page): Promise<string> {
  return ((await page.getByTestId('clock-decision').getByTestId('clock-due').textContent()) ?? '').trim();
}

/** Opens an action of allowedActions by its label and returns the confirmation's article line. */
export async function openAction(page: Page, label: RegExp): Promise<string> {
  await page.getByTestId('case-actions').getByRole('button', { name: label }).click();
  const article = page.getByRole('dialog').getByTestId('action-article');
  await article.waitFor();
  // The dialog takes the focus when its opening animation ends: a select opened before that closes again.
  await settled(page);
  return (await article.textContent()) ?? '';
}

/** 中止审理: the ground from the list of ARL 39(1), the date, then confirm. */
export async function suspendCase(page: Page, ground: string, from: string): Promise<string> {
  const article = await openAction(page, /中止审理/);
  const dialog = page.getByRole('dialog');
  await pickOption(page, dialog.getByRole('combobox', { name: '中止情形（第三十九条第一款）' }), ground);
  await dialog.getByLabel('中止日期').fill(from);
  await dialog.getByRole('button', { name: /确认中止审理/ }).click();
  await closedOrRefused(page);
  return article;
}

/** 恢复审理 today (the date left empty: the API's default). */
export async function resumeCase(page: Page): Promise<string> {
  const article = await openAction(page, /恢复/);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^确认/ }).click();
  await closedOrRefused(page);
  return article;
}

/** 制作文书: picks the type, fills each data key the type declares (one line each), and waits for the .docx download. */
export async function issueDocument(page: Page, title: string, values: Record<string, string>): Promise<string> {
  await pickOption(page, page.getByRole('combobox', { name: '文书种类' }), title);
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '制作并下载' }).click()]);
  return download.suggestedFilename();
}

/**
 * After confirming: the dialog closes with the result, or the API's refusal (an alert) or the form's own check (field
 * errors, which Ant Design 6 renders without an alert role) shows in it — reported as the failure, so a red run says why.
 * Generous: under a full run's load the change has taken longer than 30 s (seen once).
 */
async function closedOrRefused(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  const refusal = dialog.getByRole('alert');
  const fieldErrors = dialog.locator('.ant-form-item-explain-error');
  for (const end = Date.now() + 90_000; Date.now() < end; await page.waitForTimeout(200)) {
    if (!(await dialog.isVisible())) return;
    if (await refusal.count()) throw new Error(`the change was refused: ${await refusal.first().textContent()}`);
    if (await fieldErrors.count()) throw new Error(`the form refused: ${(await fieldErrors.allTextContents()).join('；')}`);
  }
  throw new Error(`the dialog neither closed nor showed a refusal within 90 s; it shows: ${await dialog.innerText().catch(() => '?')}`);
}
