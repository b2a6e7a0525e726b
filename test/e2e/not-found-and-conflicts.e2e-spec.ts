import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '@fuyi/kernel';
import { base32Decode, totp } from '@fuyi/platform';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { type MediationCentre, mediationRequests, setUpMediationCentre } from '../support/mediation-centre';

/**
 * Each declared refusal is met by a request that is otherwise valid (so validation does not answer first): an unknown
 * id on every mediation, liaison, user, notification and group-dispute route is 404 with the route's stable code (never
 * 500, never 400), a taken username or a second confirmation is 409, a refused change 422. These answers are what the
 * document's `x-error-codes` lists for those statuses (apps/api/src/openapi/error-codes.ts).
 */
interface Ctx { dept: number; mediator2: string; admin: string; failed: string }
type Row = [name: string, who: string, method: 'get' | 'post' | 'put' | 'patch', path: (c: Ctx) => string, body: (c: Ctx) => object, status: number, code: string];

const today = shanghaiDate(new Date());
const MF = (sub = '') => () => `/mediation/files/${randomUUID()}${sub}`;
const N = (sub = '') => () => `/liaison/risk-notices/${randomUUID()}${sub}`;
const L = (sub = '') => () => `/liaison/letters/${randomUUID()}${sub}`;
const S = (sub = '') => () => `/liaison/lawsuits/${randomUUID()}${sub}`;
const v1 = () => ({ version: 1 });
const consent = { applicant: true, respondent: true };
const MNF = 'MEDIATION_NOT_FOUND';

