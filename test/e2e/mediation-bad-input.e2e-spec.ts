import { addDays, shanghaiDate } from '@fuyi/kernel';
import { fixturePasswordHash } from '../support/fixture-password';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every mediation write route fed bad input or an illegal move: 4xx with a stable code (and the field for input
 * errors), nothing written anywhere (files, assignments, sessions, parties, profiles, cases, documents, audit).
 */
interface Ctx { open: string; pool: string; caseFile: string; caseId: string; session: string; future: string; mediator: string; mediator2: string; dept: number; caseVersion: number }
type Row = [name: string, who: string, method: 'post' | 'put', path: (c: Ctx) => string, body: (c: Ctx) => object, status: number, code: string, fields?: string[]];

const V = 'VALIDATION_FAILED';
const I = 'MEDIATION_INVALID_INPUT';
const PD = 'PERSONAL_DATA_NOT_ALLOWED';
const BLANK = ' \u3000\u200b\t\n'; // blank text counts as absent
const ref = (o: Record<string, unknown> = {}) => (c: Ctx) => ({ source: 'court', category: 'demolition', courtReference: '（2026）京0112行初1号', respondentDepartmentId: c.dept, applicantWants: '补偿', parties: [{ role: 'applicant', name: '李四' }], ...o });
const TODAY = shanghaiDate(new Date());
const f = (sub: string) => (c: Ctx) => `/mediation/files/${c.open}/${sub}`;

