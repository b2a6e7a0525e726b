import type { Page } from 'playwright-core';
import { apiPath } from '../../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../../db/seed/seed';
import { fixturePasswordHash } from '../../support/fixture-password';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { applicationBody, validIdNumber } from '../../support/factories';
import type { ConsoleServer } from './console-server';
import { settled } from './office-pages';

/** The API as a demo user (for what a scenario starts from, not what it checks). */
export function apiCalls(server: ConsoleServer) {
  const tokens = new Map<string, string>();
  const token = async (who: string) => {
    if (!tokens.has(who)) {
      const r = await server.app.inject({ method: 'POST', url: apiPath('/auth/login'), payload: { username: who, password: DEMO_PASSWORD } });
      tokens.set(who, r.json().accessToken as string);
    }
    return tokens.get(who)!;
  };
  const call = async (who: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) => {
    const r = await server.app.inject({ method, url: apiPath(path), headers: { authorization: `Bearer ${await token(who)}` }, payload });
    if (r.statusCode >= 300) throw new Error(`${who} ${method} ${path}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  return call;
}

/**
 * The centre as the office head sets it up: `mediator` (调解员 赵磊) coordinates; a second mediator `mediator2`
 * (调解员 钱红) is linked to the first department, so the conflict check keeps her off its files.
 */
export async function setUpCentre(server: ConsoleServer) {
  const call = apiCalls(server);
  await server.db.ds.query(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('mediator2', '调解员 钱红', 'mediator', $1)`, [await fixturePasswordHash()]);
  const ids: Record<string, string> = Object.fromEntries((await server.db.ds.query(`SELECT id, username FROM users`)).map((u: { id: string; username: string }) => [u.username, u.id]));
  const [{ id: conflicted }, { id: other }] = await server.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 2`);
  await call('head', 'PUT', `/mediation/mediators/${ids.mediator}`, { skills: ['demolition', 'expropriation', 'public_security'], isCoordinator: true, conflictDepartmentIds: [], conflictNames: [] });
  await call('head', 'PUT', `/mediation/mediators/${ids.mediator2}`, { skills: ['demolition'], isCoordinator: false, conflictDepartmentIds: [conflicted], conflictNames: [] });
  return { call, ids, conflicted: conflicted as number, other: other as number };
}

/**
 * An accepted case against the first department (received four days ago, accepted by `clerk` the next day), referred
 * by its handler to mediation with both consents from two days ago: the case is suspended on ground 6 (ARL 39(1)(6)).
 */
export async function caseInMediation(server: ConsoleServer, call: ReturnType<typeof apiCalls>, dept: number, applicant: string) {
  const today = shanghaiDate(new Date());
  const [{ id: clerkId }] = await server.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
  const reg = await call('zhongcang', 'POST', '/applications', applicationBody(dept, {
    applicants: [{ kind: 'person', name: applicant, idNumber: validIdNumber('19750505'), phone: '13700137001' }],
    receivedAt: `${addDays(today, -4)}T09:00:00+08:00`,
    act: { type: '限期拆除决定', date: addDays(today, -40), knownDate: addDays(today, -30) },
  }));
  let c = await call('clerk', 'POST', `/cases/${reg.caseId}/acceptance-review`, { outcome: 'accept', procedure: 'ordinary', version: 1, decidedOn: addDays(today, -3) });
  c = await call('chief', 'POST', `/cases/${reg.caseId}/assign`, { version: c.version, handlerId: clerkId });
  const [{ due_date: dueBefore }] = await server.db.ds.query(`SELECT due_date::text FROM case_clocks WHERE case_id = $1 AND rule = 'decision'`, [reg.caseId]);
  const file = await call('clerk', 'POST', '/mediation/referrals', {
    source: 'case', category: 'demolition', caseId: reg.caseId, caseVersion: c.version, consent: { applicant: true, respondent: true },
    applicantWants: '暂缓拆除，给予自行整改期限', suspendFrom: addDays(today, -2),
  });
  return { caseId: reg.caseId as string, caseNumber: reg.caseNumber as string, fileId: file.id as string, dueBefore: dueBefore as string };
}

/** Opens one of the file's allowedActions by its label; returns the dialog. */
export async function openFileAction(page: Page, label: string) {
  await page.getByTestId('file-actions').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('step-intro').waitFor();
  await rested(page);
  return dialog;
}

/** Confirms the dialog and waits for the page's result, or throws the API's refusal shown in the dialog. */
export async function confirmStep(page: Page, button: RegExp): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button }).click();
  const refusal = dialog.getByTestId('api-error').or(dialog.getByTestId('conflict-alert'));
  await page.getByTestId('step-result').or(refusal).first().waitFor({ timeout: 90_000 });
  if (!(await page.getByTestId('step-result').isVisible())) throw new Error(`refused: ${await refusal.first().textContent()}`);
  await dialog.waitFor({ state: 'hidden' });
  await rested(page);
  return (await page.getByTestId('step-result').textContent()) ?? '';
}

/**
 * settled() that tolerates an animation the page cancels while it is awaited (its `finished` rejects with AbortError,
 * e.g. a dialog closing as the list re-renders): waits again for what is still running.
 */
export async function rested(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    try {
      await settled(page);
      return;
    } catch {
      // cancelled animation: look again
    }
  }
}
