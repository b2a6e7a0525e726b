import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every liaison write route fed bad input or an illegal move: 400 with a stable code and the field named, 404 for
 * what does not exist, 409 for states and versions — and nothing written: no row added, none changed.
 */
type Who = 'liaison' | 'head';
interface Ctx { n1: string; n2: string; l1: string; l2: string; s1: string; s2: string; c0: string; served: string; dept: number }
/** message: the exact message of every named field. */
type Row = [name: string, method: 'post' | 'put' | 'patch' | 'get', path: (c: Ctx) => string, body: (c: Ctx) => object, status: number, code: string, fields?: string[], who?: Who, message?: string];

const V = 'VALIDATION_FAILED';
const PD = 'PERSONAL_DATA_NOT_ALLOWED';
const PD_MESSAGE = '不得填写身份证号、电话号码等个人信息';
const BLANK = ' \u3000\u200b\t\n'; // spaces, full-width and zero-width space, tab, newline
const today = shanghaiDate(new Date());
const tomorrow = addDays(today, 1);
const notice = (o: object = {}) => (c: Ctx) => ({ title: '风险提示', summary: '情况', reasons: ['原因'], suggestions: ['建议'], departmentIds: [c.dept], ...o });
const letter = (o: object = {}) => (c: Ctx) => ({ kind: 'opinion', recipientDepartmentId: c.dept, problems: ['问题'], recommendations: ['意见'], ...o });
const lawsuit = (o: object = {}) => (c: Ctx) => ({ caseId: c.served, court: '北京市通州区人民法院', courtCaseNumber: '（2026）京0112行初9号', filedOn: today, ...o });

