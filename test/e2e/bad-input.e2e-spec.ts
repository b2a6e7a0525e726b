import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every write route, fed bad input: 400/422 (never 500) with a stable code, the offending field named
 * with a Chinese message, nothing written anywhere, and no ID number or phone echoed back.
 */
type Route = 'app' | 'cons' | 'review' | 'corr' | 'login' | 'refresh' | 'users' | 'status';
type Body = Record<string, unknown> | { raw: string };
interface Ctx { dept: number }
/** opts.message: the exact message of each named field; opts.secret: personal data that must not come back in any form. */
type Row = [name: string, route: Route, body: (c: Ctx) => Body, code: string, fields?: string[], opts?: { key?: string; district?: boolean; message?: string; secret?: string }];

const ID = validIdNumber('19791104');
const PHONE = '13987654321';
const CJK = /[\u4e00-\u9fff]/;
const long = (n: number) => '长'.repeat(n);
const raw = (s: string) => () => ({ raw: s });
const INT_OVERFLOW = 2_147_483_648; // a JS integer, but out of range for a Postgres integer column
const future = () => new Date(Date.now() + 3_600_000).toISOString();

/** A valid application with one applicant, with parts replaced. */
const app = (o: { top?: Record<string, unknown>; act?: Record<string, unknown>; party?: Record<string, unknown> } = {}) => (c: Ctx) => {
  const base = applicationBody(c.dept);
  return {
    ...base,
    applicants: [{ ...base.applicants[0], idNumber: ID, phone: PHONE, ...o.party }],
    act: { ...base.act, ...o.act },
    ...o.top,
  };
};
const omit = (body: (c: Ctx) => any, path: string) => (c: Ctx) => {
  const b = structuredClone(body(c));
  const keys = path.split('.');
  const last = keys.pop()!;
  delete keys.reduce((o, k) => o[k], b)[last];
  return b;
};
const org = { kind: 'organisation', name: '北京某某科技有限公司', idNumber: undefined, creditCode: '91110000600037341L', legalRepresentative: '张三' };
const cons = (o: Record<string, unknown> = {}) => () => ({ visitorName: '李四', visitorPhone: PHONE, topic: '对拆除违法建设决定不服', category: 'penalty', advice: '告知申请期限', ...o });
const user = (o: Record<string, unknown> = {}) => () => ({ username: 'new.user', displayName: '新用户', role: 'reconsideration_clerk', password: 'LongEnough#2026', ...o });
const review = (o: Record<string, unknown>) => () => ({ outcome: 'accept', version: 1, procedure: 'ordinary', ...o });
const V = 'VALIDATION_FAILED';
const PD = 'PERSONAL_DATA_NOT_ALLOWED';
const PD_MESSAGE = { message: '不得填写身份证号、电话号码等个人信息' };
const REQUIRED = { message: '必填' };
const BLANK = ' \u3000\u200b\t\n'; // spaces, full-width and zero-width space, tab, newline: says nothing
const INT4_OVERFLOW_VERSION = 1e20; // 99999999999999999999 in JSON
const ID_TEXT = '110101199003070038'; // a valid resident ID number, typed into free text

