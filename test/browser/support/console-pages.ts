import type { Page } from 'playwright-core';

/** What a person does on the console, in their words (page objects). */
export const DEMO_USERS = {
  township_clerk: 'zhongcang',
  reconsideration_clerk: 'clerk',
  section_chief: 'chief',
  office_head: 'head',
  mediator: 'mediator',
  liaison_officer: 'liaison',
  admin: 'admin',
  auditor: 'auditor',
  security_admin: 'secadmin',
} as const;

/** Types the name and password and presses Enter, by keyboard as at a counter. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
}

export function loginError(page: Page) {
  return page.getByTestId('login-error');
}

/** The applicant's lookup: case number and query code from the receipt. */
export async function lookUpCase(page: Page, caseNumber: string, queryCode: string): Promise<void> {
  await page.getByLabel('案件编号').fill(caseNumber);
  await page.getByLabel('查询码').fill(queryCode);
  await page.getByRole('button', { name: /查\s*询/ }).click();
}

/** Everything the page keeps in Web Storage, as one string (the access token must never be there). */
export function webStorage(page: Page): Promise<string> {
  // A string, evaluated in the page (the test code is compiled without the DOM's types).
  return page.evaluate<string>(`[localStorage, sessionStorage]
    .map((s) => Array.from({ length: s.length }, (_, i) => s.key(i) + '=' + s.getItem(s.key(i))).join('\\n'))
    .join('\\n')`);
}

/** What a script on the page can read of the cookies (an HttpOnly cookie is not there). */
export function scriptVisibleCookies(page: Page): Promise<string> {
  return page.evaluate<string>('document.cookie');
}

/** The page's width as laid out (wider than the screen = sideways scrolling). */
export function layoutWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}