const ROWS: Row[] = [
  // POST /liaison/risk-notices
  ['notice: empty', 'post', () => '/liaison/risk-notices', () => ({}), 400, V, ['title', 'summary', 'reasons', 'suggestions', 'departmentIds']],
  ['notice: no departments', 'post', () => '/liaison/risk-notices', notice({ departmentIds: [] }), 400, V, ['departmentIds']],
  ['notice: department id overflow', 'post', () => '/liaison/risk-notices', notice({ departmentIds: [2_147_483_648] }), 400, V, ['departmentIds']],
  ['notice: unknown department', 'post', () => '/liaison/risk-notices', notice({ departmentIds: [999_999] }), 400, 'LIAISON_UNKNOWN_DEPARTMENT', ['departmentIds']],
  ['notice: unknown case', 'post', () => '/liaison/risk-notices', notice({ caseIds: [randomUUID()] }), 400, 'LIAISON_UNKNOWN_SUBJECT', ['caseIds']],
  ['notice: bad consultation id', 'post', () => '/liaison/risk-notices', notice({ consultationIds: ['x'] }), 400, V, ['consultationIds']],
  ['notice: response days 0', 'post', () => '/liaison/risk-notices', notice({ responseDays: 0 }), 400, V, ['responseDays']],
  ['notice: empty reason', 'post', () => '/liaison/risk-notices', notice({ reasons: [''] }), 400, V, ['reasons']],
  ['notice: title too long', 'post', () => '/liaison/risk-notices', notice({ title: '长'.repeat(201) }), 400, V, ['title']],
  ['notice: unknown field', 'post', () => '/liaison/risk-notices', notice({ state: 'sent' }), 400, V, ['state']],
  ['notice: landline in the summary', 'post', () => '/liaison/risk-notices', notice({ summary: '联系电话010-69541234' }), 400, PD, ['summary']],
  ['notice: ID number in a reason', 'post', () => '/liaison/risk-notices', notice({ reasons: ['身份证110112199001011234'] }), 400, PD, ['reasons']],
  // Personal data in the formats people type (tester #2): refused when written, not at send or issue
  ['notice: full-width ID number in the summary', 'post', () => '/liaison/risk-notices', notice({ summary: '身份证１１０１０１１９９００３０７００３８' }), 400, PD, ['summary'], undefined, PD_MESSAGE],
  ['notice: dashed mobile in a reason', 'post', () => '/liaison/risk-notices', notice({ reasons: ['联系138-0013-8000'] }), 400, PD, ['reasons'], undefined, PD_MESSAGE],
  ['notice: spaced mobile in the title', 'post', () => '/liaison/risk-notices', notice({ title: '提示138 0013 8000' }), 400, PD, ['title'], undefined, PD_MESSAGE],
  ['notice: +86 mobile in a suggestion', 'post', () => '/liaison/risk-notices', notice({ suggestions: ['请拨+8613912345678'] }), 400, PD, ['suggestions'], undefined, PD_MESSAGE],
  ['notice: spaced ID number in a reason', 'post', () => '/liaison/risk-notices', notice({ reasons: ['1101 0119 9003 0700 38'] }), 400, PD, ['reasons'], undefined, PD_MESSAGE],
  // Blank text (tester #5) and the first message of a missing field (#13)
  ['notice: blank title and summary', 'post', () => '/liaison/risk-notices', notice({ title: '   ', summary: '\n\t' }), 400, V, ['title', 'summary'], undefined, '必填'],
  ['notice: zero-width reason', 'post', () => '/liaison/risk-notices', notice({ reasons: ['\u200b'] }), 400, V, ['reasons']],
  // PUT and moves
  ['notice edit: no version', 'put', (c) => `/liaison/risk-notices/${c.n1}`, notice(), 400, V, ['version']],
  ['notice edit: stale version', 'put', (c) => `/liaison/risk-notices/${c.n1}`, notice({ version: 9 }), 409, 'LIAISON_NOTICE_VERSION_CONFLICT'],
  ['notice edit: after sending', 'put', (c) => `/liaison/risk-notices/${c.n2}`, notice({ version: 5 }), 409, 'LIAISON_NOTICE_ILLEGAL_TRANSITION'],
  ['notice edit: mobile in a suggestion', 'put', (c) => `/liaison/risk-notices/${c.n1}`, notice({ suggestions: ['请拨13800138000'], version: 1 }), 400, PD, ['suggestions']],
  ['notice reject: a sent notice', 'post', (c) => `/liaison/risk-notices/${c.n2}/reject`, () => ({ version: 5, note: '退回' }), 409, 'LIAISON_NOTICE_ILLEGAL_TRANSITION', [], 'head'],
  ['notice edit: bad id', 'put', () => '/liaison/risk-notices/abc', notice({ version: 1 }), 400, V, ['id']],
  ['notice submit: unknown', 'post', () => `/liaison/risk-notices/${randomUUID()}/submit`, () => ({ version: 1 }), 404, 'LIAISON_NOTICE_NOT_FOUND'],
  ['notice approve: a draft', 'post', (c) => `/liaison/risk-notices/${c.n1}/approve`, () => ({ version: 1 }), 409, 'LIAISON_NOTICE_ILLEGAL_TRANSITION', [], 'head'],
  ['notice reject: blank note', 'post', (c) => `/liaison/risk-notices/${c.n1}/reject`, () => ({ version: 1, note: BLANK }), 400, V, ['note'], 'head', '必填'],
  ['notice reject: mobile in the note', 'post', (c) => `/liaison/risk-notices/${c.n1}/reject`, () => ({ version: 1, note: '请联系13800138000' }), 400, PD, ['note'], 'head', PD_MESSAGE],
  ['notice send: version beyond int4', 'post', (c) => `/liaison/risk-notices/${c.n1}/send`, () => ({ version: 1e20 }), 400, V, ['version']],
  ['notice reject: no note', 'post', (c) => `/liaison/risk-notices/${c.n1}/reject`, () => ({ version: 1 }), 400, V, ['note'], 'head'],
  ['notice send: a draft', 'post', (c) => `/liaison/risk-notices/${c.n1}/send`, () => ({ version: 1 }), 409, 'LIAISON_NOTICE_ILLEGAL_TRANSITION'],
  ['notice send: version as text', 'post', (c) => `/liaison/risk-notices/${c.n1}/send`, () => ({ version: '1' }), 400, V, ['version']],
  ['notice ack: a draft', 'post', (c) => `/liaison/risk-notices/${c.n1}/acknowledge`, (c) => ({ version: 1, departmentId: c.dept }), 409, 'LIAISON_NOTICE_ILLEGAL_TRANSITION'],
  ['notice ack: in the future', 'post', (c) => `/liaison/risk-notices/${c.n2}/acknowledge`, (c) => ({ version: 5, departmentId: c.dept, on: tomorrow }), 400, 'LIAISON_INVALID_INPUT', ['on']],
  ['notice ack: invalid date', 'post', (c) => `/liaison/risk-notices/${c.n2}/acknowledge`, (c) => ({ version: 5, departmentId: c.dept, on: '2026-02-30' }), 400, V, ['on']],
  ['notice ack: all acknowledged', 'post', (c) => `/liaison/risk-notices/${c.n2}/acknowledge`, (c) => ({ version: 5, departmentId: c.dept }), 409, 'LIAISON_NOTICE_ILLEGAL_TRANSITION'],
  ['notice response: not a recipient', 'post', (c) => `/liaison/risk-notices/${c.n2}/response`, (c) => ({ version: 5, departmentId: c.dept + 1, response: '已处理' }), 404, 'LIAISON_NOTICE_RECIPIENT_NOT_FOUND'],
  ['notice response: empty text', 'post', (c) => `/liaison/risk-notices/${c.n2}/response`, (c) => ({ version: 5, departmentId: c.dept, response: '' }), 400, V, ['response']],
  ['notice response: mobile in the response', 'post', (c) => `/liaison/risk-notices/${c.n2}/response`, (c) => ({ version: 5, departmentId: c.dept, response: '经办人电话13800138000' }), 400, PD, ['response'], undefined, PD_MESSAGE],
  ['notice response: blank', 'post', (c) => `/liaison/risk-notices/${c.n2}/response`, (c) => ({ version: 5, departmentId: c.dept, response: '\u3000' }), 400, V, ['response'], undefined, '必填'],
  ['notice response: no department: 必填, not a range rule', 'post', (c) => `/liaison/risk-notices/${c.n2}/response`, () => ({ version: 5, response: '已处理' }), 400, V, ['departmentId'], undefined, '必填'],
  ['notice response: stale', 'post', (c) => `/liaison/risk-notices/${c.n2}/response`, (c) => ({ version: 4, departmentId: c.dept, response: '已处理' }), 409, 'LIAISON_NOTICE_VERSION_CONFLICT'],
  ['notice close: unanswered', 'post', (c) => `/liaison/risk-notices/${c.n2}/close`, () => ({ version: 5 }), 409, 'LIAISON_NOTICE_ILLEGAL_TRANSITION'],
  // Letters
  ['letter: empty', 'post', () => '/liaison/letters', () => ({}), 400, V, ['kind', 'problems', 'recommendations']],
  ['letter: unknown kind', 'post', () => '/liaison/letters', letter({ kind: 'warning' }), 400, V, ['kind']],
  ['letter: no recipient, no case', 'post', () => '/liaison/letters', letter({ recipientDepartmentId: undefined }), 400, 'LIAISON_INVALID_INPUT', ['recipientDepartmentId']],
  ['letter: unknown recipient', 'post', () => '/liaison/letters', letter({ recipientDepartmentId: 999_999 }), 400, 'LIAISON_UNKNOWN_DEPARTMENT', ['recipientDepartmentId']],
  ['letter: unknown case', 'post', () => '/liaison/letters', letter({ caseId: randomUUID() }), 404, 'CASE_NOT_FOUND'],
  ['letter: ID number in a problem (draft)', 'post', () => '/liaison/letters', letter({ problems: [`申请人110101199003070038`] }), 400, PD, ['problems'], undefined, PD_MESSAGE],
  ['letter: zero-width recommendation', 'post', () => '/liaison/letters', letter({ recommendations: ['\u200b'] }), 400, V, ['recommendations']],
  ['letter edit: landline in a recommendation', 'put', (c) => `/liaison/letters/${c.l1}`, () => ({ version: 1, problems: ['问题'], recommendations: ['致电010 6954 1234'] }), 400, PD, ['recommendations'], undefined, PD_MESSAGE],
  ['letter feedback: mobile in the feedback', 'post', (c) => `/liaison/letters/${c.l2}/feedback`, () => ({ version: 2, feedbackOn: today, feedback: '联系人13800138000', corrections: ['整改'] }), 400, PD, ['feedback'], undefined, PD_MESSAGE],
  ['letter feedback: ID number in a correction', 'post', (c) => `/liaison/letters/${c.l2}/feedback`, () => ({ version: 2, feedbackOn: today, feedback: '已整改', corrections: ['110101199003070038已补偿'] }), 400, PD, ['corrections'], undefined, PD_MESSAGE],
  ['letter issue: issued already', 'post', (c) => `/liaison/letters/${c.l2}/issue`, () => ({ version: 2 }), 409, 'LIAISON_LETTER_ILLEGAL_TRANSITION', [], 'head'],
  ['letter receive: a draft', 'post', (c) => `/liaison/letters/${c.l1}/receive`, () => ({ version: 1, receivedOn: today }), 409, 'LIAISON_LETTER_ILLEGAL_TRANSITION'],
  ['letter receive: in the future', 'post', (c) => `/liaison/letters/${c.l2}/receive`, () => ({ version: 2, receivedOn: tomorrow }), 400, 'LIAISON_INVALID_INPUT', ['receivedOn']],
  ['letter receive: before issue', 'post', (c) => `/liaison/letters/${c.l2}/receive`, () => ({ version: 2, receivedOn: addDays(today, -3) }), 400, 'LIAISON_INVALID_INPUT', ['receivedOn']],
  ['letter feedback: not received', 'post', (c) => `/liaison/letters/${c.l2}/feedback`, () => ({ version: 2, feedbackOn: today, feedback: '已整改', corrections: ['整改'] }), 409, 'LIAISON_LETTER_ILLEGAL_TRANSITION'],
  ['letter feedback: no corrections', 'post', (c) => `/liaison/letters/${c.l2}/feedback`, () => ({ version: 2, feedbackOn: today, feedback: '已整改' }), 400, V, ['corrections']],
  ['letter close: a draft', 'post', (c) => `/liaison/letters/${c.l1}/close`, () => ({ version: 1 }), 409, 'LIAISON_LETTER_ILLEGAL_TRANSITION'],
  // Lawsuits
  ['lawsuit: empty', 'post', () => '/liaison/lawsuits', () => ({}), 400, V, ['caseId', 'court', 'courtCaseNumber', 'filedOn']],
  ['lawsuit: blank court and case number', 'post', () => '/liaison/lawsuits', lawsuit({ court: '   ', courtCaseNumber: ' ' }), 400, V, ['court', 'courtCaseNumber'], undefined, '必填'],
  ['lawsuit: mobile in the court', 'post', () => '/liaison/lawsuits', lawsuit({ court: '北京市通州区人民法院13800138000' }), 400, PD, ['court'], undefined, PD_MESSAGE],
  ['lawsuit: no served decision', 'post', () => '/liaison/lawsuits', lawsuit({ caseId: undefined }), 400, V, ['caseId']],
  ['lawsuit: undecided case', 'post', () => '/liaison/lawsuits', (c) => lawsuit({ caseId: c.c0 })(c), 409, 'LIAISON_NO_SERVED_DECISION'],
  ['lawsuit: filed in the future', 'post', () => '/liaison/lawsuits', lawsuit({ filedOn: tomorrow }), 400, 'LIAISON_INVALID_INPUT', ['filedOn']],
  ['lawsuit: filed before service', 'post', () => '/liaison/lawsuits', lawsuit({ filedOn: addDays(today, -1) }), 400, 'LIAISON_INVALID_INPUT', ['filedOn']],
  ['lawsuit: duplicate court number', 'post', () => '/liaison/lawsuits', lawsuit({ courtCaseNumber: '（2026）京0112行初8号' }), 409, 'LIAISON_LAWSUIT_DUPLICATE'],
  ['lawsuit: co-defendant typed', 'post', () => '/liaison/lawsuits', lawsuit({ coDefendant: true }), 400, V, ['coDefendant']],
  ['lawsuit edit: stale', 'patch', (c) => `/liaison/lawsuits/${c.s1}`, () => ({ version: 7, court: '北京市第三中级人民法院', courtCaseNumber: 'x' }), 409, 'LIAISON_LAWSUIT_VERSION_CONFLICT'],
  ['hearing: unknown kind', 'post', (c) => `/liaison/lawsuits/${c.s1}/hearings`, () => ({ version: 1, heldOn: today, kind: 'party', headAppeared: false }), 400, V, ['kind']],
  ['hearing: head at a future hearing', 'post', (c) => `/liaison/lawsuits/${c.s1}/hearings`, () => ({ version: 1, heldOn: tomorrow, kind: 'hearing', headAppeared: true }), 400, 'LIAISON_INVALID_INPUT', ['headAppeared']],
  ['hearing: before filing', 'post', (c) => `/liaison/lawsuits/${c.s1}/hearings`, () => ({ version: 1, heldOn: addDays(today, -2), kind: 'hearing', headAppeared: false }), 400, 'LIAISON_INVALID_INPUT', ['heldOn']],
  ['hearing: unknown lawsuit', 'post', () => `/liaison/lawsuits/${randomUUID()}/hearings`, () => ({ version: 1, heldOn: today, kind: 'hearing', headAppeared: false }), 404, 'LIAISON_LAWSUIT_NOT_FOUND'],
  ['hearing: the same session twice', 'post', (c) => `/liaison/lawsuits/${c.s1}/hearings`, () => ({ version: 2, heldOn: tomorrow, kind: 'hearing', headAppeared: false }), 409, 'LIAISON_HEARING_DUPLICATE', ['heldOn']],
  // PATCH /liaison/lawsuits/:id/hearings/:index (s1 has one hearing, tomorrow, entered in advance)
  ['hearing edit: unknown index', 'patch', (c) => `/liaison/lawsuits/${c.s1}/hearings/5`, () => ({ version: 2, headAppeared: false }), 404, 'LIAISON_HEARING_NOT_FOUND'],
  ['hearing edit: index not a number', 'patch', (c) => `/liaison/lawsuits/${c.s1}/hearings/x`, () => ({ version: 2 }), 400, V, ['index']],
  ['hearing edit: no version', 'patch', (c) => `/liaison/lawsuits/${c.s1}/hearings/0`, () => ({ headAppeared: false }), 400, V, ['version']],
  ['hearing edit: stale', 'patch', (c) => `/liaison/lawsuits/${c.s1}/hearings/0`, () => ({ version: 1, headAppeared: false }), 409, 'LIAISON_LAWSUIT_VERSION_CONFLICT'],
  ['hearing edit: head at a future hearing', 'patch', (c) => `/liaison/lawsuits/${c.s1}/hearings/0`, () => ({ version: 2, headAppeared: true }), 400, 'LIAISON_INVALID_INPUT', ['headAppeared']],
  ['hearing edit: before filing', 'patch', (c) => `/liaison/lawsuits/${c.s1}/hearings/0`, () => ({ version: 2, heldOn: addDays(today, -2) }), 400, 'LIAISON_INVALID_INPUT', ['heldOn']],
  ['hearing edit: invalid date', 'patch', (c) => `/liaison/lawsuits/${c.s1}/hearings/0`, () => ({ version: 2, heldOn: '2026-02-30' }), 400, V, ['heldOn']],
  ['hearing edit: unknown kind', 'patch', (c) => `/liaison/lawsuits/${c.s1}/hearings/0`, () => ({ version: 2, kind: 'party' }), 400, V, ['kind']],
  ['hearing edit: unknown lawsuit', 'patch', () => `/liaison/lawsuits/${randomUUID()}/hearings/0`, () => ({ version: 1 }), 404, 'LIAISON_LAWSUIT_NOT_FOUND'],
  ['judgment: unknown kind', 'post', (c) => `/liaison/lawsuits/${c.s1}/judgment`, () => ({ version: 1, kind: 'won', on: today, summary: 'x' }), 400, V, ['kind']],
  ['judgment: in the future', 'post', (c) => `/liaison/lawsuits/${c.s1}/judgment`, () => ({ version: 1, kind: 'revoked', on: tomorrow, summary: 'x' }), 400, 'LIAISON_INVALID_INPUT', ['on']],
  ['judgment: ID number in the summary', 'post', (c) => `/liaison/lawsuits/${c.s1}/judgment`, () => ({ version: 2, kind: 'revoked', on: today, summary: '原告110101199003070038胜诉' }), 400, PD, ['summary'], undefined, PD_MESSAGE],
  ['hearing: mobile in the note', 'post', (c) => `/liaison/lawsuits/${c.s1}/hearings`, () => ({ version: 2, heldOn: today, kind: 'hearing', headAppeared: false, note: '书记员138 0013 8000' }), 400, PD, ['note'], undefined, PD_MESSAGE],
  ['judgment: stale', 'post', (c) => `/liaison/lawsuits/${c.s1}/judgment`, () => ({ version: 3, kind: 'revoked', on: today, summary: '撤销' }), 409, 'LIAISON_LAWSUIT_VERSION_CONFLICT'],
  // After review: no hearing after the judgment (#12); unknown list states named (#15)
  ['hearing: after the judgment', 'post', (c) => `/liaison/lawsuits/${c.s2}/hearings`, () => ({ version: 3, heldOn: tomorrow, kind: 'hearing', headAppeared: false }), 409, 'LIAISON_HEARING_AFTER_JUDGMENT', ['heldOn']],
  ['hearing edit: moved after the judgment', 'patch', (c) => `/liaison/lawsuits/${c.s2}/hearings/0`, () => ({ version: 3, heldOn: tomorrow }), 409, 'LIAISON_HEARING_AFTER_JUDGMENT', ['heldOn']],
  ['notices: unknown state', 'get', () => '/liaison/risk-notices?state=bogus', () => ({}), 400, V, ['state']],
  ['letters: unknown state', 'get', () => `/liaison/letters?state=${encodeURIComponent('草稿')}`, () => ({}), 400, V, ['state']],
  // Reads with bad parameters
  ['stats: bad date', 'get', () => '/liaison/stats?from=2026-13-01', () => ({}), 400, V, ['from']],
  ['stats: from after to', 'get', () => `/liaison/stats?from=${today}&to=2020-01-01`, () => ({}), 400, 'LIAISON_INVALID_INPUT', ['from']],
  ['view: limit 0', 'get', () => '/liaison/view?limit=0', () => ({}), 400, 'VALIDATION_FAILED', ['limit']],
];

