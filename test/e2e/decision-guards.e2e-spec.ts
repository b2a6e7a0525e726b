import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

type Who = 'clerk' | 'clerk2' | 'chief' | 'head' | 'zhongcang';

/**
 * Issue #12 items 4, 6 and 9 through HTTP: hearing the parties before deciding (ARL 49-50), only the handler (or a chief
 * or the head) acts on a case, the approver is never the submitter, and whoever must act next is told.
 */
describe('decision guards: hearing, ownership, four eyes, who is told', () => {
  let t: TestApp;
  const tokens = {} as Record<Who, string>;
  const users = {} as Record<Who, string>;
  let respondentId: number;

  beforeAll(async () => {
    t = await createTestApp();
    for (const who of ['clerk', 'clerk2', 'chief', 'head', 'zhongcang'] as const) {
      tokens[who] = await t.login(who);
      [{ id: users[who] }] = await t.db.ds.query('SELECT id FROM users WHERE username = $1', [who]);
    }
    [{ id: respondentId }] = await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 1');
  });
  afterAll(() => t.close());

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const post = (caseId: string, path: string, who: Who, body: object) =>
    t.http().post(`/cases/${caseId}/${path}`).set('authorization', `Bearer ${tokens[who]}`).send(body);
  const version = async (caseId: string) => (await t.db.ds.query('SELECT version FROM cases WHERE id = $1', [caseId]))[0].version as number;
  /** Registered at the 中仓 counter, accepted by `by`, who becomes its handler. */
  const accepted = async (by: Who = 'clerk', overrides: Record<string, unknown> = {}) => {
    const reg = await t.http().post('/applications').set('authorization', `Bearer ${tokens.zhongcang}`).send(applicationBody(respondentId, overrides));
    expect((await post(reg.body.caseId, 'acceptance-review', by, { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
    return reg.body.caseId as string;
  };
  const inbox = async (who: Who, caseId: string) =>
    ((await t.http().get('/notifications').set('authorization', `Bearer ${tokens[who]}`)).body.items as any[]).filter((n) => n.caseId === caseId);
  const decision = { type: 'uphold', summary: '被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，决定维持。' };

  describe('item 4: hearing the parties before deciding', () => {
    it('ARL 49: an ordinary-procedure decision waits until the parties were heard or the record says why they could not be', async () => {
      const id = await accepted();
      const refused = await post(id, 'decision', 'clerk', { version: 2, ...decision });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'CASE_PARTIES_NOT_HEARD',
        message: '适用普通程序的案件应当听取当事人意见后再作出决定（《行政复议法》第四十九条）；请先记录听取意见，或记录因当事人原因不能听取意见、进行书面审理的理由',
      });
      expect(await version(id)).toBe(2); // nothing written
      const req = await t.http().get(`/cases/${id}/hearing-requirements`).set('authorization', `Bearer ${tokens.clerk}`);
      expect(req.body).toMatchObject({ listeningRequired: true, listeningDone: false, readyToDecide: false, blocker: { code: 'CASE_PARTIES_NOT_HEARD' } });

      const waived = await post(id, 'hearing-waivers', 'clerk', { version: 2, kind: 'listening', reason: '申请人经三次电话联系均拒绝陈述意见，本案书面审理' });
      expect(waived.status).toBe(200);
      const after = await t.http().get(`/cases/${id}/hearing-requirements`).set('authorization', `Bearer ${tokens.clerk}`);
      expect(after.body).toMatchObject({ readyToDecide: true, listeningWaiver: { reason: '申请人经三次电话联系均拒绝陈述意见，本案书面审理', on: today() } });
      expect((await post(id, 'decision', 'clerk', { version: 3, ...decision })).status).toBe(200);
    });

    it('ARL 50: a case flagged for a mandatory formal hearing (5 applicants) is not decided after a mere listening session', async () => {
      const applicants = ['赵一', '钱二', '孙三', '李四', '周五'].map((name) => ({ kind: 'person', name, idNumber: validIdNumber(), phone: '13812345678' }));
      const id = await accepted('clerk', { applicants });
      const listening = await post(id, 'hearings', 'clerk', { version: 2, kind: 'listening', heldOn: today(), place: '复议接待室' });
      await post(id, `hearings/${listening.body.hearingId}/minutes`, 'clerk', { version: 3, minutes: '各申请人陈述了意见。' });
      const refused = await post(id, 'decision', 'clerk', { version: 4, ...decision });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'CASE_FORMAL_HEARING_REQUIRED',
        message: '本案属于重大、疑难、复杂案件（含群体性纠纷），应当组织听证后再作出决定（《行政复议法》第五十条）；请先举行听证并记录笔录，或记录未能举行听证的原因',
        reasons: ['本案申请人5人，属群体性纠纷'],
      });
      const waived = await post(id, 'hearing-waivers', 'clerk', { version: 4, kind: 'formal', reason: '申请人经书面通知无正当理由拒不参加听证，视为放弃听证权利（第五十一条第二款）' });
      expect(waived.status).toBe(200);
      expect((await post(id, 'decision', 'clerk', { version: 5, ...decision })).status).toBe(200);
    });
  });

  describe('item 6: only the handler (or a chief or the head) acts; the approver is not the submitter', () => {
    it('another clerk is refused on a case that is not theirs until the office assigns it to them', async () => {
      const id = await accepted('clerk');
      const body = { version: 2, sentOn: today(), method: 'post', receivedOn: today() };
      const refused = await post(id, 'copy-sent', 'clerk2', body);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'CASE_NOT_HANDLER', message: '您不是本案承办人；只有本案承办人、科长或机构负责人可以办理本案' });
      expect((await post(id, 'suspend', 'clerk2', { version: 2, ground: 3 })).body.code).toBe('CASE_NOT_HANDLER');
      expect((await post(id, 'decision', 'clerk2', { version: 2, ...decision })).body.code).toBe('CASE_NOT_HANDLER');
      expect(await version(id)).toBe(2);

      expect((await post(id, 'copy-sent', 'chief', body)).status).toBe(200); // a section chief may act on any case
      expect((await post(id, 'assign', 'chief', { version: 3, handlerId: users.clerk2 })).status).toBe(200);
      expect((await post(id, 'reply-received', 'clerk2', { version: 4, receivedOn: today(), documents: ['答复书'] })).status).toBe(200);
      expect((await post(id, 'hearing-waivers', 'clerk', { version: 5, kind: 'listening', reason: '申请人拒绝陈述' })).body.code).toBe('CASE_NOT_HANDLER');
    });

    it('a decision is approved by someone other than its submitter', async () => {
      const id = await accepted('head'); // the office head accepted it and is its handler
      await post(id, 'hearing-waivers', 'head', { version: 2, kind: 'listening', reason: '申请人书面表示不陈述意见' });
      expect((await post(id, 'decision', 'head', { version: 3, ...decision })).status).toBe(200);
      const refused = await post(id, 'decision/approve', 'head', { version: 4 });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'CASE_SAME_APPROVER', message: '不能审批本人提交的行政复议决定；须由提交人以外的机构负责人审批' });
      expect(await version(id)).toBe(4);
    });

    it('a decision whose record names no submitter is not offered for approval and not approved (four eyes cannot be shown); it may be returned', async () => {
      const id = await accepted('clerk');
      await post(id, 'hearing-waivers', 'clerk', { version: 2, kind: 'listening', reason: '申请人书面表示不陈述意见' });
      expect((await post(id, 'decision', 'clerk', { version: 3, ...decision })).status).toBe(200);
      await t.db.ds.query(`UPDATE cases SET decision = decision - 'submittedBy' WHERE id = $1`, [id]); // data from before submitters were kept
      const seen = await t.http().get(`/cases/${id}`).set('authorization', `Bearer ${tokens.head}`);
      const listed = seen.body.allowedActions.map((a: { action: string }) => a.action);
      expect(listed).not.toContain('approve_decision');
      expect(listed).toContain('return_decision');
      const refused = await post(id, 'decision/approve', 'head', { version: 4 });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'CASE_SAME_APPROVER', message: '记录中没有行政复议决定的提交人，无法确认审批人不是提交人；请退回后由承办人重新提交' });
      expect((await post(id, 'decision/return', 'head', { version: 4, reason: '请重新提交' })).status).toBe(200);
    });

    it('an extension and a termination are submitted by the handler and approved by the office head, never by the submitter', async () => {
      const id = await accepted('clerk');
      const none = await post(id, 'extend', 'head', { version: 2 });
      expect(none.status).toBe(409);
      expect(none.body).toMatchObject({ code: 'CASE_REQUEST_NOT_PENDING', message: '本案没有待审批的延长审理期限申请；须由承办人先提交申请' });

      expect((await post(id, 'extension-request', 'head', { version: 2, days: 20, reason: '案情复杂，需补充调查' })).status).toBe(200);
      const own = await post(id, 'extend', 'head', { version: 3 });
      expect(own.status).toBe(403);
      expect(own.body).toMatchObject({ code: 'CASE_SAME_APPROVER', message: '不能审批本人提交的延长审理期限申请；须由提交人以外的机构负责人审批' });
      expect((await post(id, 'extension-request/return', 'head', { version: 3, reason: '由承办人提出' })).status).toBe(200); // withdrawing one's own is fine

      expect((await post(id, 'extension-request', 'clerk', { version: 4, days: 20, reason: '案情复杂，需补充调查' })).status).toBe(200);
      const changed = await post(id, 'extend', 'head', { version: 5, days: 30 });
      expect(changed.status).toBe(409);
      expect(changed.body.code).toBe('CASE_REQUEST_MISMATCH');
      expect((await post(id, 'extend', 'head', { version: 5, days: 20 })).status).toBe(200);

      expect((await post(id, 'termination-request', 'head', { version: 6, ground: 1, reason: '申请人撤回申请' })).status).toBe(200);
      const ownTermination = await post(id, 'terminate', 'head', { version: 7 });
      expect(ownTermination.status).toBe(403);
      expect(ownTermination.body).toMatchObject({ code: 'CASE_SAME_APPROVER', message: '不能审批本人提交的终止行政复议申请；须由提交人以外的机构负责人审批' });
      const requests = (await t.http().get(`/cases/${id}/approval-requests`).set('authorization', `Bearer ${tokens.clerk}`)).body;
      expect(requests.map((r: any) => [r.kind, r.status])).toEqual([['extension', 'returned'], ['extension', 'approved'], ['termination', 'pending']]);
    });
  });

  describe('item 9: who is told', () => {
    it('assigning tells the handler; submitting a decision, an extension or a termination tells the approver', async () => {
      const id = await accepted('clerk');
      await post(id, 'assign', 'chief', { version: 2, handlerId: users.clerk2 });
      expect(await inbox('clerk2', id)).toEqual([expect.objectContaining({ kind: 'case_assigned', title: '新分配的案件' })]);

      await post(id, 'extension-request', 'clerk2', { version: 3, days: 15, reason: '需要现场勘验' });
      await post(id, 'hearing-waivers', 'clerk2', { version: 4, kind: 'listening', reason: '申请人拒绝陈述意见' });
      await post(id, 'decision', 'clerk2', { version: 5, ...decision });
      const told = await inbox('head', id);
      expect(told.map((n) => n.title).sort()).toEqual(['待审批：延长审理期限', '待审批：行政复议决定']);
      expect(told.every((n) => n.kind === 'approval_requested' && n.body.startsWith(n.caseNumber))).toBe(true);
      // Like every notification, they also go out on the external channels (deliveries, sent by the worker via the outbox).
      const [{ n }] = await t.db.ds.query('SELECT count(*)::int AS n FROM deliveries WHERE notification_id = ANY($1::bigint[])', [told.map((x) => x.id)]);
      expect(n).toBeGreaterThan(0);
      // Once decided, the extension still pending has nothing left to decide.
      expect((await post(id, 'decision/approve', 'head', { version: 6 })).body.state).toBe('decided');
      const requests = (await t.http().get(`/cases/${id}/approval-requests`).set('authorization', `Bearer ${tokens.head}`)).body;
      expect(requests.map((r: any) => [r.kind, r.status])).toEqual([['extension', 'cancelled']]);

      const other = await accepted('clerk');
      await post(other, 'termination-request', 'clerk', { version: 2, ground: 1, reason: '申请人撤回申请' });
      expect((await inbox('head', other)).map((x) => x.title)).toEqual(['待审批：终止行政复议']);
      expect(await inbox('clerk', other)).toEqual([]); // the submitter is not told of their own request
      expect((await post(other, 'terminate', 'head', { version: 3 })).body.state).toBe('terminated');
      const settled = (await t.http().get(`/cases/${other}/approval-requests`).set('authorization', `Bearer ${tokens.head}`)).body;
      expect(settled).toEqual([expect.objectContaining({ kind: 'termination', status: 'approved', decidedBy: users.head })]);
    });
  });
});
