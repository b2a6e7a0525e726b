import type { Page } from 'playwright-core';
import { settled } from './office-pages';

/** What the auditor does on the console (page objects for audit.browser-spec.ts). */

/** Types the filters (only those given) and presses Enter in the last one, as one does in a search form. */
export async function filterAuditLog(page: Page, f: { action?: string; subjectType?: string; from?: string; to?: string }): Promise<void> {
  const form = page.getByRole('form', { name: '筛选审计记录' });
  const fields: Array<[string, string | undefined]> = [
    ['对象类型', f.subjectType],
    ['起始日期', f.from],
    ['截止日期', f.to],
    ['操作', f.action],
  ];
  const given = fields.filter(([, v]) => v !== undefined) as Array<[string, string]>;
  for (const [label, value] of given) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: /查\s*询/ }).click();
  await settled(page);
}

/** The rows of the log as shown: [time, actor, action, subject, summary, chain/seq] per row. */
export async function auditRows(page: Page): Promise<string[][]> {
  const rows = await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').all();
  return Promise.all(rows.map((r) => r.locator('td').allTextContents()));
}

/** 校验哈希链; returns the verdict ('intact' | 'broken') and its sentence. */
export async function verifyChains(page: Page): Promise<{ verdict: string; text: string }> {
  await page.getByRole('button', { name: /校验哈希链/ }).click();
  const result = page.getByTestId('verify-result');
  await result.waitFor({ timeout: 60_000 });
  await settled(page);
  return { verdict: (await result.getAttribute('data-verdict')) ?? '', text: (await result.textContent()) ?? '' };
}
