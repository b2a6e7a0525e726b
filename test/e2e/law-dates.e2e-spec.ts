import { addDays, Role, type Actor } from '@fuyi/kernel';
import { computeDeadline, packagedCalendar } from '@fuyi/deadlines';
import { AcceptanceService, DeadlineEffectsService, ParticipationService } from '@fuyi/cases';
import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

type Who = 'clerk' | 'head' | 'zhongcang';

/**
 * Issue 12 items 2, 3 and 13 through HTTP, with the follow-ups on suspension and termination: conversion keeps the
 * suspensions and is refused once the simplified period ran out; an extension only while the period runs, with its
 * request and approval dates; review decisions and approvals carry their real date; a deemed acceptance is not a
 * missed review. Each refusal: status, stable code, Chinese message, nothing written.
 */
describe('law dates: conversion, extension, dates entered afterwards', () => {
  let t: TestApp;
  const tokens = {} as Record<Who, string>;
  let respondentId: number;
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const ago = (n: number) => addDays(today(), -n);

  beforeAll(async () => {
    t = await createTestApp();
    for (const who of ['clerk', 'head', 'zhongcang'] as const) tokens[who] = await t.login(who);
    [{ id: respondentId }] = await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 1');
  });
  afterAll(() => t.close());

  const post = (caseId: string, path: string, who: Who, body: object) =>
    t.http().post(`/cases/${caseId}/${path}`).set('authorization', `Bearer ${tokens[who]}`).send(body);
  const version = async (caseId: string) => (await t.db.ds.query('SELECT version FROM cases WHERE id = $1', [caseId]))[0].version as number;
  const clock = async (caseId: string, rule: string) =>
    (await t.db.ds.query(`SELECT * FROM case_clocks WHERE case_id = $1 AND rule = $2 ORDER BY start_date DESC, updated_at DESC LIMIT 1`, [caseId, rule]))[0];
  /** An application received `daysAgo` days ago at the 中仓 counter (act known two days before). */
  const received = async (daysAgo: number) => {
    const act = { type: '行政处罚决定', documentNumber: '京通公（治）决字〔2026〕第101号', date: ago(daysAgo + 3), knownDate: ago(daysAgo + 2) };
    const reg = await t.http().post('/applications').set('authorization', `Bearer ${tokens.zhongcang}`)
      .send(applicationBody(respondentId, { receivedAt: `${ago(daysAgo)}T09:30:00+08:00`, act }));
    expect(reg.status).toBe(201);
    return reg.body.caseId as string;
  };
  const accepted = async (daysAgo: number, procedure: 'ordinary' | 'simplified' = 'ordinary') => {
    const id = await received(daysAgo + 1);
    const res = await post(id, 'acceptance-review', 'clerk', {
      outcome: 'accept', version: 1, procedure, decidedOn: ago(daysAgo), ...(procedure === 'simplified' ? { simplifiedReason: '事实清楚、权利义务关系明确、争议不大，罚款2000元' } : {}),
    });
    expect(res.status).toBe(200);
    return id;
  };

  it('item 1: POST /deadlines/compute counts the suspended days onto day N and rolls forward once', async () => {
    const compute = (body: object) => t.http().post('/deadlines/compute').set('authorization', `Bearer ${tokens.clerk}`).send(body);
    // Accepted 03-02, day 60 = Fri 05-01 (Labour Day); suspended 03-10..03-16 (7 days): 05-01 + 7 = Fri 05-08.
    const a = await compute({ rule: 'decision', from: '2026-03-02', suspensions: [{ from: '2026-03-10', to: '2026-03-17' }] });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ due: '2026-05-08', suspendedDays: 7 });
    // Accepted 10-13, day 60 = Sat 12-12; mediation 12-01..12-04 (4 days): Wed 12-16.
    const b = await compute({ rule: 'decision', from: '2026-10-13', suspensions: [{ from: '2026-12-01', to: '2026-12-05' }] });
    expect(b.body).toMatchObject({ due: '2026-12-16' });
  });

  describe('item 13: review decisions carry their real date', () => {
    it('an acceptance entered afterwards is dated as decided: accepted_on, the review clock and the new clocks agree', async () => {
      const id = await received(10);
      const res = await post(id, 'acceptance-review', 'clerk', { outcome: 'accept', version: 1, procedure: 'ordinary', decidedOn: ago(8) });
      expect(res.status).toBe(200);
      const [c] = await t.db.ds.query('SELECT accepted_on FROM cases WHERE id = $1', [id]);
      expect(c.accepted_on).toBe(ago(8));
      expect(await clock(id, 'acceptance-review')).toMatchObject({ status: 'met', closed_on: ago(8) });
      expect(await clock(id, 'decision')).toMatchObject({ start_date: ago(8), status: 'running' });
      expect(await clock(id, 'copy-to-respondent')).toMatchObject({ start_date: ago(8) });
    });

    it('an acceptance recorded after the review period dates the acceptance and the new clocks on its last day (ARL 30(3))', async () => {
      const id = await received(20);
      const reviewDue = (await clock(id, 'acceptance-review')).due_date as string;
      expect(reviewDue < ago(5)).toBe(true);
      const res = await post(id, 'acceptance-review', 'clerk', { outcome: 'accept', version: 1, procedure: 'ordinary', decidedOn: ago(5) });
      expect(res.status).toBe(200);
      const [c] = await t.db.ds.query('SELECT accepted_on, review_outcome FROM cases WHERE id = $1', [id]);
      expect(c).toMatchObject({ accepted_on: reviewDue, review_outcome: { outcome: 'accept', deemedAcceptedOn: reviewDue, decidedOn: ago(5) } });
      expect(await clock(id, 'acceptance-review')).toMatchObject({ status: 'met', closed_on: reviewDue });
      const decision = await clock(id, 'decision');
      expect(decision).toMatchObject({ start_date: reviewDue, status: 'running' });
      expect(decision.due_date).toBe(computeDeadline({ rule: 'decision', start: reviewDue }, packagedCalendar()).due);
      expect(await clock(id, 'copy-to-respondent')).toMatchObject({ start_date: reviewDue });
      const [e] = await t.db.ds.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'accept'`, [id]);
      expect(e.data).toMatchObject({ deemedAcceptedOn: reviewDue, decidedOn: ago(5) });
    });

    it('refuses a date before the receipt or in the future (400), and a refusal or correction notice after the review period (409)', async () => {
      const id = await received(20);
      const before = await post(id, 'acceptance-review', 'clerk', { outcome: 'accept', version: 1, procedure: 'ordinary', decidedOn: ago(21) });
      expect(before.status).toBe(400);
      expect(before.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: `日期不能早于收到申请之日（${ago(20)}）`, fields: [{ field: 'decidedOn' }] });
      const future = await post(id, 'acceptance-review', 'clerk', { outcome: 'accept', version: 1, procedure: 'ordinary', decidedOn: addDays(today(), 1) });
      expect(future.status).toBe(400);
      expect(future.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: '日期不能晚于今天' });

      const reviewDue = (await clock(id, 'acceptance-review')).due_date as string;
      const late = await post(id, 'acceptance-review', 'clerk', { outcome: 'refuse', version: 1, reason: '不属于行政复议范围' });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({
        code: 'CASE_REVIEW_PERIOD_EXPIRED',
        message: `受理审查期限已于${reviewDue}届满，逾期未作出不予受理决定的视为受理（《行政复议法》第三十条），不能再决定不予受理`,
      });
      const noticeDue = (await clock(id, 'correction-notice')).due_date as string;
      const lateNotice = await post(id, 'acceptance-review', 'clerk', { outcome: 'request_correction', version: 1, items: ['申请书未签名'] });
      expect(lateNotice.status).toBe(409);
      expect(lateNotice.body).toMatchObject({
        code: 'CASE_CORRECTION_NOTICE_EXPIRED', message: `补正通知应自收到申请之日起五日内发出（《行政复议法》第三十一条），期限已于${noticeDue}届满`,
      });
      expect(await version(id)).toBe(1); // nothing written
      // The paper refusal, made within the period and entered now, is recorded with its date.
      const paper = await post(id, 'acceptance-review', 'clerk', { outcome: 'refuse', version: 1, reason: '不属于行政复议范围', decidedOn: ago(19) });
      expect(paper.status).toBe(200);
      expect(await clock(id, 'acceptance-review')).toMatchObject({ status: 'met', closed_on: ago(19) });
    });

    it('follow-up e: the correction is notified once (ARL 31)', async () => {
      const id = await received(1);
      expect((await post(id, 'acceptance-review', 'clerk', { outcome: 'request_correction', version: 1, items: ['申请书未签名'] })).status).toBe(200);
      expect((await post(id, 'correction-received', 'clerk', { version: 2 })).status).toBe(200);
      const again = await post(id, 'acceptance-review', 'clerk', { outcome: 'request_correction', version: 3, items: ['缺少身份证明'] });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'CASE_CORRECTION_ALREADY_NOTIFIED', message: '补正通知应一次性载明需要补正的事项（《行政复议法》第三十一条），本案已通知过补正，不能再次要求补正',
      });
      expect(await version(id)).toBe(3);
    });

    it('a deemed acceptance closes the review clock on its due date, not as missed', async () => {
      const id = await received(20);
      const review = await clock(id, 'acceptance-review');
      expect(await t.app.get(DeadlineEffectsService).apply(review.id, 'deemed-accepted')).toBe('done');
      expect(await clock(id, 'acceptance-review')).toMatchObject({ status: 'met', closed_on: review.due_date });
      const [c] = await t.db.ds.query('SELECT state, accepted_on FROM cases WHERE id = $1', [id]);
      expect(c).toMatchObject({ state: 'accepted', accepted_on: review.due_date });
    });
  });

  describe('item 2: conversion simplified → ordinary', () => {
    it('keeps the suspensions recorded on the simplified clock', async () => {
      const id = await accepted(12, 'simplified');
      expect((await post(id, 'suspend', 'clerk', { version: 2, ground: 8, from: ago(10), reason: '需以另案审理结果为依据' })).status).toBe(200);
      expect((await post(id, 'resume', 'clerk', { version: 3, on: ago(4) })).status).toBe(200);
      const simplified = await clock(id, 'decision-simplified');
      expect(simplified.suspensions).toEqual([{ from: ago(10), to: ago(4) }]);
      const converted = await post(id, 'convert-to-ordinary', 'head', { version: 4, reason: '案情复杂，不宜适用简易程序' });
      expect(converted.status).toBe(200);
      const decision = await clock(id, 'decision');
      expect(decision).toMatchObject({ start_date: ago(12), status: 'running', suspensions: [{ from: ago(10), to: ago(4) }] });
      const expected = computeDeadline({ rule: 'decision', start: ago(12), suspensions: [{ from: ago(10), to: ago(4) }] }, packagedCalendar()).due;
      expect(converted.body.decisionDue).toBe(expected);
      expect(decision.due_date).toBe(expected);
      expect(expected > computeDeadline({ rule: 'decision', start: ago(12) }, packagedCalendar()).due).toBe(true);
    });

    it('is refused once the simplified period has run out (409), allowed with a paper approval dated within it', async () => {
      const id = await accepted(45, 'simplified');
      const due = (await clock(id, 'decision-simplified')).due_date as string;
      const refused = await post(id, 'convert-to-ordinary', 'head', { version: 2, reason: '案情复杂，不宜适用简易程序' });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'CASE_SIMPLIFIED_PERIOD_EXPIRED', message: `简易程序审理期限已于${due}届满，不能再转为普通程序（《行政复议法》第五十五条、第六十二条第二款）`,
      });
      expect(await version(id)).toBe(2);
      const paper = await post(id, 'convert-to-ordinary', 'head', { version: 2, reason: '案情复杂，不宜适用简易程序', approvedOn: ago(40) });
      expect(paper.status).toBe(200);
      expect(await clock(id, 'decision-simplified')).toMatchObject({ status: 'cancelled', closed_on: ago(40) });
    });
  });

  describe('item 3: an extension only while the period runs (ARL 62)', () => {
    it('refuses a request or an approval after the due date; records requestedOn and approvedOn', async () => {
      const id = await accepted(70);
      const due = (await clock(id, 'decision')).due_date as string;
      expect(due < today()).toBe(true);
      const lateRequest = await post(id, 'extension-request', 'clerk', { version: 2, days: 30, reason: '案情复杂，需补充调查' });
      expect(lateRequest.status).toBe(409);
      expect(lateRequest.body).toMatchObject({
        code: 'CASE_EXTENSION_PERIOD_EXPIRED', message: `审理期限已于${due}届满，不能再申请延长（《行政复议法》第六十二条：延长须在规定期限内批准）`,
      });
      const requested = await post(id, 'extension-request', 'clerk', { version: 2, days: 30, reason: '案情复杂，需补充调查', requestedOn: ago(20) });
      expect(requested.status).toBe(200);

      const lateApproval = await post(id, 'extend', 'head', { version: 3 });
      expect(lateApproval.status).toBe(409);
      expect(lateApproval.body).toMatchObject({
        code: 'CASE_EXTENSION_PERIOD_EXPIRED', message: `审理期限已于${due}届满，不能再批准延长（《行政复议法》第六十二条：延长须在规定期限内批准）`,
      });
      const beforeRequest = await post(id, 'extend', 'head', { version: 3, approvedOn: ago(21) });
      expect(beforeRequest.status).toBe(400);
      expect(beforeRequest.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: `日期不能早于延长申请日期（${ago(20)}）`, fields: [{ field: 'approvedOn' }] });
      expect(await version(id)).toBe(3);

      const approved = await post(id, 'extend', 'head', { version: 3, approvedOn: ago(19) });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ approvedOn: ago(19) });
      expect(await clock(id, 'decision')).toMatchObject({ extension_days: 30 });
      const [r] = await t.db.ds.query(`SELECT status, payload FROM case_approval_requests WHERE case_id = $1`, [id]);
      expect(r).toMatchObject({ status: 'approved', payload: { requestedOn: ago(20), approvedOn: ago(19) } });
    });
  });

  describe('follow-up b: a posted application is made on its postmark date (CPL 85 via ARL 88)', () => {
    it('the ARL 20 period is met by the postmark, not the later receipt; a postmark elsewhere is refused', async () => {
      const act = { type: '行政处罚决定', date: ago(72), knownDate: ago(70) }; // day 60 = ago(10)
      const send = (extra: object) => t.http().post('/applications').set('authorization', `Bearer ${tokens.zhongcang}`)
        .send(applicationBody(respondentId, { act, receivedAt: `${today()}T00:00:00+08:00`, ...extra })); // midnight: never in the future, whatever the hour of the run
      const posted = await send({ channel: 'post', postmarkedOn: ago(12) });
      expect(posted.status).toBe(201);
      expect(await clock(posted.body.caseId, 'application')).toMatchObject({ status: 'met', closed_on: ago(12) });
      expect(await clock(posted.body.caseId, 'acceptance-review')).toMatchObject({ start_date: today() }); // review runs from receipt
      const unstamped = await send({ channel: 'post' });
      expect(await clock(unstamped.body.caseId, 'application')).toMatchObject({ status: 'missed', closed_on: today() });
      const counter = await send({ channel: 'counter', postmarkedOn: ago(12) });
      expect(counter.status).toBe(400);
      expect(counter.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: '只有邮寄提交的申请才有邮戳日期', fields: [{ field: 'postmarkedOn' }] });
      const afterReceipt = await send({ channel: 'post', postmarkedOn: addDays(today(), 1) });
      expect(afterReceipt.status).toBe(400);
    });
  });

  describe('follow-up d: ARL 70, no reply in time', () => {
    it('uphold, reject or change is refused after the respondent missed its reply, unless a third party provided evidence', async () => {
      const id = await accepted(30);
      expect((await post(id, 'copy-sent', 'clerk', { version: 2, sentOn: ago(29), method: 'direct', receivedOn: ago(29) })).status).toBe(200);
      const replyDue = (await clock(id, 'respondent-reply')).due_date as string;
      expect((await post(id, 'hearing-waivers', 'clerk', { version: 3, kind: 'listening', reason: '申请人拒绝陈述意见，书面审理' })).status).toBe(200);
      const uphold = { version: 4, type: 'uphold', summary: '被申请人认定事实清楚，决定维持。' };
      const refused = await post(id, 'decision', 'clerk', uphold);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'CASE_REPLY_MISSED',
        message: `被申请人未在期限（${replyDue}）内提出书面答复、提交证据和依据，视为该行政行为没有证据、依据，不能作出维持决定（《行政复议法》第七十条）；行政行为涉及第三人合法权益且第三人提供证据的，请记录第三人提供的证据`,
      });
      // Without a third party on the case, the exception cannot apply even if claimed.
      expect((await post(id, 'decision', 'clerk', { ...uphold, thirdPartyEvidence: '第三人提交了现场照片' })).body.code).toBe('CASE_REPLY_MISSED');
      // ARL 70 lists what the body decides then; 变更 is not among them.
      const change = await post(id, 'decision', 'clerk', { version: 4, type: 'change', summary: '变更罚款金额为500元。' });
      expect(change.status).toBe(409);
      expect(change.body).toMatchObject({
        code: 'CASE_REPLY_MISSED',
        message: `被申请人未在期限（${replyDue}）内提出书面答复、提交证据和依据，视为该行政行为没有证据、依据，不能作出变更决定（《行政复议法》第七十条）；行政行为涉及第三人合法权益且第三人提供证据的，请记录第三人提供的证据`,
      });
      expect(await version(id)).toBe(4);
      const revoke = { version: 4, type: 'revoke', summary: '被申请人未按期答复，视为没有证据、依据，决定撤销。' };
      // Item 13: the paper submission carries its date, never before acceptance nor in the future.
      const beforeAcceptance = await post(id, 'decision', 'clerk', { ...revoke, submittedOn: ago(31) });
      expect(beforeAcceptance.status).toBe(400);
      expect(beforeAcceptance.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: `日期不能早于受理日期（${ago(30)}）`, fields: [{ field: 'submittedOn' }] });
      const future = await post(id, 'decision', 'clerk', { ...revoke, submittedOn: addDays(today(), 1) });
      expect(future.status).toBe(400);
      expect(future.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: '日期不能晚于今天', fields: [{ field: 'submittedOn' }] });
      expect(await version(id)).toBe(4);
      // Revocation is what the law then gives (ARL 70).
      expect((await post(id, 'decision', 'clerk', { ...revoke, submittedOn: ago(3) })).status).toBe(200);

      // Item 13: the head's paper approval, entered afterwards, carries its date (never before the submission).
      const early = await post(id, 'decision/approve', 'head', { version: 5, approvedOn: ago(4) });
      expect(early.status).toBe(400);
      expect(early.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: `日期不能早于决定提交日期（${ago(3)}）`, fields: [{ field: 'approvedOn' }] });
      expect(await version(id)).toBe(5);
      expect((await clock(id, 'decision')).status).toBe('running');
      expect((await post(id, 'decision/approve', 'head', { version: 5, approvedOn: ago(2) })).status).toBe(200);
      expect(await clock(id, 'decision')).toMatchObject({ status: 'met', closed_on: ago(2) });
      const [c] = await t.db.ds.query('SELECT decision FROM cases WHERE id = $1', [id]);
      expect(c.decision.decidedOn).toBe(ago(2));
    });
  });

  describe('follow-up d: the ARL 70 exception', () => {
    it('a third party on the case whose evidence is recorded lets the body change the act after a missed reply', async () => {
      const id = await accepted(30);
      expect((await post(id, 'copy-sent', 'clerk', { version: 2, sentOn: ago(29), method: 'direct', receivedOn: ago(29) })).status).toBe(200);
      const party = await post(id, 'parties', 'clerk', { version: 3, role: 'third_party', party: { kind: 'person', name: '李四', idNumber: validIdNumber('19700101') } });
      expect(party.status).toBe(200);
      expect((await post(id, 'hearing-waivers', 'clerk', { version: 4, kind: 'listening', reason: '申请人拒绝陈述意见，书面审理' })).status).toBe(200);
      // The evidence note is free text kept with the decision: no ID numbers or phones in it.
      const personal = await post(id, 'decision', 'clerk', { version: 5, type: 'change', summary: '变更罚款金额为500元。', thirdPartyEvidence: '第三人（电话13800138000）提交了现场照片' });
      expect(personal.status).toBe(400);
      expect(personal.body).toMatchObject({ code: 'PERSONAL_DATA_NOT_ALLOWED', fields: [{ field: 'thirdPartyEvidence', message: '不得填写身份证号、电话号码等个人信息' }] });
      expect(JSON.stringify(personal.body)).not.toContain('13800138000');
      expect(await version(id)).toBe(5);
      const change = await post(id, 'decision', 'clerk', { version: 5, type: 'change', summary: '变更罚款金额为500元。', thirdPartyEvidence: '第三人提交了现场照片和证人证言' });
      expect(change.status).toBe(200);
    });
  });

  describe('follow-up 6: out of scope is 404 before any date guard (the services, behind the HTTP gate)', () => {
    it('a clerk of another township learns neither the review due date nor the hearing day', async () => {
      const [{ township_id: own }] = await t.db.ds.query(`SELECT township_id FROM users WHERE username = 'zhongcang'`);
      const [{ id: other }] = await t.db.ds.query('SELECT id FROM townships WHERE id <> $1 ORDER BY id LIMIT 1', [own]);
      const stranger: Actor = { userId: '00000000-0000-4000-8000-000000000001', username: 'stranger', role: Role.TownshipClerk, townshipId: other };
      const late = await received(20);
      const refuse = t.db.ds.transaction((m) => t.app.get(AcceptanceService).decide(m, stranger, late, { outcome: 'refuse', version: 1, reason: '不属于行政复议范围' }));
      await expect(refuse).rejects.toMatchObject({ code: 'CASE_NOT_FOUND', message: '案件不存在或无权查看' });
      const id = await accepted(3);
      const hearing = await post(id, 'hearings', 'clerk', { version: 2, kind: 'listening', heldOn: addDays(today(), 3), place: '复议接待室' });
      const minutes = t.db.ds.transaction((m) => t.app.get(ParticipationService).recordMinutes(m, stranger, id, hearing.body.hearingId, { version: 3, minutes: '申请人陈述了意见。' }));
      await expect(minutes).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
      expect(await version(late)).toBe(1);
      expect(await version(id)).toBe(3);
    });
  });

  describe('follow-up f: minutes only for a hearing that took place', () => {
    it('refuses minutes for a hearing set for a later day (409), takes them on the day', async () => {
      const id = await accepted(3);
      const later = await post(id, 'hearings', 'clerk', { version: 2, kind: 'listening', heldOn: addDays(today(), 3), place: '复议接待室' });
      expect(later.status).toBe(200);
      const early = await post(id, `hearings/${later.body.hearingId}/minutes`, 'clerk', { version: 3, minutes: '申请人陈述了意见。' });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'HEARING_NOT_YET_HELD', message: `该听证（听取意见）定于${addDays(today(), 3)}举行，尚未举行，不能记录笔录` });
      expect(await version(id)).toBe(3);
      const now = await post(id, 'hearings', 'clerk', { version: 3, kind: 'listening', heldOn: today(), place: '复议接待室' });
      expect((await post(id, `hearings/${now.body.hearingId}/minutes`, 'clerk', { version: 4, minutes: '申请人陈述了意见。' })).status).toBe(200);
    });
  });

  describe('follow-ups a and c: suspension after the period, termination at the suspension cap', () => {
    it('c: a suspension after the decision period ended is recorded (ARL 39: while the case is pending), leaves the due date and warns', async () => {
      const id = await accepted(70);
      const before = await clock(id, 'decision');
      expect(before.due_date < ago(3)).toBe(true);
      const res = await post(id, 'suspend', 'clerk', { version: 2, ground: 1, from: ago(3), reason: '申请人死亡，近亲属尚未确定是否参加' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        state: 'suspended', version: 3, decisionDue: before.due_date,
        warning: { code: 'CASE_SUSPENDED_AFTER_PERIOD', message: `审理期限已于${before.due_date}届满，中止已记录，但不延长已届满的审理期限（本案已逾期）` },
      });
      const after = await clock(id, 'decision');
      expect(after).toMatchObject({ status: 'paused', due_date: before.due_date, suspensions: [{ from: ago(3) }] });
      expect(JSON.stringify(after.explanation)).toContain('开始于期限届满之后，不影响本期限');
      // ARL 41(1)(5): the 60-day cap runs from the suspension all the same.
      expect(await clock(id, 'suspension-cap')).toMatchObject({ status: 'running', start_date: ago(3) });
      // Resumption gives nothing back either.
      const resumed = await post(id, 'resume', 'clerk', { version: 3, on: today() });
      expect(resumed.status).toBe(200);
      expect(resumed.body.decisionDue).toBe(before.due_date);
    });

    it('a: ARL 41(1)(5) termination needs a suspension on ground 1, 2 or 4 that has lasted 60 days', async () => {
      const id = await accepted(3);
      const none = await post(id, 'termination-request', 'clerk', { version: 2, ground: 5, reason: '中止满六十日，原因仍未消除' });
      expect(none.status).toBe(409);
      expect(none.body).toMatchObject({ code: 'CASE_TERMINATION_GROUND_NOT_MET', message: '依《行政复议法》第四十一条第一款第五项终止，须本案正因第三十九条第一款第一、二、四项中止且已满六十日' });
      expect((await post(id, 'suspend', 'clerk', { version: 2, ground: 3, from: ago(2), reason: '申请人下落不明' })).status).toBe(200);
      const wrongGround = await post(id, 'termination-request', 'clerk', { version: 3, ground: 5, reason: '中止满六十日，原因仍未消除' });
      expect(wrongGround.body.code).toBe('CASE_TERMINATION_GROUND_NOT_MET');
      expect(await version(id)).toBe(3);

      // Suspended on ground 1 (the applicant died, heirs undecided) 70 days ago: the 60 days are over.
      const capped = await accepted(75);
      expect((await post(capped, 'suspend', 'clerk', { version: 2, ground: 1, from: ago(70), reason: '申请人死亡，近亲属尚未确定是否参加' })).status).toBe(200);
      const ok = await post(capped, 'termination-request', 'clerk', { version: 3, ground: 5, reason: '中止满六十日，原因仍未消除' });
      expect(ok.status).toBe(200);
      // Item 13: the head's approval is never dated before the handler's request.
      const early = await post(capped, 'terminate', 'head', { version: 4, approvedOn: ago(1) });
      expect(early.status).toBe(400);
      expect(early.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: `日期不能早于终止申请日期（${today()}）`, fields: [{ field: 'approvedOn' }] });
      expect((await post(capped, 'terminate', 'head', { version: 4, approvedOn: today() })).status).toBe(200);
      const [c] = await t.db.ds.query('SELECT state, closure FROM cases WHERE id = $1', [capped]);
      expect(c).toMatchObject({ state: 'terminated', closure: { ground: 5, on: today() } });
    });

    it('item 13: a termination request carries its date (requestedOn), bounded by acceptance and today; the approval by the request', async () => {
      const id = await accepted(75);
      expect((await post(id, 'suspend', 'clerk', { version: 2, ground: 1, from: ago(70), reason: '申请人死亡，近亲属尚未确定是否参加' })).status).toBe(200);
      const capDue = (await clock(id, 'suspension-cap')).due_date as string;
      const body = { version: 3, ground: 5, reason: '中止满六十日，原因仍未消除' };
      const beforeAcceptance = await post(id, 'termination-request', 'clerk', { ...body, requestedOn: ago(76) });
      expect(beforeAcceptance.status).toBe(400);
      expect(beforeAcceptance.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: `日期不能早于受理日期（${ago(75)}）`, fields: [{ field: 'requestedOn' }] });
      const future = await post(id, 'termination-request', 'clerk', { ...body, requestedOn: addDays(today(), 1) });
      expect(future.status).toBe(400);
      expect(future.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: '日期不能晚于今天', fields: [{ field: 'requestedOn' }] });
      // ARL 41(1)(5) as of the request's own date: not yet 60 days then.
      const tooEarly = await post(id, 'termination-request', 'clerk', { ...body, requestedOn: capDue });
      expect(tooEarly.status).toBe(409);
      expect(tooEarly.body).toMatchObject({ code: 'CASE_TERMINATION_GROUND_NOT_MET', message: `因第三十九条第一款第一、二、四项中止尚未满六十日（${capDue}届满），不能依第四十一条第一款第五项终止` });
      expect(await version(id)).toBe(3);
      expect(await t.db.ds.query('SELECT 1 FROM case_approval_requests WHERE case_id = $1', [id])).toEqual([]);

      const requested = await post(id, 'termination-request', 'clerk', { ...body, requestedOn: ago(5) });
      expect(requested.status).toBe(200);
      const early = await post(id, 'terminate', 'head', { version: 4, approvedOn: ago(6) });
      expect(early.status).toBe(400);
      expect(early.body).toMatchObject({ code: 'CASE_INVALID_INPUT', message: `日期不能早于终止申请日期（${ago(5)}）`, fields: [{ field: 'approvedOn' }] });
      expect(await version(id)).toBe(4);
      expect((await post(id, 'terminate', 'head', { version: 4, approvedOn: ago(5) })).status).toBe(200);
      const [r] = await t.db.ds.query(`SELECT status, payload FROM case_approval_requests WHERE case_id = $1`, [id]);
      expect(r).toMatchObject({ status: 'approved', payload: { requestedOn: ago(5), approvedOn: ago(5) } });
    });

    it('a: the ground-5 termination is checked again at approval: refused (409) once the case has resumed', async () => {
      const id = await accepted(75);
      expect((await post(id, 'suspend', 'clerk', { version: 2, ground: 1, from: ago(70), reason: '申请人死亡，近亲属尚未确定是否参加' })).status).toBe(200);
      expect((await post(id, 'termination-request', 'clerk', { version: 3, ground: 5, reason: '中止满六十日，原因仍未消除' })).status).toBe(200);
      expect((await post(id, 'resume', 'clerk', { version: 4 })).status).toBe(200);
      const refused = await post(id, 'terminate', 'head', { version: 5 });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'CASE_TERMINATION_GROUND_NOT_MET', message: '依《行政复议法》第四十一条第一款第五项终止，须本案正因第三十九条第一款第一、二、四项中止且已满六十日' });
      expect(await version(id)).toBe(5); // nothing written
      const [c] = await t.db.ds.query('SELECT state, closure FROM cases WHERE id = $1', [id]);
      expect(c).toMatchObject({ state: 'accepted', closure: null });
      const [r] = await t.db.ds.query(`SELECT status FROM case_approval_requests WHERE case_id = $1 AND kind = 'termination'`, [id]);
      expect(r.status).toBe('pending');
      expect((await clock(id, 'decision')).status).toBe('running');
    });
  });
});
