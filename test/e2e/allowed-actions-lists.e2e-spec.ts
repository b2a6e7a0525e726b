import { CaseOp } from '@fuyi/cases';
import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

type User = 'clerk' | 'chief' | 'head' | 'zhongcang';

/**
 * Issue 13 item 1 (review): the console's lists decide their buttons from each row's `allowedActions`, never from the
 * state or the role. For each list the console acts from (待我审批, 案件分配, the township's applications) and each
 * user who opens it: a row lists what the case resource lists, each of the list's actions that the row lists succeeds
 * (tried on a fresh case built the same way), and each the row does not list is refused (403/409).
 */
describe('allowedActions on list rows agree with what the server accepts', () => {
  let t: TestApp;
  const tokens = {} as Record<User, string>;
  let clerkId: string;
  let respondentId: number;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['clerk', 'chief', 'head', 'zhongcang'] as User[]) tokens[u] = await t.login(u);
    [{ id: clerkId }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
  });
  afterAll(() => t.close());

  const as = (u: User) => ({ authorization: `Bearer ${tokens[u]}` });
  const detail = async (u: User, id: string) => (await t.http().get(`/cases/${id}`).set(as(u))).body;
  /** A fixture step at the case's current version. */
  const step = async (u: User, id: string, path: string, body: object) => {
    const version = (await detail('clerk', id)).version;
    const res = await t
      .http()
      .post(`/cases/${id}/${path}`)
      .set(as(u))
      .send({ version, ...body });
    if (res.status !== 200) throw new Error(`fixture ${path} by ${u}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  const registered = async () => {
    const body = applicationBody(respondentId, { receivedAt: new Date().toISOString() }) as any;
    body.applicants[0].idNumber = validIdNumber();
    return (await t.http().post('/applications').set(as('zhongcang')).send(body)).body.caseId as string;
  };
  const accepted = async () => {
    const id = await registered();
    await step('clerk', id, 'acceptance-review', { outcome: 'accept', procedure: 'ordinary' });
    return id;
  };
  const submittedBy = async (u: User) => {
    const id = await accepted();
    await step(u, id, 'hearing-waivers', { kind: 'listening', reason: '申请人书面表示不陈述意见' });
    await step(u, id, 'decision', { type: 'revoke', summary: '撤销被申请人作出的行政处罚决定。' });
    return id;
  };
  const FIXTURES: Record<string, () => Promise<string>> = {
    registered,
    correction_requested: async () => {
      const id = await registered();
      await step('clerk', id, 'acceptance-review', { outcome: 'request_correction', items: ['身份证明复印件'] });
      return id;
    },
    accepted,
    decision_by_clerk: () => submittedBy('clerk'),
    decision_by_head: () => submittedBy('head'),
    extension_by_clerk: async () => {
      const id = await accepted();
      await step('clerk', id, 'extension-request', { days: 30, reason: '案情复杂' });
      return id;
    },
    termination_by_head: async () => {
      const id = await accepted();
      await step('head', id, 'termination-request', { ground: 1, reason: '申请人撤回申请' });
      return id;
    },
  };

  /** The request each list button sends (valid, so that only the rules can refuse it). */
  const requestOf = (action: CaseOp): [string, object] =>
    (
      ({
        [CaseOp.ApproveDecision]: ['decision/approve', {}],
        [CaseOp.ReturnDecision]: ['decision/return', { reason: '请补充理由' }],
        [CaseOp.Extend]: ['extend', {}],
        [CaseOp.ReturnExtension]: ['extension-request/return', { reason: '理由不充分' }],
        [CaseOp.Terminate]: ['terminate', {}],
        [CaseOp.ReturnTermination]: ['termination-request/return', { reason: '理由不充分' }],
        [CaseOp.Assign]: ['assign', { handlerId: clerkId }],
        [CaseOp.ReceiveCorrection]: ['correction-received', {}],
      }) as Partial<Record<CaseOp, [string, object]>>
    )[action]!;
  const attempt = async (u: User, action: CaseOp, id: string) => {
    const [path, body] = requestOf(action);
    const version = (await detail('clerk', id)).version;
    return t
      .http()
      .post(`/cases/${id}/${path}`)
      .set(as(u))
      .send({ version, ...body });
  };

  const APPROVALS = [
    CaseOp.ApproveDecision,
    CaseOp.ReturnDecision,
    CaseOp.Extend,
    CaseOp.ReturnExtension,
    CaseOp.Terminate,
    CaseOp.ReturnTermination,
  ];
  const LISTS: Array<{ name: string; path: string; users: User[]; fixtures: string[]; actions: CaseOp[] }> = [
    {
      name: '待我审批 (decisions)',
      path: '/work/office?state=decision_pending&limit=100',
      users: ['head', 'chief', 'clerk'],
      fixtures: ['decision_by_clerk', 'decision_by_head'],
      actions: APPROVALS,
    },
    {
      name: '待我审批 (extensions)',
      path: '/work/office?pendingRequest=extension&limit=100',
      users: ['head', 'chief', 'clerk'],
      fixtures: ['extension_by_clerk'],
      actions: APPROVALS,
    },
    {
      name: '待我审批 (terminations)',
      path: '/work/office?pendingRequest=termination&limit=100',
      users: ['head', 'chief', 'clerk'],
      fixtures: ['termination_by_head'],
      actions: APPROVALS,
    },
    {
      name: '案件分配',
      path: '/work/office?state=accepted&limit=100',
      users: ['head', 'chief', 'clerk'],
      fixtures: ['accepted'],
      actions: [CaseOp.Assign],
    },
    {
      name: '本分中心的复议申请',
      path: '/applications?limit=100',
      users: ['zhongcang', 'clerk'],
      fixtures: ['registered', 'correction_requested'],
      actions: [CaseOp.ReceiveCorrection],
    },
  ];
  const tried = { listed: 0, refused: 0 };

  it.each(LISTS.map((l) => [l.name, l] as const))(
    '%s',
    async (_name, list) => {
      for (const fixture of list.fixtures) {
        const sample = await FIXTURES[fixture]();
        for (const u of list.users) {
          const res = await t.http().get(list.path).set(as(u));
          expect(res.status).toBe(200);
          const row = res.body.items.find((i: { caseId: string }) => i.caseId === sample);
          expect([fixture, u, row ? 'listed' : 'missing']).toEqual([fixture, u, 'listed']);
          // The row says what the case resource says (one table, domain/case-actions.ts).
          expect([fixture, u, row.allowedActions]).toEqual([fixture, u, (await detail(u, sample)).allowedActions]);
          const listed: CaseOp[] = row.allowedActions.map((a: { action: CaseOp }) => a.action);
          for (const action of list.actions.filter((a) => !listed.includes(a))) {
            const r = await attempt(u, action, sample);
            expect([fixture, u, action, [403, 409].includes(r.status) ? 'refused' : `${r.status} ${r.body.code}`]).toEqual([
              fixture,
              u,
              action,
              'refused',
            ]);
            tried.refused++;
          }
          for (const action of list.actions.filter((a) => listed.includes(a))) {
            const r = await attempt(u, action, await FIXTURES[fixture]());
            expect([fixture, u, action, r.status === 200 ? 'done' : `${r.status} ${r.body.code}`]).toEqual([fixture, u, action, 'done']);
            tried.listed++;
          }
        }
      }
    },
    120_000,
  );

  it('the head sees no 批准 on a decision they submitted themselves (four eyes), and may return it', async () => {
    const id = await FIXTURES.decision_by_head();
    const res = await t.http().get('/work/office?state=decision_pending&limit=100').set(as('head'));
    const row = res.body.items.find((i: { caseId: string }) => i.caseId === id);
    const actions = row.allowedActions.map((a: { action: string }) => a.action);
    expect(actions).toContain(CaseOp.ReturnDecision);
    expect(actions).not.toContain(CaseOp.ApproveDecision);
  });

  afterAll(() => {
    console.log(`list rows' allowedActions: ${tried.listed} listed actions done, ${tried.refused} unlisted actions refused`);
  });
});
