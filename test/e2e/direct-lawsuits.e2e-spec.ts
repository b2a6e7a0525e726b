import { randomUUID } from 'node:crypto';
import { CalendarService } from '@fuyi/clocks';
import { endOfShanghaiDay, shanghaiDate } from '@fuyi/kernel';
import { LiaisonNotifier, LiaisonScanner } from '@fuyi/liaison';
import { AuditService, UnitOfWork, type TimeSource } from '@fuyi/platform';
import { createTestApp, type TestApp } from '../support/test-app';

type Who = 'liaison' | 'head' | 'clerk' | 'admin';

/**
 * Issue 12 item 10 (行政应诉): suits against the district government or its departments recorded without a
 * reconsideration case, with the defendant's 15-day defence period (ALL 67, counted per CPL 85 through ALL 101),
 * reminders like the other liaison due dates, the head's appearance in court, and their place in the liaison stats.
 * Dates are counted by hand on the 2026 arrangement. Its own file: the calendar change at the end moves dates.
 */
describe('lawsuits without a reconsideration case (ALL 67)', () => {
  let t: TestApp;
  let tok: Record<Who, string>;
  let planning: number;
  let town: number;
  const today = shanghaiDate(new Date());
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tok = Object.fromEntries(await Promise.all((['liaison', 'head', 'clerk', 'admin'] as Who[]).map(async (n) => [n, await t.login(n)]))) as Record<Who, string>;
    [{ id: planning }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区规划和自然资源分局'`);
    [{ id: town }] = await t.db.ds.query(`SELECT id FROM departments WHERE kind = 'township_gov' ORDER BY id LIMIT 1`);
  });
  afterAll(() => t.close());

  const post = (who: Who, path: string, body: object) => t.http().post(path).set('authorization', `Bearer ${tok[who]}`).send(body);
  const get = (who: Who, path: string) => t.http().get(path).set('authorization', `Bearer ${tok[who]}`);
  const suit = (over: object = {}) => ({
    court: '北京市第三中级人民法院', courtCaseNumber: '（2026）京03行初456号', filedOn: '2026-09-21', plaintiffs: ['王某某', '李某某'],
    act: '房屋征收决定（通政征〔2026〕3号）', ...over,
  });

  it('records a suit against the district government itself: complaint received Tue 09-22, day 15 is 10-07 (National Day), so the defence is due Thu 10-08', async () => {
    const res = await post('liaison', '/liaison/lawsuits/direct', suit({ complaintReceivedOn: '2026-09-22' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ origin: 'direct', caseId: null, defendantDepartmentId: null, defendant: '区人民政府', defenceDue: '2026-10-08', defenceDueProvisional: false });
    ids.government = res.body.id;
    const detail = (await get('clerk', `/liaison/lawsuits/${ids.government}`)).body;
    expect(detail).toMatchObject({
      origin: 'direct', caseId: null, caseNumber: null, defendant: '区人民政府', plaintiffs: ['王某某', '李某某'], act: '房屋征收决定（通政征〔2026〕3号）',
      coDefendant: false, complaintReceivedOn: '2026-09-22', defenceDue: '2026-10-08', defenceSubmittedOn: null, defenceOverdue: true,
    });
    expect(detail.defenceDueExplanation.join('\n')).toContain('行政诉讼答辩期限');
  });

  it("a department's suit: the complaint copy recorded afterwards (Fri 11-20 + 15 = Sat 12-05, so Mon 12-07), the head in court, the defence on time, the judgment", async () => {
    const res = await post('liaison', '/liaison/lawsuits/direct', suit({ courtCaseNumber: '（2026）京0112行初900号', court: '北京市通州区人民法院', filedOn: '2026-11-18', defendantDepartmentId: planning, act: '责令限期拆除决定' }));
    expect(res.body).toMatchObject({ defendant: '区规划和自然资源分局', defenceDue: null });
    const id = (ids.planning = res.body.id);
    expect((await post('liaison', `/liaison/lawsuits/${id}/defence`, { version: 1, submittedOn: '2026-11-25' })).body.code).toBe('LIAISON_COMPLAINT_NOT_RECEIVED');
    const received = await post('liaison', `/liaison/lawsuits/${id}/complaint-received`, { version: 1, receivedOn: '2026-11-20' });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ version: 2, complaintReceivedOn: '2026-11-20', defenceDue: '2026-12-07', defenceDueProvisional: false });
    const heard = await post('liaison', `/liaison/lawsuits/${id}/hearings`, { version: 2, heldOn: today, kind: 'hearing', headAppeared: true, note: '分局局长出庭应诉' });
    expect(heard.body).toMatchObject({ version: 3, headAppeared: true });
    const defence = await post('liaison', `/liaison/lawsuits/${id}/defence`, { version: 3, submittedOn: '2026-12-04' });
    expect(defence.body).toMatchObject({ version: 4, defenceSubmittedOn: '2026-12-04', defenceDue: '2026-12-07', onTime: true });
    expect((await post('liaison', `/liaison/lawsuits/${id}/defence`, { version: 4, submittedOn: '2026-12-04' })).body.code).toBe('LIAISON_DEFENCE_SUBMITTED');
    expect((await post('liaison', `/liaison/lawsuits/${id}/complaint-received`, { version: 4, receivedOn: '2026-11-21' })).body.code).toBe('LIAISON_DEFENCE_SUBMITTED');
    const judged = await post('liaison', `/liaison/lawsuits/${id}/judgment`, { version: 4, kind: 'dismissed_claim', on: today, summary: '驳回原告诉讼请求' });
    expect(judged.status).toBe(200);
  });

  it.each([
    ['a street/town government as defendant', () => suit({ courtCaseNumber: 'x1', defendantDepartmentId: town }), 400, 'LIAISON_DEFENDANT_NOT_DISTRICT', 'defendantDepartmentId'],
    ['an unknown department', () => suit({ courtCaseNumber: 'x2', defendantDepartmentId: 999_999 }), 400, 'LIAISON_UNKNOWN_DEPARTMENT', 'defendantDepartmentId'],
    ['a complaint copy before the filing', () => suit({ courtCaseNumber: 'x3', complaintReceivedOn: '2026-09-20' }), 400, 'LIAISON_INVALID_INPUT', 'complaintReceivedOn'],
    ['a filing in the future', () => suit({ courtCaseNumber: 'x4', filedOn: '2099-01-04' }), 400, 'LIAISON_INVALID_INPUT', 'filedOn'],
    ['an ID number among the plaintiffs', () => suit({ courtCaseNumber: 'x5', plaintiffs: ['王某某110101199003070038'] }), 400, 'PERSONAL_DATA_NOT_ALLOWED', 'plaintiffs'],
    ['no act sued', () => suit({ courtCaseNumber: 'x6', act: undefined }), 400, 'VALIDATION_FAILED', 'act'],
    ['a case number twice', () => suit(), 409, 'LIAISON_LAWSUIT_DUPLICATE', undefined],
  ])('refuses %s', async (_, body, status, code, field) => {
    const res = await post('liaison', '/liaison/lawsuits/direct', body());
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    if (field) expect(res.body.fields.map((f: any) => f.field)).toContain(field);
  });

  it('refuses other roles, stale versions and unknown suits', async () => {
    expect((await post('clerk', '/liaison/lawsuits/direct', suit({ courtCaseNumber: 'x7' }))).status).toBe(403);
    expect((await post('liaison', `/liaison/lawsuits/${ids.government}/complaint-received`, { version: 9, receivedOn: '2026-09-23' })).body.code).toBe('LIAISON_LAWSUIT_VERSION_CONFLICT');
    expect((await post('liaison', `/liaison/lawsuits/${randomUUID()}/defence`, { version: 1, submittedOn: today })).body.code).toBe('LIAISON_LAWSUIT_NOT_FOUND');
    expect((await post('liaison', `/liaison/lawsuits/${ids.government}/defence`, { version: 1, submittedOn: '2026-09-21' })).body).toMatchObject({ code: 'LIAISON_INVALID_INPUT', fields: [{ field: 'submittedOn' }] });
  });

  it('reminds the liaison officers of a defence coming due and escalates a missed one to the office head, once', async () => {
    let now = new Date();
    const scanner = new LiaisonScanner(new UnitOfWork(t.db.ds), t.app.get(CalendarService), { now: () => now } as TimeSource, t.app.get(AuditService), t.app.get(LiaisonNotifier));
    const notes = async (kind: string) => t.db.ds.query(
      `SELECT u.role, n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = $1 AND n.body LIKE '%答辩%' ORDER BY u.role`, [kind]);
    // Received Fri 11-27: day 15 is Sat 12-12, due Mon 12-14; 3 working days before is Wed 12-09.
    const soon = await post('liaison', '/liaison/lawsuits/direct', suit({ courtCaseNumber: '（2026）京03行初500号', filedOn: '2026-11-26', complaintReceivedOn: '2026-11-27' }));
    expect(soon.body.defenceDue).toBe('2026-12-14');
    ids.soon = soon.body.id;
    now = new Date(endOfShanghaiDay('2026-12-09').getTime() - 1000);
    await scanner.scan();
    const reminded = await notes('liaison_reminder');
    expect(reminded.map((n: any) => n.role)).toEqual(['liaison_officer']);
    expect(reminded[0].body).toContain('（2026）京03行初500号（被告：区人民政府）');
    expect(reminded[0].body).toContain('2026-12-14');

    now = new Date(); // the first suit's defence (due 10-08) was never submitted
    await Promise.all([scanner.scan(), scanner.scan()]);
    await scanner.scan();
    const escalated = await notes('liaison_escalation');
    expect(escalated.map((n: any) => n.role)).toEqual(['liaison_officer', 'office_head']);
    expect(escalated[0].title).toBe('逾期未答辩：行政诉讼（2026）京03行初456号（被告：区人民政府）');
  });

  it('shows the suits in the liaison view and counts them in the stats (the district government on its own line)', async () => {
    const view = (await get('liaison', '/liaison/view')).body;
    expect(view.casesInCourt).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: ids.government, origin: 'direct', caseId: null, defendant: '区人民政府', defenceDue: '2026-10-08', defenceOverdue: true }),
    ]));
    const stats = (await get('head', `/liaison/stats?from=2026-09-01&to=${today}`)).body;
    const government = stats.departments.find((d: any) => d.departmentId === null);
    expect(government).toMatchObject({ department: '区人民政府', lawsuits: 2, directLawsuits: 2, defencesLate: 1, defencesOnTime: 0 });
    expect(stats.departments.find((d: any) => d.departmentId === planning)).toMatchObject({
      lawsuits: 1, directLawsuits: 1, defencesOnTime: 1, heard: 1, headAppeared: 1, judged: 1,
    });
    expect(stats.total).toMatchObject({ lawsuits: 3, directLawsuits: 3, defencesOnTime: 1, defencesLate: 1, headAppeared: 1, headAppearanceRate: 1 });
  });

  it('a calendar change moves an open defence due date (closure on Mon 12-14: due Tue 12-15)', async () => {
    const res = await t.http().put('/calendar/days/2026-12-14').set('authorization', `Bearer ${tok.admin}`)
      .send({ date: '2026-12-14', kind: 'closure', name: '临时停止办公', reason: '区政府通知' });
    expect(res.status).toBe(200);
    expect((await get('liaison', `/liaison/lawsuits/${ids.soon}`)).body).toMatchObject({ defenceDue: '2026-12-15' });
    expect((await get('liaison', `/liaison/lawsuits/${ids.government}`)).body.defenceDue).toBe('2026-10-08'); // outside the change
    const [audit] = await t.db.ds.query(`SELECT summary FROM audit_log WHERE action = 'liaison.due.recompute' ORDER BY seq DESC LIMIT 1`);
    expect(audit.summary.lawsuits).toEqual([ids.soon]);
  });
});
