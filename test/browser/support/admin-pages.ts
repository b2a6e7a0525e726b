import type { Page } from 'playwright-core';
import { diffDays } from '@fuyi/kernel';
import { settled } from './office-pages';

/** What the administrator does on the console (page objects for admin.browser-spec.ts). */

/** In the year grid, from the day that has the focus, walks to `date` with the arrow keys and presses Enter. */
export async function pickDayByKeyboard(page: Page, date: string): Promise<void> {
  const grid = page.getByTestId('year-grid');
  const start = (await grid.locator('button[tabindex="0"]').getAttribute('data-date'))!;
  await grid.locator('button[tabindex="0"]').focus();
  const n = diffDays(date, start);
  for (let i = 0; i < Math.abs(n); i++) await page.keyboard.press(n > 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: '标记日期' }).waitFor();
  await settled(page);
}

export interface PreviewRow {
  caseNumber: string;
  clock: string;
  oldDue: string;
  newDue: string;
}

/** Fills the day dialog (closure by default), asks for the preview and returns its rows (what would move). */
export async function previewClosure(page: Page, name: string, reason: string): Promise<PreviewRow[]> {
  const dialog = page.getByRole('dialog', { name: '标记日期' });
  await dialog.getByRole('radio', { name: /停止办公/ }).check();
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByLabel(/原因/).fill(reason);
  await dialog.getByRole('button', { name: /预览影响/ }).click();
  const table = dialog.getByTestId('preview-clocks');
  await table.locator('tbody tr').first().waitFor();
  await settled(page);
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (r) => {
      const cells = await r.locator('td').allTextContents();
      return { caseNumber: cells[0], clock: cells[1], oldDue: cells[2], newDue: cells[3].replace(/（.*）$/, '') };
    }),
  );
}

/** 确认修改; returns the result sentence once the dialog has closed. */
export async function confirmCalendarChange(page: Page): Promise<string> {
  await page.getByRole('dialog', { name: '标记日期' }).getByRole('button', { name: /确认修改/ }).click();
  const result = page.getByTestId('calendar-result');
  await result.waitFor({ timeout: 60_000 });
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await settled(page);
  return (await result.textContent()) ?? '';
}
