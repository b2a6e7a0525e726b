import { LawsuitAction } from '@fuyi/liaison';
import { shanghaiDate } from '@fuyi/kernel';
import { createTestApp, type TestApp } from '../support/test-app';

type User = 'liaison' | 'head' | 'clerk' | 'chief';
const USERS: User[] = ['liaison', 'head', 'clerk', 'chief'];
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 16 review for lawsuits: a lawsuit's `allowedActions` say what the server records. For sample lawsuits at each
 * stage and each user: every action listed succeeds on a fresh lawsuit built the same way, every other is refused
 * (403/409; recording the head's appearance with no court hearing awaiting it finds no such hearing, 404).
 */
describe('allowedActions agree with what the server enforces (lawsuits)', () => {
  let t: TestApp;
  const tokens = {} as Record<User, string>;
  const filedOn = addDays(shanghaiDate(new Date()), -30);
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of USERS) tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());
  afterAll(() => {
    expect([...tried.listed].sort()).toEqual(Object.values(LawsuitAction).sort());
    console.log(`lawsuit allowedActions: ${tried.listed.size} actions done where listed, ${tried.refused} unlisted attempts refused`);
  });

  const send = (u: User, method: 'post' | 'patch', path: string, body: object) => t.http()[method](path).set('authorization', `Bearer ${tokens[u]}`).send(body);
  const read = async (u: User, id: string) => (await t.http().get(`${L}/${id}`).set('authorization', `Bearer ${tokens[u]}`)).body;
  const ok = async (path: string, body: object, method: 'post' | 'patch' = 'post') => {
    const res = await send('liaison', method, path, body);
    if (![200, 201].includes(res.status)) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const L = '/liaison/lawsuits';
  const hearingOn = addDays(filedOn, 5);
  const SUITS: Record<string, () => Promise<string>> = {
    fresh: async () => (await ok(`${L}/direct`, {
      court: '北京市第三中级人民法院', courtCaseNumber: `（2026）京03行初${7000 + ++n}号`, filedOn, plaintiffs: ['王某某'], act: '房屋征收决定（通政征〔2026〕3号）',
    })).id,
    complaint: async () => {
      const id = await SUITS.fresh();
      await ok(`${L}/${id}/complaint-received`, { version: 1, receivedOn: addDays(filedOn, 1) });
      return id;
    },
    heard_without_head: async () => {
      const id = await SUITS.complaint();
      await ok(`${L}/${id}/hearings`, { version: 2, heldOn: hearingOn, kind: 'hearing', headAppeared: false });
      return id;
    },
    heard_with_head: async () => {
      const id = await SUITS.complaint();
      await ok(`${L}/${id}/hearings`, { version: 2, heldOn: hearingOn, kind: 'hearing', headAppeared: true });
      return id;
    },
    defended: async () => {
      const id = await SUITS.complaint();
      await ok(`${L}/${id}/defence`, { version: 2, submittedOn: addDays(filedOn, 2) });
      return id;
    },
    judged: async () => {
      const id = await SUITS.heard_without_head();
      await ok(`${L}/${id}/judgment`, { version: 3, kind: 'dismissed_claim', on: addDays(filedOn, 10), summary: '驳回原告诉讼请求' });
      return id;
    },
  };

  const requestOf = (a: LawsuitAction, l: any): ['post' | 'patch', string, object] => {
    const v = { version: l.version };
    const awaiting = l.hearings.findIndex((h: any) => h.kind === 'hearing' && !h.headAppeared);
    return {
      [LawsuitAction.RecordHearing]: ['post', '/hearings', { ...v, heldOn: filedOn, kind: 'mediation', headAppeared: false }],
      [LawsuitAction.RecordHeadAppearance]: ['patch', `/hearings/${awaiting >= 0 ? awaiting : l.hearings.length}`, { ...v, headAppeared: true }],
      [LawsuitAction.ComplaintReceived]: ['post', '/complaint-received', { ...v, receivedOn: addDays(filedOn, 1) }],
      [LawsuitAction.DefenceSubmitted]: ['post', '/defence', { ...v, submittedOn: addDays(filedOn, 2) }],
      [LawsuitAction.RecordJudgment]: ['post', '/judgment', { ...v, kind: 'dismissed_claim', on: addDays(filedOn, 10), summary: '驳回原告诉讼请求' }],
      [LawsuitAction.CorrectCourt]: ['patch', '', { ...v, court: '北京市通州区人民法院', courtCaseNumber: `（2026）京0112行初${8000 + ++n}号` }],
    }[a] as ['post' | 'patch', string, object];
  };
  const refusal = (a: LawsuitAction, status: number) => [403, 409].includes(status) || (a === LawsuitAction.RecordHeadAppearance && status === 404);

  const tried = { listed: new Set<string>(), refused: 0 };
  it.each(Object.keys(SUITS))('%s: every user', async (name) => {
    const sample = await SUITS[name]();
    for (const u of USERS) {
      const seen = await read(u, sample);
      expect([name, u, seen.id]).toEqual([name, u, sample]);
      const listed: LawsuitAction[] = seen.allowedActions.map((a: { action: LawsuitAction }) => a.action);
      for (const a of Object.values(LawsuitAction).filter((x) => !listed.includes(x))) {
        const [method, path, body] = requestOf(a, await read('liaison', sample));
        const res = await send(u, method, `${L}/${sample}${path}`, body);
        expect([name, u, a, refusal(a, res.status) ? 'refused' : `${res.status} ${res.body.code}`]).toEqual([name, u, a, 'refused']);
        tried.refused++;
      }
      for (const a of listed) {
        const fresh = await SUITS[name]();
        const before = await read('liaison', fresh);
        const [method, path, body] = requestOf(a, before);
        const res = await send(u, method, `${L}/${fresh}${path}`, body);
        expect([name, u, a, [200, 201].includes(res.status) ? 'done' : `${res.status} ${res.body.code}`]).toEqual([name, u, a, 'done']);
        expect((await read('liaison', fresh)).version).toBe(before.version + 1);
        tried.listed.add(a);
      }
    }
  }, 120_000);

  it('correcting the court and case number: against the version read; a stale version is refused (409) and nothing changes', async () => {
    const id = await SUITS.complaint();
    const read1 = await read('liaison', id);
    expect(read1.allowedActions.map((a: { action: string }) => a.action)).toContain(LawsuitAction.CorrectCourt);
    const first = await send('liaison', 'patch', `${L}/${id}`, { version: read1.version, court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初9001号' });
    expect(first.status).toBe(200);
    // A second officer still holding the old version: refused with the current version named, the first correction kept.
    const stale = await send('liaison', 'patch', `${L}/${id}`, { version: read1.version, court: '北京市第三中级人民法院', courtCaseNumber: '（2026）京03行初9002号' });
    expect([stale.status, stale.body.code]).toEqual([409, 'LIAISON_LAWSUIT_VERSION_CONFLICT']);
    expect(stale.body.message).toMatch(/已被他人修改/);
    const now = await read('liaison', id);
    expect([now.court, now.courtCaseNumber, now.version]).toEqual(['北京市通州区人民法院', '（2026）京0112行初9001号', read1.version + 1]);
  });
});
