import { addDays, shanghaiDate } from '@fuyi/kernel';
import { weekEndOf } from '@fuyi/cases';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * GET /me/figures (issue 16 item 5): each figure on a small hand-built dataset with known answers, and each equal to
 * the number of rows of the list it opens (my queue or the office view with the figure's filter). The demo seed may
 * hold cases too, so the dataset's answers are checked as differences from the figures before it was made.
 */
describe('home figures: overdue, due this week, awaiting me', () => {
  let t: TestApp;
  let clerk: string;
  let chief: string;
  let head: string;
  let township: string;
  let respondentId: number;
  let clerkId: string;
  const today = shanghaiDate(new Date());
  const ids: Record<string, string> = {};
  const before: Record<string, Record<string, number>> = {};

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (path: string, token: string) => t.http().get(path).set(auth(token));
  const post = (path: string, body: object, token = clerk) => t.http().post(path).set(auth(token)).send(body);

  async function figures(token: string): Promise<Record<string, number>> {
    const res = await get('/me/figures', token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: today, weekEnd: weekEndOf(today) });
    return Object.fromEntries(res.body.figures.map((f: { key: string; count: number }) => [f.key, f.count]));
  }
  async function rows(path: string, token: string): Promise<number> {
    let n = 0;
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${sep}limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
      expect(res.status).toBe(200);
      n += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return n;
  }
  async function register(key: string, accept: 'clerk' | 'chief' | null): Promise<void> {
    const res = await post('/applications', applicationBody(respondentId, { receivedAt: `${addDays(today, -3)}T09:00:00+08:00` }), township);
    if (res.status !== 201) throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
    ids[key] = res.body.caseId;
    if (accept) expect((await post(`/cases/${ids[key]}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' }, accept === 'clerk' ? clerk : chief)).status).toBe(200);
  }
  /** Every open clock of the case due on `due` (the decision clock 30 days later). */
  const setDue = (key: string, due: string) =>
    t.db.ds.query(`UPDATE case_clocks SET due_date = $2::date + CASE WHEN rule LIKE 'decision%' THEN 30 ELSE 0 END
                    WHERE case_id = $1 AND status IN ('running', 'paused')`, [ids[key], due]);

  beforeAll(async () => {
    t = await createTestApp();
    [clerk, chief, head, township] = await Promise.all([t.login('clerk'), t.login('chief'), t.login('head'), t.login('zhongcang')]);
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    [{ id: clerkId }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    const other = await t.login('songzhuang');
    for (const [who, token] of [['clerk', clerk], ['chief', chief], ['head', head], ['township', township], ['other', other]] as const) before[who] = await figures(token);
    await register('overdue', 'clerk'); // the clerk's, a running clock two days past due
    await register('thisWeek', 'clerk'); // the clerk's, due today (always within this week)
    await register('later', 'clerk'); // the clerk's, due the Monday after this week
    await register('paused', 'clerk'); // the clerk's, past due but suspended: neither overdue nor due
    await register('chiefs', 'chief'); // the chief's (accepted, reviewed by the chief), overdue
    await register('registered', null); // awaiting acceptance review, due this week, no handler
    await register('corrected', null); // awaiting correction (ARL 31)
    await t.db.ds.query(`UPDATE cases SET state = 'correction_requested' WHERE id = $1`, [ids.corrected]);
    await setDue('corrected', addDays(weekEndOf(today), 3)); // and its review clock stopped: not due, not overdue
    await t.db.ds.query(`UPDATE case_clocks SET status = 'paused' WHERE case_id = $1 AND status = 'running'`, [ids.corrected]);
    await setDue('overdue', addDays(today, -2));
    await setDue('thisWeek', today);
    await setDue('later', addDays(weekEndOf(today), 1));
    await setDue('paused', addDays(today, -5));
    await setDue('chiefs', addDays(today, -1));
    await setDue('registered', weekEndOf(today));
    await t.db.ds.query(`UPDATE case_clocks SET status = 'paused' WHERE case_id = $1 AND status = 'running'`, [ids.paused]);
    await t.db.ds.query(`UPDATE cases SET state = 'decision_pending' WHERE id = $1`, [ids.later]);
    await t.db.ds.query(
      `INSERT INTO case_approval_requests (case_id, kind, payload, submitted_by) VALUES ($1, 'extension', '{"days": 30, "reason": "案情复杂"}', $2)`,
      [ids.overdue, clerkId],
    );
  });
  afterAll(() => t.close());

  const delta = (who: string, now: Record<string, number>) => Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (before[who][k] ?? 0)]));

  it("the clerk's figures: own overdue, own due this week, own open cases; each is its list's row count", async () => {
    const now = await figures(clerk);
    expect(Object.keys(now)).toEqual(['myOverdue', 'myDueThisWeek', 'myOpen']);
    // later is not due this week; paused is past due but its clock is paused; the chief's and the unassigned case are not the clerk's.
    expect(delta('clerk', now)).toEqual({ myOverdue: 1, myDueThisWeek: 1, myOpen: 4 });
    expect(now.myOverdue).toBe(await rows('/work/my-queue?flag=overdue', clerk));
    expect(now.myDueThisWeek).toBe(await rows('/work/my-queue?flag=dueThisWeek', clerk));
    expect(now.myOpen).toBe(await rows('/work/my-queue', clerk));
  });

  it("the chief's and the head's figures: the district's overdue and due this week, accepted cases to assign, approvals", async () => {
    for (const [who, token] of [['chief', chief], ['head', head]] as const) {
      const now = await figures(token);
      expect(Object.keys(now).sort()).toEqual(['awaitingApproval', 'dueThisWeek', 'overdue', 'toAssign']);
      // overdue: the clerk's and the chief's; due this week: thisWeek and the registered case; to assign: the accepted
      // ones (overdue, thisWeek, paused (only its clock is paused), chiefs); approvals: the decision awaiting approval
      // (later) and the extension request (overdue).
      expect(delta(who, now)).toEqual({ overdue: 2, dueThisWeek: 2, toAssign: 4, awaitingApproval: 2 });
      expect(now.overdue).toBe(await rows('/work/office?flag=overdue', token));
      expect(now.dueThisWeek).toBe(await rows('/work/office?flag=dueThisWeek', token));
      expect(now.toAssign).toBe(await rows('/work/office?state=accepted', token));
      const approvals = await Promise.all(
        ['state=decision_pending', 'pendingRequest=extension', 'pendingRequest=termination'].map((q) => rows(`/work/office?${q}`, token)),
      );
      expect(now.awaitingApproval).toBe(approvals.reduce((a, b) => a + b, 0));
    }
  });

  it("a township clerk's figures: its own township's applications awaiting correction and in acceptance review, as its list", async () => {
    const other = await t.login('songzhuang');
    const now = await figures(township);
    expect(Object.keys(now)).toEqual(['awaitingCorrection', 'inAcceptanceReview']);
    // Of the dataset, only 'registered' still awaits the acceptance review; 'corrected' (registered below) awaits correction.
    expect(delta('township', now)).toEqual({ awaitingCorrection: 1, inAcceptanceReview: 1 });
    expect(now.awaitingCorrection).toBe(await rows('/applications?state=correction_requested', township));
    expect(now.inAcceptanceReview).toBe(await rows('/applications?state=registered', township));
    // Another township's clerk counts none of them, and its figures are its own list's rows.
    const theirs = await figures(other);
    expect(theirs).toEqual(before.other);
    expect(theirs.inAcceptanceReview).toBe(await rows('/applications?state=registered', other));
    expect(theirs.awaitingCorrection).toBe(await rows('/applications?state=correction_requested', other));
  });

  it('every role has figures: the auditor and the security administrator too (their counts: operator-figures spec); a bad flag or stage is refused in Chinese', async () => {
    const auditor = await get('/me/figures', await t.login('auditor'));
    expect(auditor.status).toBe(200);
    expect(auditor.body.figures.map((f: { key: string }) => f.key)).toEqual(['auditToday', 'auditLoginFailures', 'auditPersonalDataReads', 'auditDownloads', 'auditExports']);
    expect(auditor.body.figures[0]).toMatchObject({ label: '今日审计记录', query: { from: today, to: today } });
    expect(auditor.body.figures[0].count).toBeGreaterThan(0); // this spec's own sign-ins, today
    const security = await figures(await t.login('secadmin'));
    expect(Object.keys(security)).toEqual(['lockedAccounts', 'totpMissing']);
    for (const n of Object.values(security)) expect(Number.isInteger(n) && n >= 0).toBe(true);
    const badState = await get('/applications?state=accepted', township);
    expect(badState.status).toBe(400);
    expect(badState.body.code).toBe('VALIDATION_FAILED');
    const bad = await get('/work/my-queue?flag=soon', clerk);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});