const ROWS: Row[] = [
  // Mediation files and their work, unknown file
  ['mediation proposal: unknown file', 'head', 'get', MF('/assignment-proposal'), () => ({}), 404, MNF],
  ['mediation documents: unknown file', 'mediator', 'get', MF('/documents'), () => ({}), 404, MNF],
  ['mediation take: unknown file', 'mediator', 'post', MF('/take'), v1, 404, MNF],
  ['mediation objection: unknown file', 'mediator', 'post', MF('/objection'), (c) => ({ version: 1, mediatorId: c.mediator2, partyRole: 'applicant', reason: '调解员与被申请人负责人系亲属' }), 404, MNF],
  ['mediation extension: unknown file', 'mediator', 'post', MF('/extension'), () => ({ version: 1, days: 5, consent }), 404, MNF],
  ['mediation suspend-case: unknown file', 'clerk', 'post', MF('/suspend-case'), () => ({ version: 1, caseVersion: 1, consent }), 404, MNF],
  ['mediation seal: unknown file', 'head', 'post', MF('/seal'), v1, 404, MNF],
  ['mediation follow-up: unknown file', 'mediator', 'post', MF('/follow-up'), () => ({ version: 1, checkOn: today, performed: true, result: '已履行' }), 404, MNF],
  ['mediation session: unknown file', 'mediator', 'post', MF('/sessions'), () => ({ kind: 'joint', mode: 'in_person', place: '调解室', scheduledAt: new Date().toISOString(), participants: [] }), 404, MNF],
  ['mediation session record: unknown file', 'mediator', 'post', () => `/mediation/files/${randomUUID()}/sessions/${randomUUID()}/record`, () => ({ version: 1, attendance: [], minutes: '笔录' }), 404, MNF],
  ['mediation document: unknown file', 'mediator', 'post', MF('/documents'), () => ({ type: 'mediation-agreement', items: ['一次性补偿'] }), 404, MNF],
  // Once the mediation has failed, its mediator holds no more talks: a state conflict, no note written
  ['mediation private note: mediation already failed', 'mediator', 'post', (c) => `/mediation/files/${c.failed}/private-notes`, () => ({ text: '申请人表示可以接受分期补偿' }), 409, 'MEDIATION_ILLEGAL_TRANSITION'],
  // Risk notices
  ['notice: unknown', 'liaison', 'get', N(), () => ({}), 404, 'LIAISON_NOTICE_NOT_FOUND'],
  ['notice edit: unknown', 'liaison', 'put', N(), (c) => ({ title: '风险提示', summary: '情况', reasons: ['原因'], suggestions: ['建议'], departmentIds: [c.dept], version: 1 }), 404, 'LIAISON_NOTICE_NOT_FOUND'],
  ['notice approve: unknown', 'head', 'post', N('/approve'), v1, 404, 'LIAISON_NOTICE_NOT_FOUND'],
  ['notice reject: unknown', 'head', 'post', N('/reject'), () => ({ version: 1, note: '请补充' }), 404, 'LIAISON_NOTICE_NOT_FOUND'],
  ['notice send: unknown', 'liaison', 'post', N('/send'), v1, 404, 'LIAISON_NOTICE_NOT_FOUND'],
  ['notice close: unknown', 'liaison', 'post', N('/close'), v1, 404, 'LIAISON_NOTICE_NOT_FOUND'],
  // Letters
  ['letter: unknown', 'liaison', 'get', L(), () => ({}), 404, 'LIAISON_LETTER_NOT_FOUND'],
  ['letter edit: unknown', 'liaison', 'put', L(), () => ({ version: 1, problems: ['问题'], recommendations: ['意见'] }), 404, 'LIAISON_LETTER_NOT_FOUND'],
  ['letter issue: unknown', 'head', 'post', L('/issue'), v1, 404, 'LIAISON_LETTER_NOT_FOUND'],
  ['letter receive: unknown', 'liaison', 'post', L('/receive'), () => ({ version: 1, receivedOn: today }), 404, 'LIAISON_LETTER_NOT_FOUND'],
  ['letter feedback: unknown', 'liaison', 'post', L('/feedback'), () => ({ version: 1, feedbackOn: today, feedback: '已整改', corrections: ['重新告知'] }), 404, 'LIAISON_LETTER_NOT_FOUND'],
  ['letter close: unknown', 'liaison', 'post', L('/close'), v1, 404, 'LIAISON_LETTER_NOT_FOUND'],
  // Lawsuits
  ['lawsuit: unknown case', 'liaison', 'post', () => '/liaison/lawsuits', () => ({ caseId: randomUUID(), court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初19号', filedOn: today }), 404, 'CASE_NOT_FOUND'],
  ['lawsuit: unknown', 'liaison', 'get', S(), () => ({}), 404, 'LIAISON_LAWSUIT_NOT_FOUND'],
  ['lawsuit edit: unknown', 'liaison', 'patch', S(), () => ({ version: 1, court: '北京市第三中级人民法院', courtCaseNumber: '（2026）京03行初456号' }), 404, 'LIAISON_LAWSUIT_NOT_FOUND'],
  ['lawsuit complaint received: unknown', 'liaison', 'post', S('/complaint-received'), () => ({ version: 1, receivedOn: today }), 404, 'LIAISON_LAWSUIT_NOT_FOUND'],
  ['lawsuit judgment: unknown', 'liaison', 'post', S('/judgment'), () => ({ version: 1, kind: 'revoked', on: today, summary: '撤销' }), 404, 'LIAISON_LAWSUIT_NOT_FOUND'],
  ['liaison document download: unknown', 'liaison', 'get', () => `/liaison/documents/${randomUUID()}/download`, () => ({}), 404, 'DOCUMENT_NOT_FOUND'],
  // Group disputes, notifications
  ['group dispute dismiss: unknown', 'liaison', 'post', () => `/group-disputes/${randomUUID()}/dismiss`, () => ({ version: 1, reason: '经核实为不同项目的个别争议' }), 404, 'CLUSTER_NOT_FOUND'],
  ['notification read: unknown', 'clerk', 'post', () => '/notifications/987654321/read', () => ({}), 404, 'NOTIFICATION_NOT_FOUND'],
  // Users
  ['user create: username taken', 'admin', 'post', () => '/users', () => ({ username: 'clerk', displayName: '重名用户', role: 'reconsideration_clerk', password: 'Qz7#mK2p!vR9' }), 409, 'USER_EXISTS'],
  ['user reset password: unknown', 'admin', 'post', () => `/users/${randomUUID()}/reset-password`, () => ({ password: 'Qz7#mK2p!vR9' }), 404, 'USER_NOT_FOUND'],
  ['user reset password: own account', 'admin', 'post', (c) => `/users/${c.admin}/reset-password`, () => ({ password: 'Qz7#mK2p!vR9' }), 422, 'USER_SELF_RESET'],
  ['user deactivate: unknown', 'admin', 'post', () => `/users/${randomUUID()}/deactivate`, () => ({}), 404, 'USER_NOT_FOUND'],
  ['user role: unknown', 'secadmin', 'put', () => `/users/${randomUUID()}/role`, () => ({ role: 'reconsideration_clerk', version: 1 }), 404, 'USER_NOT_FOUND'],
];

describe('unknown ids, taken names and refused changes: the declared 404/409/422 with a stable code', () => {
  let centre: MediationCentre;
  const ctx = {} as Ctx;
  const call = (who: string, method: Row[2], path: string, body: object = {}) => {
    const req = centre.t.http()[method](path).set('authorization', `Bearer ${centre.tok[who]}`);
    return method === 'get' ? req : req.send(body);
  };

  beforeAll(async () => {
    centre = await setUpMediationCentre();
    for (const u of ['liaison', 'secadmin', 'clerk2']) centre.tok[u] = await centre.t.login(u);
    ctx.dept = centre.respondentId;
    ctx.mediator2 = centre.ids.mediator2;
    ctx.admin = centre.ids.admin;
    const ref = await call('clerk', 'post', '/mediation/referrals', {
      source: 'court', category: 'demolition', courtReference: '（2026）京0112行初31号', respondentDepartmentId: ctx.dept, applicantWants: '补偿', parties: [{ role: 'applicant', name: '李四' }],
    });
    expect(ref.status).toBe(201);
    ctx.failed = ref.body.id;
    const taken = await mediationRequests(() => centre).assignAndTake(ctx.failed);
    const failed = await call('mediator', 'post', `/mediation/files/${ctx.failed}/outcome`, { version: taken.version, kind: 'failure', summary: '调解不成' });
    expect(failed.status).toBe(200);
  });
  afterAll(() => centre?.t.close());

  it.each(ROWS)('%s', async (...row) => {
    const [, who, method, path, body, status, code] = row as Row;
    const res = await call(who, method, path(ctx), body(ctx));
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('TOTP: confirming before enrolling is 422, confirming twice is 409', async () => {
    const as = { authorization: `Bearer ${centre.tok.clerk2}` };
    const early = await centre.t.http().post('/auth/totp/confirm').set(as).send({ code: '123456' });
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 422, code: 'TOTP_NOT_ENROLLED' });
    const enrol = await centre.t.http().post('/auth/totp/enrol').set(as).send({ password: DEMO_PASSWORD });
    expect(enrol.status).toBe(200);
    const secret = base32Decode(new URL(enrol.body.otpauthUri).searchParams.get('secret')!);
    expect((await centre.t.http().post('/auth/totp/confirm').set(as).send({ code: totp(secret, Date.now() / 1000) })).status).toBe(204);
    const again = await centre.t.http().post('/auth/totp/confirm').set(as).send({ code: totp(secret, Date.now() / 1000 + 30) });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'TOTP_ALREADY_ENROLLED' });
  });

  it('calendar: setting a day to what it already is changes nothing: 422', async () => {
    const body = { date: '2027-03-03', kind: 'closure', name: '停止办公', reason: '测试' };
    expect((await call('admin', 'put', '/calendar/days/2027-03-03', body)).status).toBe(200);
    const again = await call('admin', 'put', '/calendar/days/2027-03-03', body);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 422, code: 'CALENDAR_NO_CHANGE' });
  });
});