const ROWS: Row[] = [
  ['referral: empty body', 'clerk', 'post', () => '/mediation/referrals', () => ({}), 400, V, ['source', 'category', 'applicantWants']],
  ['referral: unknown category', 'clerk', 'post', () => '/mediation/referrals', ref({ category: 'tax' }), 400, V, ['category']],
  ['referral: bad ID number', 'clerk', 'post', () => '/mediation/referrals', ref({ parties: [{ role: 'applicant', name: '李四', idNumber: '110112198503120019' }] }), 400, V, ['parties.0.idNumber']],
  ['referral: court without reference', 'clerk', 'post', () => '/mediation/referrals', ref({ courtReference: undefined }), 400, I, ['courtReference']],
  ['referral: no applicant', 'clerk', 'post', () => '/mediation/referrals', ref({ parties: [{ role: 'respondent', name: '某局' }] }), 400, I, ['parties']],
  ['referral: court without respondent department', 'clerk', 'post', () => '/mediation/referrals', ref({ respondentDepartmentId: undefined }), 400, I, ['respondentDepartmentId']],
  ['referral: unknown respondent', 'clerk', 'post', () => '/mediation/referrals', ref({ respondentDepartmentId: 999999 }), 400, I, ['respondentDepartmentId']],
  ['referral: intake without consent', 'zhongcang', 'post', () => '/mediation/referrals', ref({ source: 'intake', courtReference: undefined, applicantConsent: false }), 400, I, ['applicantConsent']],
  ['referral: intake act known in future', 'zhongcang', 'post', () => '/mediation/referrals', ref({ source: 'intake', courtReference: undefined, applicantConsent: true, actKnownDate: '2099-01-01' }), 400, I, ['actKnownDate']],
  ['referral: window for an accepted case', 'clerk', 'post', () => '/mediation/referrals', (c) => ({ source: 'window', category: 'other', caseId: c.caseId, applicantWants: 'x' }), 409, 'MEDIATION_CASE_STATE'],
  ['referral: case without consent', 'clerk', 'post', () => '/mediation/referrals', (c) => ({ source: 'case', category: 'other', caseId: c.caseId, caseVersion: c.caseVersion, applicantWants: 'x', consent: { applicant: false, respondent: true } }), 400, 'CASE_INVALID_INPUT', ['consent']],
  ['referral: case stale version', 'clerk', 'post', () => '/mediation/referrals', (c) => ({ source: 'case', category: 'other', caseId: c.caseId, caseVersion: 1, applicantWants: 'x', consent: { applicant: true, respondent: true } }), 409, 'CASE_VERSION_CONFLICT'],
  ['referral: case by a township clerk', 'zhongcang', 'post', () => '/mediation/referrals', (c) => ({ source: 'case', category: 'other', caseId: c.caseId, caseVersion: c.caseVersion, applicantWants: 'x', consent: { applicant: true, respondent: true } }), 403, 'MEDIATION_ACTION_FORBIDDEN'],
  ['referral: mobile in the applicant\'s wants', 'clerk', 'post', () => '/mediation/referrals', ref({ applicantWants: '补偿，联系13812345678' }), 400, PD, ['applicantWants']],
  ['referral: full-width mobile in the wants', 'clerk', 'post', () => '/mediation/referrals', ref({ applicantWants: '补偿，联系１３８１２３４５６７８' }), 400, PD, ['applicantWants']],
  ['referral: blank wants', 'clerk', 'post', () => '/mediation/referrals', ref({ applicantWants: BLANK }), 400, V, ['applicantWants']],
  ['assign: three mediators', 'mediator', 'post', (c) => `/mediation/files/${c.pool}/assign`, (c) => ({ version: 1, mediatorIds: [c.mediator, c.mediator2, c.caseId] }), 400, V, ['mediatorIds']],
  ['assign: not a mediator', 'mediator', 'post', (c) => `/mediation/files/${c.pool}/assign`, (c) => ({ version: 1, mediatorIds: [c.caseId] }), 400, I, ['mediatorIds']],
  ['assign: stale version', 'mediator', 'post', (c) => `/mediation/files/${c.pool}/assign`, (c) => ({ version: 9, mediatorIds: [c.mediator] }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['assign: by a mediator who is not coordinator', 'mediator2', 'post', (c) => `/mediation/files/${c.pool}/assign`, (c) => ({ version: 1, mediatorIds: [c.mediator] }), 403, 'MEDIATION_ACTION_FORBIDDEN'],
  ['assign: the mediator already on the file', 'mediator', 'post', f('assign'), (c) => ({ version: 3, mediatorIds: [c.mediator] }), 400, I, ['mediatorIds']],
  ['assign: a third mediator on a pair', 'mediator', 'post', f('assign'), (c) => ({ version: 3, mediatorIds: [c.mediator2, c.caseId] }), 400, I, ['mediatorIds']],
  ['assign: adding by a mediator who is not coordinator', 'mediator2', 'post', f('assign'), (c) => ({ version: 3, mediatorIds: [c.mediator2] }), 404, 'MEDIATION_NOT_FOUND'],
  ['objection: no reason', 'mediator', 'post', f('objection'), (c) => ({ version: 3, mediatorId: c.mediator, partyRole: 'applicant' }), 400, V, ['reason']],
  ['objection: blank reason', 'mediator', 'post', f('objection'), (c) => ({ version: 3, mediatorId: c.mediator, partyRole: 'applicant', reason: '\u3000' }), 400, V, ['reason']],
  ['objection: mediator not on the file', 'mediator', 'post', f('objection'), (c) => ({ version: 3, mediatorId: c.mediator2, partyRole: 'applicant', reason: 'x' }), 400, I, ['mediatorId']],
  ['take: again', 'mediator', 'post', f('take'), () => ({ version: 3 }), 409, 'MEDIATION_ILLEGAL_TRANSITION'],
  ['take: version as string', 'mediator', 'post', f('take'), () => ({ version: '3' }), 400, V, ['version']],
  ['extension: without consent', 'mediator', 'post', f('extension'), () => ({ version: 3, days: 5, consent: { applicant: true, respondent: false } }), 400, I, ['consent']],
  ['extension: beyond the cap', 'mediator', 'post', f('extension'), () => ({ version: 3, days: 31, consent: { applicant: true, respondent: true } }), 400, V, ['days']],
  ['suspend-case: file without a case', 'clerk', 'post', f('suspend-case'), () => ({ version: 3, caseVersion: 1, consent: { applicant: true, respondent: true } }), 409, 'MEDIATION_CASE_STATE'],
  ['outcome: unknown kind', 'mediator', 'post', f('outcome'), () => ({ version: 3, kind: 'won', summary: 'x' }), 400, V, ['kind']],
  ['outcome: agreement not signed', 'mediator', 'post', f('outcome'), () => ({ version: 3, kind: 'agreement', summary: 'x', signedByAll: false }), 400, I, ['signedByAll']],
  ['outcome: back-dated resumption', 'mediator', 'post', f('outcome'), () => ({ version: 3, kind: 'failure', summary: 'x', resumeOn: '2026-01-05' }), 400, I, ['resumeOn']],
  ['outcome: ID number in the summary', 'mediator', 'post', f('outcome'), () => ({ version: 3, kind: 'failure', summary: '申请人110101199003070038未到场' }), 400, PD, ['summary']],
  ['outcome: version beyond int4', 'mediator', 'post', f('outcome'), () => ({ version: 1e20, kind: 'failure', summary: 'x' }), 400, V, ['version']],
  ['outcome: stale version', 'mediator', 'post', f('outcome'), () => ({ version: 2, kind: 'failure', summary: 'x' }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['outcome: by a mediator not on the file', 'mediator2', 'post', f('outcome'), () => ({ version: 3, kind: 'failure', summary: 'x' }), 404, 'MEDIATION_NOT_FOUND'],
  ['seal: nothing to seal', 'head', 'post', f('seal'), () => ({ version: 3 }), 409, 'MEDIATION_ILLEGAL_TRANSITION'],
  ['follow-up: before an outcome', 'mediator', 'post', f('follow-up'), () => ({ version: 3, checkOn: '2026-11-01', performed: true, result: 'x' }), 409, 'MEDIATION_ILLEGAL_TRANSITION'],
  ['follow-up: bad date', 'mediator', 'post', f('follow-up'), () => ({ version: 3, checkOn: '2026-02-30', performed: true, result: 'x' }), 400, V, ['checkOn']],
  ['session: video without time zone', 'mediator', 'post', f('sessions'), () => ({ kind: 'joint', mode: 'video', place: 'x', scheduledAt: '2026-12-01 09:00', participants: [] }), 400, V, ['scheduledAt']],
  ['session: unknown kind', 'mediator', 'post', f('sessions'), () => ({ kind: 'secret', mode: 'video', place: 'x', scheduledAt: '2026-12-01T09:00:00+08:00', participants: [] }), 400, V, ['kind']],
  ['session record: stale version', 'mediator', 'post', (c) => `/mediation/files/${c.open}/sessions/${c.session}/record`, () => ({ version: 7, attendance: [], minutes: 'x' }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['session record: no minutes', 'mediator', 'post', (c) => `/mediation/files/${c.open}/sessions/${c.session}/record`, () => ({ version: 1, attendance: [] }), 400, V, ['minutes']],
  ['private note: blank', 'mediator', 'post', f('private-notes'), () => ({ text: BLANK }), 400, V, ['text']],
  ['private note: empty', 'mediator', 'post', f('private-notes'), () => ({ text: '' }), 400, V, ['text']],
  ['document: unknown type', 'mediator', 'post', f('documents'), () => ({ type: 'decision' }), 400, V, ['type']],
  ['document: agreement without terms', 'mediator', 'post', f('documents'), () => ({ type: 'mediation-agreement' }), 400, I, ['items']],
  ['document: 调解书 without a case', 'mediator', 'post', f('documents'), () => ({ type: 'mediation-document', items: ['x'] }), 409, 'MEDIATION_CASE_STATE'],
  ['document: a phone number in the terms', 'mediator', 'post', f('documents'), () => ({ type: 'mediation-agreement', items: ['联系13812345678'] }), 400, 'DOCUMENT_DATA_PERSONAL'],
  ['profile: unknown skill', 'head', 'put', (c) => `/mediation/mediators/${c.mediator2}`, () => ({ skills: ['tax'], isCoordinator: false, conflictDepartmentIds: [], conflictNames: [] }), 400, V, ['skills']],
  ['profile: not a mediator', 'head', 'put', (c) => `/mediation/mediators/${c.caseId}`, () => ({ skills: [], isCoordinator: false, conflictDepartmentIds: [], conflictNames: [] }), 400, I, ['userId']],
  ['profile: stale version', 'head', 'put', (c) => `/mediation/mediators/${c.mediator}`, () => ({ version: 7, skills: [], isCoordinator: true, conflictDepartmentIds: [], conflictNames: [] }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['profile: own conflicts', 'mediator', 'put', (c) => `/mediation/mediators/${c.mediator}`, () => ({ version: 1, skills: ['demolition'], isCoordinator: true, conflictDepartmentIds: [], conflictNames: ['某甲'] }), 403, 'MEDIATION_OWN_CONFLICTS'],
  ['profile: by a plain mediator', 'mediator2', 'put', (c) => `/mediation/mediators/${c.mediator2}`, () => ({ skills: [], isCoordinator: true, conflictDepartmentIds: [], conflictNames: [] }), 403, 'MEDIATION_ACTION_FORBIDDEN'],
  // Tester items 4, 8, 11 (after review): personal data in printed or counter-visible text, impossible dates, stale versions first.
  ['objection: ID number in the reason', 'mediator', 'post', f('objection'), (c) => ({ version: 3, mediatorId: c.mediator, partyRole: 'applicant', reason: '调解员系110101199003070038的亲属' }), 400, PD, ['reason']],
  ['follow-up: phone in the result', 'mediator', 'post', f('follow-up'), () => ({ version: 3, checkOn: '2026-11-01', performed: true, result: '已电话13812345678回访' }), 400, PD, ['result']],
  ['session: phone in the place', 'mediator', 'post', f('sessions'), () => ({ kind: 'joint', mode: 'video', place: '视频号13812345678', scheduledAt: `${TODAY}T15:00:00+08:00`, participants: [] }), 400, PD, ['place']],
  ['session: ID number as a participant\'s role', 'mediator', 'post', f('sessions'), () => ({ kind: 'joint', mode: 'in_person', place: '调解室', scheduledAt: `${TODAY}T15:00:00+08:00`, participants: [{ name: '王五', role: '110101199003070038' }] }), 400, PD, ['participants.0.role']],
  ['session record: phone in the minutes', 'mediator', 'post', (c) => `/mediation/files/${c.open}/sessions/${c.session}/record`, () => ({ version: 1, attendance: [], minutes: '申请人电话13812345678' }), 400, PD, ['minutes']],
  ['session: before the file was taken', 'mediator', 'post', f('sessions'), () => ({ kind: 'joint', mode: 'in_person', place: '调解室', scheduledAt: '2020-02-03T09:00:00+08:00', participants: [] }), 400, I, ['scheduledAt']],
  ['session record: minutes before the session day', 'mediator', 'post', (c) => `/mediation/files/${c.open}/sessions/${c.future}/record`, () => ({ version: 1, attendance: [], minutes: '提前记录' }), 400, I, ['minutes']],
  ['session record: stale version of a future session', 'mediator', 'post', (c) => `/mediation/files/${c.open}/sessions/${c.future}/record`, () => ({ version: 4, attendance: [], minutes: 'x' }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['referral: act known 1900', 'zhongcang', 'post', () => '/mediation/referrals', ref({ source: 'intake', courtReference: undefined, applicantConsent: true, actKnownDate: '1900-01-01' }), 400, I, ['actKnownDate']],
  ['referral: case suspended from the future', 'clerk', 'post', () => '/mediation/referrals', (c) => ({ source: 'case', category: 'other', caseId: c.caseId, caseVersion: c.caseVersion, applicantWants: 'x', consent: { applicant: true, respondent: true }, suspendFrom: '2099-01-01' }), 400, 'CASE_INVALID_INPUT', ['suspendFrom']],
  ['referral: case suspended before its clock started', 'clerk', 'post', () => '/mediation/referrals', (c) => ({ source: 'case', category: 'other', caseId: c.caseId, caseVersion: c.caseVersion, applicantWants: 'x', consent: { applicant: true, respondent: true }, suspendFrom: '2020-01-06' }), 400, 'CLOCK_PAUSE_BEFORE_START', ['suspendFrom']],
  ['extension: stale version and beyond the cap', 'mediator', 'post', f('extension'), () => ({ version: 2, days: 20, consent: { applicant: true, respondent: false } }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['outcome: stale version and not signed', 'mediator', 'post', f('outcome'), () => ({ version: 1, kind: 'agreement', summary: 'x', signedByAll: false }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['objection: stale version', 'mediator', 'post', f('objection'), (c) => ({ version: 2, mediatorId: c.mediator2, partyRole: 'applicant', reason: 'x' }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['follow-up: stale version', 'mediator', 'post', f('follow-up'), () => ({ version: 2, checkOn: '2026-11-01', performed: true, result: 'x' }), 409, 'MEDIATION_VERSION_CONFLICT'],
  ['document: termination notice on a file still mediating', 'mediator', 'post', f('documents'), () => ({ type: 'mediation-termination-notice', reason: '调解不成' }), 409, 'MEDIATION_DOCUMENT_STATE'],
  ['document: agreement on a file in the pool', 'head', 'post', (c) => `/mediation/files/${c.pool}/documents`, () => ({ type: 'mediation-agreement', items: ['x'] }), 409, 'MEDIATION_DOCUMENT_STATE'],
];

describe('mediation: bad input and illegal moves answer 4xx and write nothing', () => {
  let t: TestApp;
  let c: Ctx;
  const tok: Record<string, string> = {};
  const snapshot = async () => (await t.db.ds.query(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM mediation_files) AS files,
            (SELECT count(*) || ':' || count(ended_at) FROM mediation_assignments) AS assignments,
            (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM mediation_sessions) AS sessions,
            (SELECT count(*) FROM mediation_parties) AS parties,
            (SELECT coalesce(sum(version), 0) FROM mediator_profiles) AS profiles,
            (SELECT coalesce(sum(version), 0) FROM cases) AS cases,
            (SELECT count(*) FROM case_documents) AS documents,
            (SELECT count(*) FROM audit_log) AS audit`,
  ))[0];

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.ds.query(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('mediator2', '调解员 钱红', 'mediator', $1)`, [await fixturePasswordHash()]);
    for (const n of ['zhongcang', 'clerk', 'head', 'mediator', 'mediator2']) tok[n] = await t.login(n);
    const users = Object.fromEntries((await t.db.ds.query(`SELECT id, username FROM users`)).map((u: any) => [u.username, u.id]));
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const send = (who: string, method: 'post' | 'put', url: string, body: object) => t.http()[method](url).set('authorization', `Bearer ${tok[who]}`).send(body);
    await send('head', 'put', `/mediation/mediators/${users.mediator}`, { skills: ['demolition'], isCoordinator: true, conflictDepartmentIds: [], conflictNames: [] });
    await send('head', 'put', `/mediation/mediators/${users.mediator2}`, { skills: ['demolition'], isCoordinator: false, conflictDepartmentIds: [], conflictNames: [] });
    const base = { mediator: users.mediator, mediator2: users.mediator2, dept } as Ctx;
    const open = (await send('clerk', 'post', '/mediation/referrals', ref()(base))).body.id;
    await send('mediator', 'post', `/mediation/files/${open}/assign`, { version: 1, mediatorIds: [users.mediator] });
    await send('mediator', 'post', `/mediation/files/${open}/take`, { version: 2 });
    const session = (await send('mediator', 'post', `/mediation/files/${open}/sessions`, { kind: 'joint', mode: 'in_person', place: '调解室', scheduledAt: `${TODAY}T09:00:00+08:00`, participants: [] })).body.id;
    const future = (await send('mediator', 'post', `/mediation/files/${open}/sessions`, { kind: 'joint', mode: 'in_person', place: '调解室', scheduledAt: `${addDays(TODAY, 5)}T09:00:00+08:00`, participants: [] })).body.id;
    const pool = (await send('clerk', 'post', '/mediation/referrals', ref()(base))).body.id;
    const caseId = (await send('zhongcang', 'post', '/applications', applicationBody(dept))).body.caseId;
    await send('clerk', 'post', `/cases/${caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' });
    c = { ...base, open, pool, caseId, session, future, caseFile: '', caseVersion: 2 };
    expect((await t.db.ds.query('SELECT state, version FROM mediation_files WHERE id = $1', [open]))[0]).toEqual({ state: 'in_progress', version: 3 });
  });
  afterAll(() => t.close());

  // Rest parameters: rows without fields must not make Jest think the test takes a done callback.
  it.each(ROWS)('%s', async (...row) => {
    const [, who, method, path, body, status, code, fields] = row as Row;
    const before = await snapshot();
    const res = await t.http()[method](path(c)).set('authorization', `Bearer ${tok[who]}`).send(body(c));
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    if (fields) expect(res.body.fields.map((x: any) => x.field)).toEqual(expect.arrayContaining(fields));
    expect(typeof res.body.message).toBe('string');
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
    if (code === PD) expect(res.body.fields).toContainEqual({ field: fields![0], message: '不得填写身份证号、电话号码等个人信息' });
    if (code === PD) expect(JSON.stringify({ ...res.body, requestId: undefined })).not.toMatch(/1381234|5678|１３８|0038/);
    expect(await snapshot()).toEqual(before);
  });
});
