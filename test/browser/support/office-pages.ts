import type { Page } from 'playwright-core';
import { pickOption } from './ant-select';
import { apiPath } from '../../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../../db/seed/seed';
import { addDays, idNumberCheckChar, shanghaiDate } from '@fuyi/kernel';
import { applicationBody } from '../../support/factories';
import type { ConsoleServer } from './console-server';

export const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);

/** The API as a person uses it, for what a scenario starts from (not what it checks). */
export function apiAs(server: ConsoleServer) {
  const tokens = new Map<string, string>();
  const token = async (who: string) => {
    if (!tokens.has(who)) {
      const r = await server.app.inject({ method: 'POST', url: apiPath('/auth/login'), payload: { username: who, password: DEMO_PASSWORD } });
      tokens.set(who, r.json().accessToken as string);
    }
    return tokens.get(who)!;
  };
  const post = async (who: string, path: string, payload: object) => {
    const r = await server.app.inject({ method: 'POST', url: apiPath(path), headers: { authorization: `Bearer ${await token(who)}` }, payload });
    if (r.statusCode >= 300) throw new Error(`${who} POST ${path}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  return { post };
}

/**
 * A case at the 中仓 counter today, accepted (ordinary procedure), assigned to the clerk by the chief, the parties'
 * hearing waived with its reason (ARL 49) and the decision submitted: what awaits the head's approval.
 */
export async function decisionAwaitingApproval(server: ConsoleServer, applicant: { name: string; idNumber: string }, type: 'revoke' | 'uphold' = 'revoke') {
  const api = apiAs(server);
  const today = shanghaiDate(new Date());
  const [{ id: dept }] = await server.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
  const [{ id: clerkId }] = await server.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
  const reg = await api.post(
    'zhongcang',
    '/applications',
    applicationBody(dept, {
      applicants: [{ kind: 'person', ...applicant }],
      receivedAt: new Date().toISOString(),
      act: { type: '行政处罚决定', date: addDays(today, -12), knownDate: addDays(today, -10) },
    }),
  );
  const id = reg.caseId as string;
  let c = await api.post('clerk', `/cases/${id}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' });
  c = await api.post('chief', `/cases/${id}/assign`, { version: c.version, handlerId: clerkId });
  c = await api.post('clerk', `/cases/${id}/hearing-waivers`, { version: c.version, kind: 'listening', reason: '申请人书面表示不再陈述意见，本案书面审理' });
  const summary = type === 'revoke' ? '撤销被申请人作出的行政处罚决定。' : '维持被申请人作出的行政处罚决定。';
  c = await api.post('clerk', `/cases/${id}/decision`, { version: c.version, type, summary });
  return { id, caseNumber: c.caseNumber as string };
}

/** Waits until every animation on the page has finished (a dialog opening or closing), so a screenshot shows the page as it rests. */
export function settled(page: Page): Promise<unknown> {
  // A spinner turns for ever: only animations that end are waited for.
  return page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => null)))`); // a cancelled animation (its element removed) rejects: it has ended too
}

/** The animations that end and are running now (a dialog opening, a select dropping down): none under reduced motion. */
export function animating(page: Page): Promise<string[]> {
  return page.evaluate(`document.getAnimations()
    .filter((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .map((a) => (a.animationName || a.transitionProperty || 'animation') + ' on ' + String(a.effect.target && a.effect.target.className))`);
}

/** An Ant Design select: open it from its combobox and pick the option with exactly this text. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await pickOption(page, page.getByRole('combobox', { name: label }), new RegExp(`^${option}$`));
}

/** 查找: choose how, type the term, press Enter. */
export async function searchCases(page: Page, by: '案件编号' | '申请人姓名' | '身份证号码', term: string): Promise<void> {
  await page.getByRole('radiogroup', { name: '查找方式' }).getByText(by, { exact: true }).click();
  await page.getByRole('textbox', { name: by }).fill(term);
  await page.getByRole('textbox', { name: by }).press('Enter');
}

/** 待我审批: approve the row's item; returns what the confirmation said. */
export async function approveFromList(page: Page, caseNumber: string): Promise<string> {
  await page.getByRole('button', { name: `批准决定 ${caseNumber}` }).click();
  const dialog = page.getByRole('dialog');
  const text = (await dialog.getByTestId('approval-confirm').textContent()) ?? '';
  await dialog.getByRole('button', { name: /确认批准/ }).click();
  // What the head waits for: the result, or the API's refusal in the dialog (reported as the failure).
  const shown = page.getByTestId('approval-result').or(dialog.getByRole('alert'));
  // Generous: the approval writes the decision, its clocks and notifications; under a full test run's load it has taken
  // longer than Playwright's default 30 s (seen once), and the point here is what the head sees, not how fast.
  await shown.first().waitFor({ timeout: 90_000 });
  if (!(await page.getByTestId('approval-result').isVisible())) throw new Error(`approval refused: ${await dialog.getByRole('alert').first().textContent()}`);
  await dialog.waitFor({ state: 'hidden' });
  await settled(page);
  return text;
}
