import { CalendarService } from '@fuyi/clocks';
import { computeDeadline, computeWithRule, RULES } from '@fuyi/deadlines';
import { addDays, endOfShanghaiDay, shanghaiDate } from '@fuyi/kernel';
import { LiaisonNotifier, LiaisonScanner } from '@fuyi/liaison';
import { AuditService, UnitOfWork, type TimeSource } from '@fuyi/platform';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

type Who = 'liaison' | 'head' | 'clerk' | 'zhongcang' | 'mediator';

/** Court liaison (issue #6): risk notices, opinion letters and their 60-day clock, lawsuits after reconsideration. */
describe('court liaison workflow', () => {
  let t: TestApp;
  let tok: Record<Who, string>;
  let depts: number[];
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    const names: Who[] = ['liaison', 'head', 'clerk', 'zhongcang', 'mediator'];
    tok = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await t.login(n)]))) as Record<Who, string>;
    depts = (await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 3')).map((r: any) => r.id);
  });
  afterAll(() => t.close());

  const post = (who: Who, path: string, body: object) => t.http().post(path).set('authorization', `Bearer ${tok[who]}`).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('authorization', `Bearer ${tok[who]}`).send(body);
  const patch = (who: Who, path: string, body: object) => t.http().patch(path).set('authorization', `Bearer ${tok[who]}`).send(body);
  const get = (who: Who, path: string) => t.http().get(path).set('authorization', `Bearer ${tok[who]}`);

  const registered = async (respondent = depts[0]) => (await post('zhongcang', '/applications', applicationBody(respondent))).body.caseId as string;
  /** A case decided with `type`, approved by the office head and served on its applicant: the lawsuit window runs. */
  const served = async (type: string) => {
    const id = await registered();
    const steps: Array<[Who, string, object]> = [
      ['clerk', 'acceptance-review', { outcome: 'accept', version: 1, procedure: 'ordinary' }],
      // ARL 49: written review, the parties having declined to be heard, before the decision.
      ['clerk', 'hearing-waivers', { version: 2, kind: 'listening', reason: '申请人明确表示不陈述意见' }],
      ['clerk', 'decision', { version: 3, type, summary: '经审理，现决定如下。' }],
      ['head', 'decision/approve', { version: 4 }],
    ];
    for (const [who, path, body] of steps) expect((await post(who, `/cases/${id}/${path}`, body)).status).toBe(200);
    const [p] = await t.db.ds.query(`SELECT id FROM case_parties WHERE case_id = $1 AND role = 'applicant'`, [id]);
    expect((await post('clerk', `/cases/${id}/services`, { version: 5, partyId: p.id, method: 'direct', servedOn: today })).body.state).toBe('served');
    return id;
  };

  it('a risk notice through its whole life: draft, sent back, approved, sent with its .docx, acknowledged, answered, closed', async () => {
    const caseId = await registered();
    const draft = { title: '关于某片区拆违可能引发群体性争议的风险提示', summary: '近期同一片区多户居民就限期拆除决定申请复议。', reasons: ['同一行为涉及多户', '已有集体上访苗头'], suggestions: ['开展入户解释', '复核拆除范围'], departmentIds: [depts[0], depts[1]], caseIds: [caseId] };
    expect((await post('zhongcang', '/liaison/risk-notices', draft)).status).toBe(403);
    expect((await get('mediator', '/liaison/risk-notices')).status).toBe(403);
    const created = await post('liaison', '/liaison/risk-notices', draft);
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ state: 'draft', version: 1 });

    expect((await post('liaison', `/liaison/risk-notices/${id}/submit`, { version: 1 })).body.state).toBe('submitted');
    expect((await post('liaison', `/liaison/risk-notices/${id}/approve`, { version: 2 })).status).toBe(403); // only the office head
    expect((await post('head', `/liaison/risk-notices/${id}/reject`, { version: 2, note: '请补充涉及户数' })).body.state).toBe('draft');
    expect((await put('liaison', `/liaison/risk-notices/${id}`, { ...draft, summary: `${draft.summary}涉及12户。`, version: 3 })).body.version).toBe(4);
    await post('liaison', `/liaison/risk-notices/${id}/submit`, { version: 4 });
    const early = await post('liaison', `/liaison/risk-notices/${id}/send`, { version: 5 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'LIAISON_NOTICE_ILLEGAL_TRANSITION', state: 'submitted' });
    expect((await post('head', `/liaison/risk-notices/${id}/approve`, { version: 5 })).body.state).toBe('approved');

    const sent = await post('liaison', `/liaison/risk-notices/${id}/send`, { version: 6 });
    expect(sent.status).toBe(200);
    const calendar = await t.app.get(CalendarService).current();
    const expectedDue = computeWithRule({ ...RULES['risk-notice-response'], period: 15 }, { start: today }, calendar).due;
    expect(sent.body).toMatchObject({ state: 'sent', dueOn: expectedDue });
    const file = await get('clerk', `/liaison/documents/${sent.body.documentId}/download`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');

    expect((await post('liaison', `/liaison/risk-notices/${id}/acknowledge`, { version: 7, departmentId: depts[0] })).body.state).toBe('sent');
    const twice = await post('liaison', `/liaison/risk-notices/${id}/acknowledge`, { version: 8, departmentId: depts[0] });
    expect(twice.body.code).toBe('LIAISON_NOTICE_RECIPIENT_DONE');
    expect((await post('liaison', `/liaison/risk-notices/${id}/acknowledge`, { version: 8, departmentId: depts[2] })).body.code).toBe('LIAISON_NOTICE_RECIPIENT_NOT_FOUND');
    expect((await post('liaison', `/liaison/risk-notices/${id}/close`, { version: 8 })).body.code).toBe('LIAISON_NOTICE_ILLEGAL_TRANSITION');
    expect((await post('liaison', `/liaison/risk-notices/${id}/response`, { version: 8, departmentId: depts[0], response: '已入户解释并复核范围' })).body.state).toBe('sent');
    // The second department answers without a separate acknowledgement: its response counts as one.
    expect((await post('liaison', `/liaison/risk-notices/${id}/response`, { version: 9, departmentId: depts[1], response: '已排查，无新增风险' })).body.state).toBe('responded');
    expect((await post('liaison', `/liaison/risk-notices/${id}/close`, { version: 10, note: '风险已化解' })).body.state).toBe('closed');

    const detail = (await get('head', `/liaison/risk-notices/${id}`)).body;
    expect(detail.recipients.map((r: any) => [r.acknowledgedOn, r.responseOn, r.dueOn])).toEqual([[today, today, expectedDue], [today, today, expectedDue]]);
    expect(detail.links).toEqual([expect.objectContaining({ kind: 'case', id: caseId })]);
    expect(detail.documents).toHaveLength(1);
    const audit = await t.db.ds.query(`SELECT action FROM audit_log WHERE subject_type = 'risk-notice' AND subject_id = $1 ORDER BY seq`, [id]);
    expect(audit.map((a: any) => a.action)).toEqual(expect.arrayContaining(['liaison.notice.create', 'liaison.notice.reject', 'liaison.notice.send', 'document.issue', 'liaison.notice.close']));
  });

  it('review 4: personal data refused when the draft is written; the office head sends an approved notice back to draft', async () => {
    const draft = { title: '关于征收补偿风险的提示', summary: '联系人电话010-69541234。', reasons: ['涉及多户'], suggestions: ['入户解释'], departmentIds: [depts[0]] };
    const bad = await post('liaison', '/liaison/risk-notices', draft);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'PERSONAL_DATA_NOT_ALLOWED', fields: [expect.objectContaining({ field: 'summary' })] });
    expect(JSON.stringify(bad.body)).not.toContain('69541234');
    const id = (await post('liaison', '/liaison/risk-notices', { ...draft, summary: '涉及多户居民。' })).body.id;
    await post('liaison', `/liaison/risk-notices/${id}/submit`, { version: 1 });
    expect((await post('head', `/liaison/risk-notices/${id}/approve`, { version: 2 })).body.state).toBe('approved');
    expect((await post('liaison', `/liaison/risk-notices/${id}/reject`, { version: 3, note: '退回' })).status).toBe(403);
    const back = await post('head', `/liaison/risk-notices/${id}/reject`, { version: 3, note: '需补充整改时限后重新报批' });
    expect(back.body).toMatchObject({ state: 'draft', version: 4 });
    const id18 = await put('liaison', `/liaison/risk-notices/${id}`, { ...draft, summary: '涉及多户居民。', reasons: ['申请人110112199001011234反映'], version: 4 });
    expect(id18.body).toMatchObject({ code: 'PERSONAL_DATA_NOT_ALLOWED', fields: [expect.objectContaining({ field: 'reasons' })] });
    expect((await put('liaison', `/liaison/risk-notices/${id}`, { ...draft, summary: '涉及多户居民，限期十日。', version: 4 })).body).toMatchObject({ state: 'draft', version: 5 });
    expect((await get('head', `/liaison/risk-notices/${id}`)).body).toMatchObject({ rejectionNote: '需补充整改时限后重新报批' });
    expect((await t.db.ds.query('SELECT approved_by FROM liaison_risk_notices WHERE id = $1', [id]))[0].approved_by).toBeNull();
  });

  it('an opinion letter whose 60-day feedback clock (ARL 76) is missed is escalated to the office head once', async () => {
    const caseId = await registered(depts[1]);
    const created = await post('liaison', '/liaison/letters', { kind: 'opinion', caseId, problems: ['未履行告知义务'], recommendations: ['依法重新作出行政行为'] });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await post('liaison', `/liaison/letters/${id}/issue`, { version: 1 })).status).toBe(403);
    const issued = await post('head', `/liaison/letters/${id}/issue`, { version: 1 });
    expect(issued.body).toMatchObject({ state: 'issued', documentNumber: expect.stringContaining('通复意字') });
    expect((await get('clerk', `/cases/${caseId}/documents`)).body.map((d: any) => d.type)).toContain('opinion-letter');
    // Issue 14 item 7: the township clerk's document list hides the letter, and so does the case timeline it sees.
    expect((await get('zhongcang', `/cases/${caseId}/documents`)).body.map((d: any) => d.type)).not.toContain('opinion-letter');
    const counterTimeline = (await get('zhongcang', `/cases/${caseId}`)).body.timeline.map((e: any) => e.type);
    expect(counterTimeline).toContain('registered');
    expect(counterTimeline).not.toContain('letter_issued');
    expect(counterTimeline).not.toContain('document_issued');
    const districtTimeline = (await get('clerk', `/cases/${caseId}`)).body.timeline.map((e: any) => e.type);
    expect(districtTimeline).toEqual(expect.arrayContaining(['letter_issued', 'document_issued']));
    const received = await post('liaison', `/liaison/letters/${id}/receive`, { version: 2, receivedOn: today });
    const due = computeDeadline({ rule: 'opinion-feedback', start: today }, await t.app.get(CalendarService).current()).due;
    expect(received.body).toMatchObject({ state: 'received', feedbackDue: due });
    expect((await get('liaison', `/liaison/letters/${id}`)).body.recipientDepartmentId).toBe(depts[1]); // the case's respondent

    let now = new Date();
    const time = { now: () => now } as TimeSource;
    const scanner = new LiaisonScanner(new UnitOfWork(t.db.ds), t.app.get(CalendarService), time, t.app.get(AuditService), t.app.get(LiaisonNotifier));
    const notes = async (kind: string) => t.db.ds.query(
      `SELECT u.role FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = $1 AND n.body LIKE '%意见书%' ORDER BY u.role`, [kind]);

    now = new Date(endOfShanghaiDay(addDays(due, -1)).getTime() - 1000); // the day before: the "3 working days before" reminder, liaison officers only
    expect(await scanner.scan()).toBeGreaterThanOrEqual(1);
    expect((await notes('liaison_reminder')).map((r: any) => r.role)).toEqual(['liaison_officer']);
    expect((await t.db.ds.query('SELECT escalated_at FROM liaison_letters WHERE id = $1', [id]))[0].escalated_at).toBeNull();

    now = new Date(endOfShanghaiDay(due).getTime() - 1000); // last second of the due day: not overdue yet
    await scanner.scan();
    expect(await notes('liaison_escalation')).toHaveLength(0);

    now = new Date(endOfShanghaiDay(due).getTime() + 60_000); // the period is over (00:01 the next day)
    const [a, b] = await Promise.all([scanner.scan(), scanner.scan()]); // two workers racing
    expect(a + b).toBeGreaterThanOrEqual(1);
    await scanner.scan();
    expect((await notes('liaison_escalation')).map((r: any) => r.role)).toEqual(['liaison_officer', 'office_head']);
    const [row] = await t.db.ds.query('SELECT escalated_at FROM liaison_letters WHERE id = $1', [id]);
    expect(row.escalated_at).not.toBeNull();
    const keys = await t.db.ds.query(`SELECT milestone FROM liaison_reminders WHERE subject_id = $1 ORDER BY milestone`, [id]);
    expect(keys.map((k: any) => k.milestone)).toEqual(['before-3', 'due', 'overdue']);
    expect(await t.db.ds.query(`SELECT action FROM audit_log WHERE subject_id = $1 AND action = 'liaison.letter.escalate'`, [id])).toHaveLength(1);

    const view = (await get('liaison', '/liaison/view')).body;
    expect(view.letters).toEqual(expect.arrayContaining([expect.objectContaining({ id, feedbackDue: due, escalatedAt: expect.any(String) })]));
    // Only the scanner's clock was moved: the api records the feedback on today's date, inside the period.
    const fb = await post('liaison', `/liaison/letters/${id}/feedback`, { version: 3, feedbackOn: today, feedback: '已整改', corrections: ['重新告知当事人'] });
    expect(fb.body).toMatchObject({ state: 'feedback_received', onTime: true });
    expect((await post('liaison', `/liaison/letters/${id}/close`, { version: 4 })).body.state).toBe('closed');
    const timeline = await t.db.ds.query(`SELECT type FROM case_events WHERE case_id = $1 AND type LIKE 'letter_%'`, [caseId]);
    expect(timeline.map((e: any) => e.type)).toEqual(['letter_issued', 'letter_feedback']);
  });

  it('risk-notice responses: reminded on the due day, the overdue department escalated once, a missed reminder day not caught up', async () => {
    const created = await post('liaison', '/liaison/risk-notices', { title: '关于执法程序风险的提示', summary: '告知程序不规范。', reasons: ['多起案件被撤销'], suggestions: ['规范告知'], departmentIds: [depts[2]], responseDays: 5 });
    const id = created.body.id;
    await post('liaison', `/liaison/risk-notices/${id}/submit`, { version: 1 });
    await post('head', `/liaison/risk-notices/${id}/approve`, { version: 2 });
    const sent = await post('liaison', `/liaison/risk-notices/${id}/send`, { version: 3 });
    const due: string = sent.body.dueOn;
    let now = new Date();
    const scanner = new LiaisonScanner(new UnitOfWork(t.db.ds), t.app.get(CalendarService), { now: () => now } as TimeSource, t.app.get(AuditService), t.app.get(LiaisonNotifier));
    const fired = async () => (await t.db.ds.query(
      `SELECT x.milestone FROM liaison_reminders x JOIN liaison_notice_recipients r ON r.id = x.subject_id WHERE r.notice_id = $1 ORDER BY x.id`, [id])).map((r: any) => r.milestone);
    for (const day of [due, addDays(due, 1), addDays(due, 2)]) {
      now = new Date(endOfShanghaiDay(day).getTime() - 60_000);
      await scanner.scan();
    }
    expect(await fired()).toEqual(['due', 'overdue']); // the before-3 day was never scanned: only the current milestone fires
    const notes = await t.db.ds.query(
      `SELECT n.kind, u.role FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.title LIKE '%关于执法程序风险的提示%' AND n.kind <> 'liaison_approval' ORDER BY n.id`);
    expect(notes).toEqual([
      { kind: 'liaison_reminder', role: 'liaison_officer' }, { kind: 'liaison_escalation', role: 'liaison_officer' }, { kind: 'liaison_escalation', role: 'office_head' },
    ]);
    const view = (await get('liaison', '/liaison/view')).body;
    expect(view.notices).toEqual(expect.arrayContaining([expect.objectContaining({ id, nextDue: due, awaitingDepartments: 1 })]));
  });

  it('a lawsuit against an upheld decision makes the district co-defendant; the case and the lawsuit link both ways', async () => {
    const undecided = await registered();
    const refused = await post('liaison', '/liaison/lawsuits', { caseId: undecided, court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初1号', filedOn: today });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('LIAISON_NO_SERVED_DECISION');

    const upheld = await served('reject_request'); // 驳回复议请求 counts as upholding (ALL 26(2))
    const before = (await get('clerk', `/cases/${upheld}/litigation`)).body;
    expect(before.lawsuitWindow).toMatchObject({ start: today, open: true });
    expect(before.lawsuits).toEqual([]);
    const inWindow = (await get('liaison', '/liaison/view')).body.casesInLawsuitWindow;
    expect(inWindow).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: upheld, coDefendantIfSued: true })]));

    const filing = { caseId: upheld, court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初2号', filedOn: today };
    expect((await post('clerk', '/liaison/lawsuits', filing)).status).toBe(403);
    const recorded = await post('liaison', '/liaison/lawsuits', { ...filing, coDefendant: false });
    expect(recorded.status).toBe(400); // co-defendant is derived, never typed
    const ok = await post('liaison', '/liaison/lawsuits', filing);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ caseId: upheld, coDefendant: true });
    expect((await post('liaison', '/liaison/lawsuits', filing)).body.code).toBe('LIAISON_LAWSUIT_DUPLICATE');
    const lawsuitId = ok.body.id;

    // Review 11a: a hearing entered in advance is corrected in place once held (head appeared), never entered twice.
    const tomorrow = addDays(today, 1);
    const ahead = await post('liaison', `/liaison/lawsuits/${lawsuitId}/hearings`, { version: 1, heldOn: tomorrow, kind: 'hearing', headAppeared: false });
    expect(ahead.body).toMatchObject({ version: 2, headAppeared: false });
    const twice = await post('liaison', `/liaison/lawsuits/${lawsuitId}/hearings`, { version: 2, heldOn: tomorrow, kind: 'hearing', headAppeared: false });
    expect(twice.body.code).toBe('LIAISON_HEARING_DUPLICATE');
    expect((await patch('liaison', `/liaison/lawsuits/${lawsuitId}/hearings/0`, { version: 2, headAppeared: true })).body.code).toBe('LIAISON_INVALID_INPUT'); // not held yet
    const heard = await patch('liaison', `/liaison/lawsuits/${lawsuitId}/hearings/0`, { version: 2, heldOn: today, headAppeared: true });
    expect(heard.status).toBe(200);
    expect(heard.body).toMatchObject({ version: 3, headAppeared: true, hearings: [{ heldOn: today, kind: 'hearing', headAppeared: true, note: null }] });
    expect((await patch('liaison', `/liaison/lawsuits/${lawsuitId}/hearings/0`, { version: 2, headAppeared: false })).body.code).toBe('LIAISON_LAWSUIT_VERSION_CONFLICT');
    expect((await patch('clerk', `/liaison/lawsuits/${lawsuitId}/hearings/0`, { version: 3, headAppeared: false })).status).toBe(403);
    const judged = await post('liaison', `/liaison/lawsuits/${lawsuitId}/judgment`, { version: 3, kind: 'dismissed_claim', on: today, summary: '驳回原告诉讼请求' });
    expect(judged.body).toMatchObject({ upholdsDecision: true });
    expect((await post('liaison', `/liaison/lawsuits/${lawsuitId}/judgment`, { version: 4, kind: 'revoked', on: today, summary: 'x' })).body.code).toBe('LIAISON_LAWSUIT_JUDGED');

    const after = (await get('head', `/cases/${upheld}/litigation`)).body;
    expect(after.lawsuits).toEqual([expect.objectContaining({ id: lawsuitId, coDefendant: true, headAppeared: true, judgmentKind: 'dismissed_claim' })]);
    expect((await get('liaison', `/liaison/lawsuits/${lawsuitId}`)).body).toMatchObject({ caseId: upheld, caseNumber: after.caseNumber });
    const events = await t.db.ds.query(`SELECT type FROM case_events WHERE case_id = $1 AND type LIKE 'lawsuit_%' ORDER BY id`, [upheld]);
    expect(events.map((e: any) => e.type)).toEqual(['lawsuit_recorded', 'lawsuit_judged']);

    const revoked = await served('revoke');
    const second = await post('liaison', '/liaison/lawsuits', { caseId: revoked, court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初3号', filedOn: today });
    expect(second.body.coDefendant).toBe(false);
    // Review 6: the head appears at a pre-trial mediation session but not at the court hearing: no court appearance.
    const s2 = second.body.id;
    expect((await post('liaison', `/liaison/lawsuits/${s2}/hearings`, { version: 1, heldOn: today, kind: 'mediation', headAppeared: true })).body.headAppeared).toBe(false);
    expect((await post('liaison', `/liaison/lawsuits/${s2}/hearings`, { version: 2, heldOn: today, kind: 'hearing', headAppeared: false })).body.version).toBe(3);

    const stats = (await get('head', `/liaison/stats?from=${today}&to=${today}`)).body;
    expect(stats.total).toMatchObject({
      lawsuits: 2, coDefendant: 1, heard: 2, headAppeared: 1, courtHearings: 2, courtHearingsHeadAppeared: 1, judged: 1, judgmentsUpholding: 1,
      headAppearanceRate: 0.5, upheldRate: 1,
    });
    // Review 6: a notice sent to two departments is one notice; sued-after rate = lawsuits ÷ cases closed in the period.
    const [sent] = await t.db.ds.query('SELECT count(DISTINCT notice_id)::int AS notices, count(*)::int AS recipients FROM liaison_notice_recipients WHERE sent_on = $1', [today]);
    expect(sent.recipients).toBeGreaterThan(sent.notices);
    expect(stats.total).toMatchObject({ notices: sent.notices, noticeRecipients: sent.recipients });
    expect(stats.total.closedCases).toBeGreaterThanOrEqual(2);
    expect(stats.total.suedAfterRate).toBe(Math.round((2 / stats.total.closedCases) * 1000) / 1000);
    expect((await get('zhongcang', `/cases/${upheld}/litigation`)).status).toBe(403);
  });

  it('lawsuits against a refusal or a termination are recorded, never co-defendant (ALL 26); group disputes counted in the period', async () => {
    const stats = async () => (await get('head', `/liaison/stats?from=${today}&to=${today}`)).body.total;
    const before = await stats();
    const court = '北京市通州区人民法院';
    const refused = await registered();
    expect((await post('clerk', `/cases/${refused}/acceptance-review`, { outcome: 'refuse', version: 1, reason: '不属于行政复议范围', decidedOn: '2026-11-12' })).status).toBe(200);
    const r = await post('liaison', '/liaison/lawsuits', { caseId: refused, court, courtCaseNumber: '（2026）京0112行初4号', filedOn: today });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ coDefendant: false, against: 'refusal' });

    const terminated = await registered();
    expect((await post('clerk', `/cases/${terminated}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
    expect((await post('clerk', `/cases/${terminated}/termination-request`, { version: 2, ground: 1, reason: '申请人撤回申请，准予撤回' })).status).toBe(200);
    expect((await post('head', `/cases/${terminated}/terminate`, { version: 3 })).body.state).toBe('terminated');
    const x = await post('liaison', '/liaison/lawsuits', { caseId: terminated, court, courtCaseNumber: '（2026）京0112行初5号', filedOn: today });
    expect(x.body).toMatchObject({ coDefendant: false, against: 'termination' });
    expect((await get('liaison', `/cases/${terminated}/litigation`)).body.lawsuits).toEqual([expect.objectContaining({ id: x.body.id, coDefendant: false })]);

    // One group dispute found today, one dismissed as a false alarm (not a group).
    await t.db.ds.query(
      `INSERT INTO group_disputes (respondent_department_id, key_kind, key_label, first_on, last_on, member_count, state)
       VALUES ($1, 'project', '某片区棚改', $2, $2, 5, 'open'), ($1, 'project', '误报', $2, $2, 5, 'dismissed')`,
      [depts[0], today],
    );
    const after = await stats();
    // The termination closes an accepted case; a refusal never accepted one.
    expect(after).toMatchObject({ lawsuits: before.lawsuits + 2, coDefendant: before.coDefendant, closedCases: before.closedCases + 1, groupDisputes: before.groupDisputes + 1 });
  });

  describe('after review (tester #6, #7, #9, #15)', () => {
    const base = { title: '关于复核后续处置的风险提示', summary: '同类案件增多。', reasons: ['涉及多户'], suggestions: ['入户解释'], departmentIds: [] as number[] };
    const headInbox = async () => t.db.ds.query(
      `SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.role = 'office_head' AND n.kind = 'liaison_approval' ORDER BY n.id`);
    const viewed = async () => (await get('liaison', '/liaison/view?limit=200')).body;

    it('#9: PUT of a risk notice answers the notice as it now is, like the other writes (issue 11 item 5)', async () => {
      const id = (await post('liaison', '/liaison/risk-notices', { ...base, departmentIds: [depts[0]] })).body.id;
      const res = await put('liaison', `/liaison/risk-notices/${id}`, { ...base, departmentIds: [depts[1]], version: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, state: 'draft', version: 2, recipients: [{ departmentId: depts[1] }] });
      // 上传材料 is offered to the liaison officer until the notice is closed (issue 18: files on risk notices and letters).
      expect(res.body.allowedActions).toEqual([
        { action: 'edit', label: '修改' },
        { action: 'submit', label: '提交审批' },
        { action: 'upload_file', label: '上传材料' },
      ]);
      // The office head sees the same notice with nothing to do until it is submitted, then approve or reject.
      expect((await get('head', `/liaison/risk-notices/${id}`)).body.allowedActions).toEqual([]);
    });

    it('#6: PUT of a letter without recipientDepartmentId keeps the recipient it has', async () => {
      const caseId = await registered(depts[1]);
      const body = { problems: ['告知不充分'], recommendations: ['规范告知'] };
      const opinion = (await post('liaison', '/liaison/letters', { kind: 'opinion', caseId, recipientDepartmentId: depts[2], ...body })).body.id;
      expect((await put('liaison', `/liaison/letters/${opinion}`, { version: 1, ...body, problems: ['告知不充分，期限未写明'] })).body).toMatchObject({ version: 2 });
      expect((await get('liaison', `/liaison/letters/${opinion}`)).body).toMatchObject({ recipientDepartmentId: depts[2], problems: ['告知不充分，期限未写明'] });
      const standalone = (await post('liaison', '/liaison/letters', { kind: 'suggestion', recipientDepartmentId: depts[0], ...body })).body.id;
      expect((await put('liaison', `/liaison/letters/${standalone}`, { version: 1, ...body })).status).toBe(200);
      expect((await get('liaison', `/liaison/letters/${standalone}`)).body.recipientDepartmentId).toBe(depts[0]);
      expect((await put('liaison', `/liaison/letters/${standalone}`, { version: 2, ...body, recipientDepartmentId: depts[1] })).status).toBe(200);
      expect((await get('liaison', `/liaison/letters/${standalone}`)).body.recipientDepartmentId).toBe(depts[1]);
    });

    it('#7: the view lists every notice and letter someone must act on, with the next step; the head hears of each submission', async () => {
      const inboxBefore = (await headInbox()).length;
      const id = (await post('liaison', '/liaison/risk-notices', { ...base, title: '关于待审批事项的风险提示', departmentIds: [depts[0]] })).body.id;
      expect((await post('liaison', `/liaison/risk-notices/${id}/submit`, { version: 9 })).status).toBe(409);
      expect(await headInbox()).toHaveLength(inboxBefore); // a refused submission tells nobody (same transaction)
      expect((await post('liaison', `/liaison/risk-notices/${id}/submit`, { version: 1 })).body.state).toBe('submitted');
      const inbox = await headInbox();
      expect(inbox).toHaveLength(inboxBefore + 1);
      expect(inbox[inbox.length - 1].title).toContain('关于待审批事项的风险提示');
      const notice = async () => (await viewed()).notices.find((n: any) => n.id === id);
      expect(await notice()).toMatchObject({ state: 'submitted', nextStep: '审批（批准或退回）', waitingFor: '机构负责人' });
      await post('head', `/liaison/risk-notices/${id}/approve`, { version: 2 });
      expect(await notice()).toMatchObject({ state: 'approved', nextStep: '发送收函部门', waitingFor: '府院联络员' });
      await post('liaison', `/liaison/risk-notices/${id}/send`, { version: 3 });
      expect(await notice()).toMatchObject({ state: 'sent', waitingFor: '收函部门' });
      await post('liaison', `/liaison/risk-notices/${id}/response`, { version: 4, departmentId: depts[0], response: '已排查' });
      expect(await notice()).toMatchObject({ state: 'responded', nextStep: '办结', waitingFor: '府院联络员' });
      await post('liaison', `/liaison/risk-notices/${id}/close`, { version: 5 });
      expect(await notice()).toBeUndefined();

      const letter = (await post('liaison', '/liaison/letters', { kind: 'suggestion', recipientDepartmentId: depts[1], problems: ['问题'], recommendations: ['建议'] })).body.id;
      expect((await headInbox()).length).toBe(inboxBefore + 2); // the draft awaits the head's issue
      const inView = async () => (await viewed()).letters.find((l: any) => l.id === letter);
      expect(await inView()).toMatchObject({ state: 'draft', nextStep: '审批制发', waitingFor: '机构负责人' });
      await post('head', `/liaison/letters/${letter}/issue`, { version: 1 });
      expect(await inView()).toMatchObject({ state: 'issued', waitingFor: '府院联络员' });
      await post('liaison', `/liaison/letters/${letter}/receive`, { version: 2, receivedOn: today });
      expect(await inView()).toMatchObject({ state: 'received', waitingFor: '受文部门' });
      await post('liaison', `/liaison/letters/${letter}/feedback`, { version: 3, feedbackOn: today, feedback: '已整改', corrections: ['整改'] });
      expect(await inView()).toMatchObject({ state: 'feedback_received', nextStep: '办结', waitingFor: '府院联络员' });
    });

    it('#15: ?state= names the allowed states when it is not one of them', async () => {
      for (const [path, allowed] of [['/liaison/risk-notices', 'submitted（待审批）'], ['/liaison/letters', 'feedback_received（已反馈）']]) {
        const res = await get('liaison', `${path}?state=bogus`);
        expect(res.status).toBe(400);
        expect(res.body.fields).toEqual([expect.objectContaining({ field: 'state', message: expect.stringContaining(allowed) })]);
        expect((await get('liaison', `${path}?state=closed`)).status).toBe(200);
      }
    });
  });
});