describe('liaison: bad input and illegal moves write nothing', () => {
  let t: TestApp;
  const tok: Partial<Record<Who | 'clerk' | 'zhongcang', string>> = {};
  const ctx = {} as Ctx;
  const call = (who: string, method: 'post' | 'put' | 'patch' | 'get', path: string, body: object = {}) =>
    t.http()[method](path).set('authorization', `Bearer ${tok[who as Who]}`).send(body);

  /** Row counts of every table plus a digest of every liaison row: an update is caught as well as an insert. */
  const snapshot = async () => {
    const tables: Array<{ name: string }> = await t.db.ds.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1`);
    const [counts] = await t.db.ds.query(`SELECT ${tables.map((x, i) => `(SELECT count(*)::int FROM "${x.name}") AS c${i}`).join(', ')}`);
    const liaison = tables.filter((x) => x.name.startsWith('liaison_')).map((x) => x.name).concat('cases');
    const [digests] = await t.db.ds.query(`SELECT ${liaison.map((n) => `(SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM "${n}" r) AS "${n}"`).join(', ')}`);
    return { counts, digests };
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['liaison', 'head', 'clerk', 'zhongcang'] as const) tok[u] = await t.login(u);
    [{ id: ctx.dept }] = await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 1');
    const reg = async () => (await call('zhongcang', 'post', '/applications', applicationBody(ctx.dept))).body.caseId as string;
    ctx.c0 = await reg();
    ctx.served = await reg();
    for (const [who, path, body] of [['clerk', 'acceptance-review', { outcome: 'accept', version: 1, procedure: 'ordinary' }],
      // ARL 49: written review, the parties having declined to be heard, before the decision.
      ['clerk', 'hearing-waivers', { version: 2, kind: 'listening', reason: '申请人明确表示不陈述意见' }],
      ['clerk', 'decision', { version: 3, type: 'uphold', summary: '维持' }], ['head', 'decision/approve', { version: 4 }]] as const) {
      expect((await call(who, 'post', `/cases/${ctx.served}/${path}`, body)).status).toBe(200);
    }
    const [p] = await t.db.ds.query(`SELECT id FROM case_parties WHERE case_id = $1 AND role = 'applicant'`, [ctx.served]);
    expect((await call('clerk', 'post', `/cases/${ctx.served}/services`, { version: 5, partyId: p.id, method: 'direct', servedOn: today })).status).toBe(200);

    ctx.n1 = (await call('liaison', 'post', '/liaison/risk-notices', notice()(ctx))).body.id;
    ctx.n2 = (await call('liaison', 'post', '/liaison/risk-notices', notice()(ctx))).body.id;
    await call('liaison', 'post', `/liaison/risk-notices/${ctx.n2}/submit`, { version: 1 });
    await call('head', 'post', `/liaison/risk-notices/${ctx.n2}/approve`, { version: 2 });
    expect((await call('liaison', 'post', `/liaison/risk-notices/${ctx.n2}/send`, { version: 3 })).status).toBe(200);
    await call('liaison', 'post', `/liaison/risk-notices/${ctx.n2}/acknowledge`, { version: 4, departmentId: ctx.dept });
    ctx.l1 = (await call('liaison', 'post', '/liaison/letters', letter()(ctx))).body.id;
    ctx.l2 = (await call('liaison', 'post', '/liaison/letters', letter()(ctx))).body.id;
    expect((await call('head', 'post', `/liaison/letters/${ctx.l2}/issue`, { version: 1 })).status).toBe(200);
    const s1 = await call('liaison', 'post', '/liaison/lawsuits', lawsuit({ courtCaseNumber: '（2026）京0112行初8号' })(ctx));
    expect(s1.status).toBe(201);
    ctx.s1 = s1.body.id;
    const ahead = await call('liaison', 'post', `/liaison/lawsuits/${ctx.s1}/hearings`, { version: 1, heldOn: tomorrow, kind: 'hearing', headAppeared: false });
    expect(ahead.body.version).toBe(2);
    ctx.s2 = (await call('liaison', 'post', '/liaison/lawsuits', lawsuit({ courtCaseNumber: '（2026）京0112行初7号' })(ctx))).body.id;
    expect((await call('liaison', 'post', `/liaison/lawsuits/${ctx.s2}/hearings`, { version: 1, heldOn: today, kind: 'hearing', headAppeared: true })).body.version).toBe(2);
    expect((await call('liaison', 'post', `/liaison/lawsuits/${ctx.s2}/judgment`, { version: 2, kind: 'dismissed_claim', on: today, summary: '驳回' })).body.version).toBe(3);
  });
  afterAll(() => t?.close());

  it.each(ROWS)('%s', async (...row) => {
    const [, method, path, body, status, code, fields, who, message] = row as Row;
    const before = await snapshot();
    const res = await call(who ?? 'liaison', method, path(ctx), body(ctx));
    expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({ status, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    for (const field of fields ?? []) expect((res.body.fields ?? []).map((f: any) => f.field)).toContain(field);
    if (message) for (const field of fields ?? []) expect(res.body.fields.find((f: any) => f.field === field).message).toBe(message);
    // No text of the request comes back (personal data): only field names and Chinese messages.
    const answer = JSON.stringify({ ...res.body, requestId: undefined });
    if (code === PD) for (const digits of ['13800138000', '110101199003070038', '8000', '0038', '69541234']) expect(answer).not.toContain(digits);
    expect(JSON.stringify(res.body)).not.toMatch(/QueryFailedError|SELECT|UPDATE|stack/i);
    expect(await snapshot()).toEqual(before);
  });
});
