import { LetterAction, NoticeAction } from '@fuyi/liaison';
import { shanghaiDate } from '@fuyi/kernel';
import { createTestApp, type TestApp } from '../support/test-app';

type User = 'liaison' | 'head' | 'clerk' | 'chief';
const USERS: User[] = ['liaison', 'head', 'clerk', 'chief'];

/**
 * Issue 11 item 5 for court liaison: a risk notice's and a letter's `allowedActions` say what the server does. For each
 * state and user: every action listed succeeds on a fresh notice (letter) in that state, every other is refused
 * (403/409) with a request that would be valid if it were allowed; and each step answers the resource as it now is.
 */
describe('allowedActions agree with what the server enforces (risk notices, letters)', () => {
  let t: TestApp;
  const tokens = {} as Record<User, string>;
  let depts: number[];
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of USERS) tokens[u] = await t.login(u);
    depts = (await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 2')).map((r: any) => r.id);
  });
  afterAll(() => t.close());

  const send = (u: User, method: 'post' | 'put', path: string, body: object) => t.http()[method](path).set('authorization', `Bearer ${tokens[u]}`).send(body);
  const step = async (u: User, path: string, body: object) => {
    const res = await send(u, 'post', path, body);
    if (res.status !== 200) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const read = async (u: User, path: string) => (await t.http().get(path).set('authorization', `Bearer ${tokens[u]}`)).body;

  const draft = { title: '关于某片区拆违的风险提示', summary: '同一片区多户居民申请复议。', reasons: ['涉及多户'], suggestions: ['入户解释'] };
  const N = '/liaison/risk-notices';
  const NOTICES: Record<string, () => Promise<string>> = {
    draft: async () => (await send('liaison', 'post', N, { ...draft, departmentIds: depts })).body.id,
    submitted: async () => { const id = await NOTICES.draft(); await step('liaison', `${N}/${id}/submit`, { version: 1 }); return id; },
    approved: async () => { const id = await NOTICES.submitted(); await step('head', `${N}/${id}/approve`, { version: 2 }); return id; },
    sent: async () => { const id = await NOTICES.approved(); await step('liaison', `${N}/${id}/send`, { version: 3 }); return id; },
    acknowledged: async () => {
      const id = await NOTICES.sent();
      await step('liaison', `${N}/${id}/acknowledge`, { version: 4, departmentId: depts[0] });
      await step('liaison', `${N}/${id}/acknowledge`, { version: 5, departmentId: depts[1] });
      return id;
    },
    responded: async () => {
      const id = await NOTICES.sent();
      await step('liaison', `${N}/${id}/response`, { version: 4, departmentId: depts[0], response: '已入户解释' });
      await step('liaison', `${N}/${id}/response`, { version: 5, departmentId: depts[1], response: '已排查' });
      return id;
    },
    closed: async () => { const id = await NOTICES.responded(); await step('liaison', `${N}/${id}/close`, { version: 6 }); return id; },

    // One department answered (which is also its 签收), the other owes both: acknowledge and respond are for that one.
    'sent:partly_answered': async () => {
      const id = await NOTICES.sent();
      await step('liaison', `${N}/${id}/response`, { version: 4, departmentId: depts[0], response: '已入户解释' });
      return id;
    },
    // Every department's 签收 is on record while the notice is still 'sent' (recorded outside the per-department step,
    // as data from before it): no 登记签收 is offered, since the service refuses it for each department.
    'sent:all_acknowledged': async () => {
      const id = await NOTICES.sent();
      await t.db.ds.query('UPDATE liaison_notice_recipients SET acknowledged_on = sent_on WHERE notice_id = $1', [id]);
      return id;
    },
  };
  const noticeRequest = (a: NoticeAction, n: any): ['post' | 'put', string, object] => {
    const v = { version: n.version };
    // The department that still owes what the step records (the first, when none does).
    const owing = (k: 'acknowledgedOn' | 'responseOn') => (n.recipients.find((r: any) => r[k] === null) ?? n.recipients[0]).departmentId;
    const map: Record<NoticeAction, ['post' | 'put', string, object]> = {
      [NoticeAction.Edit]: ['put', '', { ...v, ...draft, departmentIds: depts }],
      [NoticeAction.Submit]: ['post', '/submit', v],
      [NoticeAction.Approve]: ['post', '/approve', v],
      [NoticeAction.Reject]: ['post', '/reject', { ...v, note: '请补充' }],
      [NoticeAction.Send]: ['post', '/send', v],
      [NoticeAction.Acknowledge]: ['post', '/acknowledge', { ...v, departmentId: owing('acknowledgedOn') }],
      [NoticeAction.Respond]: ['post', '/response', { ...v, departmentId: owing('responseOn'), response: '已处理' }],
      [NoticeAction.Close]: ['post', '/close', v],
    };
    return map[a];
  };

  const L = '/liaison/letters';
  const LETTERS: Record<string, () => Promise<string>> = {
    draft: async () => (await send('liaison', 'post', L, { kind: 'suggestion', recipientDepartmentId: depts[0], problems: ['告知不充分'], recommendations: ['规范告知'] })).body.id,
    issued: async () => { const id = await LETTERS.draft(); await step('head', `${L}/${id}/issue`, { version: 1 }); return id; },
    received: async () => { const id = await LETTERS.issued(); await step('liaison', `${L}/${id}/receive`, { version: 2, receivedOn: today }); return id; },
    feedback_received: async () => {
      const id = await LETTERS.received();
      await step('liaison', `${L}/${id}/feedback`, { version: 3, feedbackOn: today, feedback: '已整改', corrections: ['重新告知'] });
      return id;
    },
    closed: async () => { const id = await LETTERS.feedback_received(); await step('liaison', `${L}/${id}/close`, { version: 4 }); return id; },
  };
  const letterRequest = (a: LetterAction, l: any): ['post' | 'put', string, object] => {
    const v = { version: l.version };
    const map: Record<LetterAction, ['post' | 'put', string, object]> = {
      [LetterAction.Edit]: ['put', '', { ...v, problems: ['告知不充分'], recommendations: ['规范告知'] }],
      [LetterAction.Issue]: ['post', '/issue', v],
      [LetterAction.Receive]: ['post', '/receive', { ...v, receivedOn: today }],
      [LetterAction.Feedback]: ['post', '/feedback', { ...v, feedbackOn: today, feedback: '已整改', corrections: ['重新告知'] }],
      [LetterAction.Close]: ['post', '/close', v],
    };
    return map[a];
  };

  async function check<A extends string>(base: string, fixtures: Record<string, () => Promise<string>>, all: A[], request: (a: A, r: any) => ['post' | 'put', string, object]) {
    for (const [state, build] of Object.entries(fixtures)) {
      const sample = await build();
      for (const u of USERS) {
        const seen = await read(u, `${base}/${sample}`);
        expect([state, seen.state]).toEqual([state, state.split(':')[0]]);
        const listed: A[] = seen.allowedActions.map((x: { action: A }) => x.action);
        for (const a of all.filter((x) => !listed.includes(x))) {
          const [method, path, body] = request(a, await read('liaison', `${base}/${sample}`));
          const res = await send(u, method, `${base}/${sample}${path}`, body);
          expect([state, u, a, [403, 409].includes(res.status) ? 'refused' : `${res.status} ${res.body.code}`]).toEqual([state, u, a, 'refused']);
        }
        // upload_file is not a step of the workflow (the version stays): files-liaison.e2e-spec.ts tests it.
        for (const a of listed.filter((x) => x !== 'upload_file')) {
          const fresh = await build();
          const before = await read('liaison', `${base}/${fresh}`);
          const [method, path, body] = request(a, before);
          const res = await send(u, method, `${base}/${fresh}${path}`, body);
          expect([state, u, a, res.status]).toEqual([state, u, a, 200]);
          // The answer is the resource as it now is: the same as a fresh read, with the new version.
          expect(res.body.version).toBe(before.version + 1);
          const after = await read(u, `${base}/${fresh}`);
          expect(res.body).toMatchObject({ id: fresh, state: after.state, version: after.version, allowedActions: after.allowedActions });
        }
      }
    }
  }

  it('risk notices: every state, every user', () => check(N, NOTICES, Object.values(NoticeAction), noticeRequest), 120_000);
  it('letters: every state, every user', () => check(L, LETTERS, Object.values(LetterAction), letterRequest), 120_000);

  it('editing a draft is against the version read: a concurrent edit is refused (409) and the first one stays', async () => {
    for (const [base, build, request, code] of [
      [N, NOTICES.draft, (v: number) => noticeRequest(NoticeAction.Edit, { version: v, recipients: [{ departmentId: depts[0] }] }), 'LIAISON_NOTICE_VERSION_CONFLICT'],
      [L, LETTERS.draft, (v: number) => letterRequest(LetterAction.Edit, { version: v }), 'LIAISON_LETTER_VERSION_CONFLICT'],
    ] as const) {
      const id = await build();
      const { version } = await read('liaison', `${base}/${id}`);
      const [method, , body] = request(version);
      expect((await send('liaison', method, `${base}/${id}`, body)).status).toBe(200);
      const stale = await send('liaison', method, `${base}/${id}`, body);
      expect([base, stale.status, stale.body.code]).toEqual([base, 409, code]);
      expect(stale.body.message).toMatch(/已被他人修改/);
      expect((await read('liaison', `${base}/${id}`)).version).toBe(version + 1);
    }
  });
});