const ROWS: Row[] = [
  // POST /applications
  ['app: empty object', 'app', () => ({}), V, ['applicants', 'respondentDepartmentId', 'category', 'requests', 'factsReasons', 'channel', 'materials']],
  ['app: missing act', 'app', omit(app(), 'act'), V, ['act']],
  ['app: missing applicants', 'app', omit(app(), 'applicants'), V, ['applicants']],
  ['app: missing act.knownDate', 'app', omit(app(), 'act.knownDate'), V, ['act.knownDate']],
  ['app: missing requests', 'app', omit(app(), 'requests'), V, ['requests']],
  ['app: person without ID number', 'app', omit(app(), 'applicants.0.idNumber'), V, ['applicants.0.idNumber']],
  ['app: no applicants', 'app', app({ top: { applicants: [] } }), V, ['applicants']],
  ['app: applicants is a string', 'app', app({ top: { applicants: 'x' } }), V, ['applicants']],
  // A blank list item becomes undefined before validation (BlankTextPipe): refused like any non-object item, not a 500.
  ['app: a blank applicant', 'app', app({ top: { applicants: [BLANK] } }), V, ['applicants']],
  ['app: a null applicant', 'app', app({ top: { applicants: [null] } }), V, ['applicants']],
  ['app: a number as material', 'app', app({ top: { materials: [1] } }), V, ['materials']],
  ['app: applicants contains null', 'app', app({ top: { applicants: [null] } }), V, ['applicants.0']],
  ['app: act is null', 'app', app({ top: { act: null } }), V, ['act']],
  ['app: respondent id as string', 'app', app({ top: { respondentDepartmentId: '5' } }), V, ['respondentDepartmentId']],
  ['app: respondent id is a float', 'app', app({ top: { respondentDepartmentId: 1.5 } }), V, ['respondentDepartmentId']],
  ['app: copies as string', 'app', app({ top: { materials: [{ name: '申请书', copies: '1' }] } }), V, ['materials.0.copies']],
  ['app: ID number as number', 'app', app({ party: { idNumber: 110105194912310021 } }), V, ['applicants.0.idNumber']],
  ['app: unknown category', 'app', app({ top: { category: 'tax-evasion' } }), V, ['category']],
  ['app: unknown channel', 'app', app({ top: { channel: 'fax' } }), V, ['channel']],
  ['app: unknown top-level field', 'app', app({ top: { isAdmin: true } }), V, ['isAdmin']],
  ['app: unknown nested field', 'app', app({ party: { secret: 'x' } }), V, ['applicants.0.secret']],
  ['app: overlong requests (2001)', 'app', app({ top: { requests: long(2001) } }), V, ['requests']],
  ['app: overlong factsReasons (10001)', 'app', app({ top: { factsReasons: long(10_001) } }), V, ['factsReasons']],
  ['app: overlong applicant name (101)', 'app', app({ party: { name: long(101) } }), V, ['applicants.0.name']],
  ['app: malformed ID number', 'app', app({ party: { idNumber: '11010519491231' } }), V, ['applicants.0.idNumber']],
  ['app: wrong-checksum ID number', 'app', app({ party: { idNumber: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0') } }), V, ['applicants.0.idNumber']],
  ['app: ID number born 30 February', 'app', app({ party: { idNumber: validIdNumber('19850230') } }), V, ['applicants.0.idNumber']],
  ['app: ID number born in the future', 'app', app({ party: { idNumber: validIdNumber('20990101') } }), V, ['applicants.0.idNumber']],
  ['app: malformed phone', 'app', app({ party: { phone: '1398765' } }), V, ['applicants.0.phone']],
  ['app: organisation with bad credit code', 'app', app({ party: { ...org, creditCode: '91110000600037341X' } }), V, ['applicants.0.creditCode']],
  ['app: organisation without legal representative', 'app', app({ party: { ...org, legalRepresentative: undefined } }), V, ['applicants.0.legalRepresentative']],
  ['app: receipt an hour in the future', 'app', app({ top: { receivedAt: future() } }), 'CASE_INVALID_INPUT', ['receivedAt'], { key: 'bad-future' }],
  ['app: receipt without time zone', 'app', app({ top: { receivedAt: '2026-11-10T09:30:00' } }), V, ['receivedAt']],
  ['app: receipt on 30 February', 'app', app({ top: { receivedAt: '2026-02-30T09:30:00+08:00' }, act: { date: '2026-01-20', knownDate: '2026-02-01' } }), '*', ['receivedAt'], { key: 'bad-feb30' }],
  ['app: knownDate after receipt', 'app', app({ act: { knownDate: '2026-11-11' } }), 'CASE_INVALID_INPUT', ['act.knownDate'], { key: 'bad-known' }],
  ['app: act date after knownDate', 'app', app({ act: { date: '2026-11-05' } }), 'CASE_INVALID_INPUT', ['act.date'], { key: 'bad-actdate' }],
  ['app: knownDate 2026-02-30', 'app', app({ act: { knownDate: '2026-02-30' } }), V, ['act.knownDate']],
  ['app: knownDate 2026/11/03', 'app', app({ act: { knownDate: '2026/11/03' } }), V, ['act.knownDate']],
  ['app: non-existent respondent', 'app', app({ top: { respondentDepartmentId: 999_999 } }), 'CASE_UNKNOWN_RESPONDENT', ['respondentDepartmentId'], { key: 'bad-resp' }],
  ['app: respondent id beyond int4', 'app', app({ top: { respondentDepartmentId: INT_OVERFLOW } }), '*', ['respondentDepartmentId']],
  ['app: district township id beyond int4', 'app', app({ top: { townshipId: INT_OVERFLOW } }), '*', ['townshipId'], { district: true }],
  ['app: township clerk names another township', 'app', app({ top: { townshipId: 12 } }), 'CASE_INVALID_INPUT', ['townshipId'], { key: 'bad-township' }],
  ['app: unknown consultation', 'app', app({ top: { consultationId: '00000000-0000-4000-8000-000000000000' } }), 'CASE_INVALID_INPUT', ['consultationId']],
  ['app: NUL character in requests', 'app', app({ top: { requests: '撤销\u0000决定' } }), '*', ['requests']],
  // jsonb refuses a lone surrogate: found late, it used to cost the registration its already-taken case number (fuzz seed 1252987683)
  ['app: lone surrogate in a material', 'app', app({ top: { materials: [{ name: '申请书\ud800', copies: 1 }] } }), V, ['materials.0.name']],
  ['app: lone low surrogate in requests', 'app', app({ top: { requests: '撤销\udc00决定' } }), V, ['requests']],
  // Personal data in free text that reaches notifications, cluster labels and other roles (tester #1, #2)
  ['app: mobile in act.project', 'app', app({ act: { project: '永乐店镇13800138000号地块征收项目' } }), PD, ['act.project'], { ...PD_MESSAGE, secret: '13800138000' }],
  ['app: ID number in act.project', 'app', app({ act: { project: `张三${ID_TEXT}项目` } }), PD, ['act.project'], { ...PD_MESSAGE, secret: ID_TEXT }],
  ['app: ID number in act.place', 'app', app({ act: { place: `永乐店镇${ID_TEXT}` } }), PD, ['act.place'], { ...PD_MESSAGE, secret: ID_TEXT }],
  ['app: full-width ID number in act.project', 'app', app({ act: { project: '身份证１１０１０１１９９００３０７００３８' } }), PD, ['act.project'], { ...PD_MESSAGE, secret: ID_TEXT }],
  ['app: spaced ID number in act.place', 'app', app({ act: { place: '永乐店镇1101 0119 9003 0700 38' } }), PD, ['act.place'], { ...PD_MESSAGE, secret: ID_TEXT }],
  ['app: dashed mobile in act.documentNumber', 'app', app({ act: { documentNumber: '京通罚字138-0013-8000号' } }), PD, ['act.documentNumber'], { ...PD_MESSAGE, secret: '13800138000' }],
  ['app: +86 mobile in act.project', 'app', app({ act: { project: '项目+8613912345678' } }), PD, ['act.project'], { ...PD_MESSAGE, secret: '13912345678' }],
  // Blank text is absent: required fields answer 必填 first (tester #5, #13)
  ['app: blank requests', 'app', app({ top: { requests: BLANK } }), V, ['requests'], REQUIRED],
  ['app: blank factsReasons', 'app', app({ top: { factsReasons: '\u3000\u3000' } }), V, ['factsReasons'], REQUIRED],
  ['app: blank act.type', 'app', app({ act: { type: '\u200b' } }), V, ['act.type'], REQUIRED],
  ['app: blank applicant name', 'app', app({ party: { name: '\t\n' } }), V, ['applicants.0.name'], REQUIRED],
  ['app: missing respondent: 必填, not a range rule', 'app', omit(app(), 'respondentDepartmentId'), V, ['respondentDepartmentId'], REQUIRED],
  ['app: malformed Idempotency-Key', 'app', app(), 'IDEMPOTENCY_KEY_INVALID', ['Idempotency-Key'], { key: 'k'.repeat(129) }],
  ['app: malformed JSON', 'app', raw('{"applicants": [{"kind": "person", "idNumber": "' + ID + '"'), 'BAD_REQUEST'],
  ['app: JSON array body', 'app', raw('[]'), V],
  ['app: JSON string body', 'app', raw('"x"'), V],
  ['app: __proto__ key', 'app', raw('{"__proto__": {"isAdmin": true}}'), 'BAD_REQUEST'],
  // POST /consultations
  ['cons: empty object', 'cons', () => ({}), V, ['visitorName', 'topic', 'category', 'advice']],
  ['cons: visitorName is a number', 'cons', cons({ visitorName: 123 }), V, ['visitorName']],
  ['cons: applicationFollowed as string', 'cons', cons({ applicationFollowed: 'yes' }), V, ['applicationFollowed']],
  ['cons: unknown field', 'cons', cons({ clerkId: 'me' }), V, ['clerkId']],
  ['cons: overlong topic (201)', 'cons', cons({ topic: long(201) }), V, ['topic']],
  ['cons: overlong advice (2001)', 'cons', cons({ advice: long(2001) }), V, ['advice']],
  ['cons: malformed phone', 'cons', cons({ visitorPhone: '1398765432' }), V, ['visitorPhone']],
  ['cons: consultedAt 30 February', 'cons', cons({ consultedAt: '2026-02-30T10:00:00+08:00' }), V, ['consultedAt']],
  ['cons: consultedAt an hour in the future', 'cons', cons({ consultedAt: future() }), 'CASE_INVALID_INPUT', ['consultedAt']],
  ['cons: non-existent respondent', 'cons', cons({ respondentDepartmentId: 999_999 }), 'CASE_UNKNOWN_RESPONDENT', ['respondentDepartmentId']],
  ['cons: respondent id beyond int4', 'cons', cons({ respondentDepartmentId: INT_OVERFLOW }), '*', ['respondentDepartmentId']],
  ['cons: NUL character in visitorName', 'cons', cons({ visitorName: '李\u0000四' }), '*', ['visitorName']],
  ['cons: mobile in actProject', 'cons', cons({ actProject: '永乐店镇138 0013 8000号地块' }), PD, ['actProject'], { ...PD_MESSAGE, secret: '13800138000' }],
  ['cons: ID number in actPlace', 'cons', cons({ actPlace: `永乐店镇${ID_TEXT}` }), PD, ['actPlace'], { ...PD_MESSAGE, secret: ID_TEXT }],
  ['cons: blank topic', 'cons', cons({ topic: BLANK }), V, ['topic'], REQUIRED],
  ['cons: missing advice: 必填, not a length rule', 'cons', cons({ advice: undefined }), V, ['advice'], REQUIRED],
  ['cons: malformed JSON', 'cons', raw('{"visitorName": '), 'BAD_REQUEST'],
  // POST /cases/:id/acceptance-review
  ['review: empty object', 'review', () => ({}), V, ['outcome', 'version']],
  ['review: unknown outcome', 'review', review({ outcome: 'approve' }), V, ['outcome']],
  ['review: version as string', 'review', review({ version: '1' }), V, ['version']],
  ['review: accept without procedure', 'review', review({ procedure: undefined }), V, ['procedure']],
  ['review: simplified without reason', 'review', review({ procedure: 'simplified' }), V, ['simplifiedReason']],
  ['review: correction with no items', 'review', review({ outcome: 'request_correction', procedure: undefined, items: [] }), V, ['items']],
  ['review: correction items not a list', 'review', review({ outcome: 'request_correction', procedure: undefined, items: '缺材料' }), V, ['items']],
  ['review: correction item overlong (501)', 'review', review({ outcome: 'request_correction', procedure: undefined, items: [long(501)] }), V, ['items']],
  ['review: refuse without reason', 'review', review({ outcome: 'refuse', procedure: undefined }), V, ['reason']],
  ['review: refuse reason overlong (2001)', 'review', review({ outcome: 'refuse', procedure: undefined, reason: long(2001) }), V, ['reason']],
  ['review: unknown field', 'review', review({ state: 'accepted' }), V, ['state']],
  ['review: NUL character in refusal reason', 'review', review({ outcome: 'refuse', procedure: undefined, reason: '不属于\u0000管辖' }), '*', ['reason']],
  ['review: version beyond int4', 'review', review({ version: INT4_OVERFLOW_VERSION }), V, ['version']],
  ['review: blank refusal reason', 'review', review({ outcome: 'refuse', procedure: undefined, reason: BLANK }), V, ['reason'], REQUIRED],
  ['review: malformed JSON', 'review', raw('{"outcome":'), 'BAD_REQUEST'],
  // POST /cases/:id/correction-received
  ['corr: empty object', 'corr', () => ({}), V, ['version']],
  ['corr: version as string', 'corr', () => ({ version: 'two' }), V, ['version']],
  ['corr: receivedOn 2026-02-30', 'corr', () => ({ version: 2, receivedOn: '2026-02-30' }), V, ['receivedOn']],
  ['corr: receivedOn in the future', 'corr', () => ({ version: 2, receivedOn: '2099-01-01' }), 'CASE_INVALID_INPUT', ['receivedOn']],
  ['corr: unknown field', 'corr', () => ({ version: 2, note: 'x' }), V, ['note']],
  ['corr: version beyond int4', 'corr', () => ({ version: INT4_OVERFLOW_VERSION }), V, ['version']],
  ['corr: malformed JSON', 'corr', raw('{"version": 2,,}'), 'BAD_REQUEST'],
  // POST /auth/login
  ['login: empty object', 'login', () => ({}), V, ['username', 'password']],
  ['login: username is a number', 'login', () => ({ username: 42, password: 'x' }), V, ['username']],
  ['login: overlong username (65)', 'login', () => ({ username: 'u'.repeat(65), password: 'x' }), V, ['username']],
  ['login: overlong password (201)', 'login', () => ({ username: 'clerk', password: 'p'.repeat(201) }), V, ['password']],
  ['login: unknown field', 'login', () => ({ username: 'clerk', password: 'x', remember: true }), V, ['remember']],
  ['login: NUL character in username', 'login', () => ({ username: 'cl\u0000erk', password: 'x' }), '*', ['username']],
  ['login: password of spaces', 'login', () => ({ username: 'clerk', password: '     ' }), V, ['password'], REQUIRED],
  ['login: malformed JSON', 'login', raw('{"username": "clerk", "password": '), 'BAD_REQUEST'],
  // POST /auth/refresh
  ['refresh: empty object', 'refresh', () => ({}), V, ['refreshToken']],
  ['refresh: token is a number', 'refresh', () => ({ refreshToken: 1 }), V, ['refreshToken']],
  ['refresh: overlong token (201)', 'refresh', () => ({ refreshToken: 'r'.repeat(201) }), V, ['refreshToken']],
  ['refresh: unknown field', 'refresh', () => ({ refreshToken: 'a.b', userId: 'x' }), V, ['userId']],
  ['refresh: malformed JSON', 'refresh', raw('{"refreshToken"'), 'BAD_REQUEST'],
  // POST /users (admin)
  ['users: empty object', 'users', () => ({}), V, ['username', 'displayName', 'role', 'password']],
  ['users: bad username pattern', 'users', user({ username: 'Bad Name' }), V, ['username']],
  ['users: unknown role', 'users', user({ role: 'superuser' }), V, ['role']],
  ['users: short password', 'users', user({ password: 'short' }), V, ['password']],
  ['users: overlong displayName (65)', 'users', user({ displayName: long(65) }), V, ['displayName']],
  ['users: townshipId as string', 'users', user({ role: 'township_clerk', townshipId: '1' }), V, ['townshipId']],
  ['users: unknown field', 'users', user({ active: false }), V, ['active']],
  ['users: township clerk without township', 'users', user({ role: 'township_clerk' }), 'USER_TOWNSHIP_MISMATCH', ['townshipId']],
  ['users: district role with a township', 'users', user({ townshipId: 1 }), 'USER_TOWNSHIP_MISMATCH', ['townshipId']],
  ['users: township that does not exist', 'users', user({ role: 'township_clerk', townshipId: 999 }), 'USER_UNKNOWN_TOWNSHIP', ['townshipId']],
  ['users: townshipId beyond int4', 'users', user({ role: 'township_clerk', townshipId: INT_OVERFLOW }), '*', ['townshipId']],
  ['users: NUL character in displayName', 'users', user({ displayName: '新\u0000用户' }), '*', ['displayName']],
  ['users: malformed JSON', 'users', raw('{"username":"a"'), 'BAD_REQUEST'],
  // POST /public/case-status
  ['status: empty object', 'status', () => ({}), V, ['caseNumber', 'queryCode']],
  ['status: bad query code', 'status', () => ({ caseNumber: '通复〔2026〕第00001号', queryCode: 'abc' }), V, ['queryCode']],
  ['status: caseNumber is a number', 'status', () => ({ caseNumber: 1, queryCode: 'K7M2QX' }), V, ['caseNumber']],
  ['status: overlong caseNumber (41)', 'status', () => ({ caseNumber: long(41), queryCode: 'K7M2QX' }), V, ['caseNumber']],
  ['status: unknown field', 'status', () => ({ caseNumber: 'x', queryCode: 'K7M2QX', idNumber: ID }), V, ['idNumber']],
  ['status: NUL character in caseNumber', 'status', () => ({ caseNumber: '通复\u0000', queryCode: 'K7M2QX' }), '*', ['caseNumber']],
  ['status: malformed JSON', 'status', raw('{'), 'BAD_REQUEST'],
];

describe('bad input on every write route', () => {
  let t: TestApp;
  let ctx: Ctx;
  let tokens: Record<'zhongcang' | 'clerk' | 'admin', string>;
  let caseId: string;
  let baseline: Record<string, number>;

  /**
   * Row count of every application table (a new table is covered without editing this test), except rate_limits:
   * the shared rate limiter counts every request to login, refresh and the public lookup, good or bad (issue 14 item 12).
   */
  const counts = async (): Promise<Record<string, number>> => {
    const tables: Array<{ name: string }> = await t.db.ds.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_migrations', 'rate_limits') ORDER BY 1`,
    );
    const [row] = await t.db.ds.query(`SELECT ${tables.map((x, i) => `(SELECT count(*)::int FROM "${x.name}") AS c${i}`).join(', ')}`);
    return Object.fromEntries(tables.map((x, i) => [x.name, row[`c${i}`]]));
  };

  beforeAll(async () => {
    t = await createTestApp();
    const [{ id }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    ctx = { dept: id };
    const [zhongcang, clerk, admin] = await Promise.all(['zhongcang', 'clerk', 'admin'].map((u) => t.login(u)));
    tokens = { zhongcang, clerk, admin };
    const reg = await t.http().post('/applications').set('authorization', `Bearer ${zhongcang}`).send(applicationBody(id));
    expect(reg.status).toBe(201);
    caseId = reg.body.caseId;
    baseline = await counts();
    expect(baseline).toMatchObject({ cases: 1, case_parties: 1, case_events: 1, outbox: 1, idempotency_keys: 0, consultations: 0 });
    expect(baseline.audit_log).toBeGreaterThan(0);
  });
  afterAll(() => t?.close());

  const target: Record<Route, (o: Row[5]) => [string, string | null]> = {
    app: (o) => ['/applications', o?.district ? tokens.clerk : tokens.zhongcang],
    cons: () => ['/consultations', tokens.zhongcang],
    review: () => [`/cases/${caseId}/acceptance-review`, tokens.clerk],
    corr: () => [`/cases/${caseId}/correction-received`, tokens.zhongcang],
    login: () => ['/auth/login', null],
    refresh: () => ['/auth/refresh', null],
    users: () => ['/users', tokens.admin],
    status: () => ['/public/case-status', null],
  };

  // Rest parameters: a callback with more parameters than a row has elements would be treated as taking done().
  it.each(ROWS)('%s → 400/422 %s', async (...row) => {
    const [, route, body, code, fields, opts] = row as Row;
    const [path, token] = target[route](opts);
    const b = body(ctx);
    let req = t.http().post(path).set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    if (opts?.key) req = req.set('Idempotency-Key', opts.key);
    const payload = 'raw' in b && typeof b.raw === 'string' ? b.raw : JSON.stringify(b);
    const before = await counts();
    const res = await req.send(payload);
    const text = JSON.stringify(res.body);

    // '*' = any stable code (the row probes a crash; several codes would be reasonable), 'A|B' = either.
    const codeOk = code === '*' ? /^[A-Z][A-Z_]+$/.test(res.body.code ?? '') && res.body.code !== 'INTERNAL_ERROR' : code.split('|').includes(res.body.code);
    expect({ status: [400, 422].includes(res.status) ? '400/422' : res.status, code: codeOk ? code : res.body.code, message: res.body.message })
      .toEqual({ status: '400/422', code, message: expect.stringMatching(CJK) });
    expect(res.body.requestId).toBeTruthy();
    for (const field of fields ?? []) {
      const issue = (res.body.fields ?? []).find((f: any) => f.field === field);
      expect({ field, issue }).toEqual({ field, issue: { field, message: opts?.message ?? expect.stringMatching(CJK) } });
    }
    const answer = JSON.stringify({ ...res.body, requestId: undefined }); // a random id may hold any four digits
    if (opts?.secret) for (const s of [opts.secret, ...opts.secret.match(/\d{4}/g)!]) expect(answer).not.toContain(s);
    // Nothing echoed: no ID number, phone or other long digit run from the request appears in the answer.
    for (const digits of new Set(payload.match(/\d{8,}/g) ?? [])) expect(text).not.toContain(digits);
    expect(text).not.toMatch(/QueryFailedError|SELECT|INSERT|stack/i);
    expect(await counts()).toEqual(before);
  });

  it('after all the bad requests, no table has gained or lost a row', async () => {
    expect(await counts()).toEqual(baseline);
  });
});
