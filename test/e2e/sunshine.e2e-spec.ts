import ExcelJS from 'exceljs';
import { findPersonalData } from '@fuyi/kernel';
import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 17 items 4-5 and the statistics routes through HTTP: the public lookup explains the stage and the next legal
 * step; published decisions are searchable and anonymised; no public response carries a name, ID number, phone,
 * address or plate number of the record.
 */
describe('sunshine reconsideration and statistics routes', () => {
  let t: TestApp;
  let tokens: Record<'clerk' | 'head' | 'zhongcang' | 'liaison' | 'mediator', string>;
  let respondentId: number;
  const idNumber = validIdNumber('19800101');
  const person = { kind: 'person', name: '欧阳娜娜', idNumber, phone: '13912345678', address: '北京市通州区玉桥街道玉桥东里5号楼2单元301室' };
  // Everything personal that exists in the record or in the decision text.
  const secrets = ['欧阳娜娜', '娜娜', idNumber, '13912345678', '玉桥东里5号楼', '张建国', '110101199003071234', '010-69512345', '京A·12345', '京AD12345', '小堡村东街8号'];

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const auth = (who: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[who]}` });
  const post = (caseId: string, path: string, who: keyof typeof tokens, body: object) => t.http().post(`/cases/${caseId}/${path}`).set(auth(who)).send(body);
  const status = (caseNumber: string, queryCode: string) => t.http().post('/public/case-status').send({ caseNumber, queryCode });
  /** Fails naming the kind (never the value) when a public response holds personal data. */
  const assertNoPersonalData = (body: unknown) => {
    const text = JSON.stringify(body);
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
    // Record ids and timestamps are not personal data, but a random UUID's digits can look like a phone number.
    const withoutIds = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>').replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<time>');
    expect(findPersonalData(withoutIds)).toBeNull();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const names = ['clerk', 'head', 'zhongcang', 'liaison', 'mediator'] as const;
    const list = await Promise.all(names.map((n) => t.login(n)));
    tokens = Object.fromEntries(names.map((n, i) => [n, list[i]])) as typeof tokens;
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
  });
  afterAll(() => t.close());

  const register = async () => {
    const reg = await t.http().post('/applications').set(auth('zhongcang')).send(applicationBody(respondentId, { applicants: [person], receivedAt: new Date().toISOString() }));
    expect(reg.status).toBe(201);
    return reg.body as { caseId: string; caseNumber: string; queryCode: string };
  };

  it('public lookup: the stage, the next legal step and its due date in plain Chinese, nothing personal', async () => {
    const reg = await register();
    const registered = await status(reg.caseNumber, reg.queryCode);
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({ stage: 'registered', stageLabel: '待受理审查', nextStep: { action: '作出是否受理的决定', basis: '《行政复议法》第三十条' } });
    expect(registered.body.explanation).toContain('5个工作日内');
    expect(registered.body.nextStep.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    assertNoPersonalData(registered.body);

    expect((await post(reg.caseId, 'acceptance-review', 'clerk', { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
    const accepted = await status(reg.caseNumber, reg.queryCode);
    expect(accepted.body).toMatchObject({ stage: 'accepted', acceptedOn: today(), nextStep: { action: '作出行政复议决定' } });
    expect(accepted.body.nextStep.due > today()).toBe(true);

    const suspended = await post(reg.caseId, 'suspend', 'clerk', { version: 2, ground: 6, consent: { applicant: true, respondent: true } });
    expect(suspended.status).toBe(200);
    const paused = await status(reg.caseNumber, reg.queryCode);
    expect(paused.body).toMatchObject({ stage: 'suspended', stageLabel: '中止审理', nextStep: { due: null } });
    expect(paused.body.explanation).toContain('中止审理：当事人正在调解，恢复后顺延');
    assertNoPersonalData(paused.body);
  });

  it('published decisions: anonymised, searchable by respondent, category and year, withdrawal recorded and honoured', async () => {
    const reg = await register();
    await post(reg.caseId, 'acceptance-review', 'clerk', { outcome: 'accept', version: 1, procedure: 'ordinary' });
    const hearing = await post(reg.caseId, 'hearings', 'clerk', { version: 2, kind: 'listening', heldOn: today(), place: '复议接待室' });
    await post(reg.caseId, `hearings/${hearing.body.hearingId}/minutes`, 'clerk', { version: 3, minutes: '双方陈述了意见。' });
    const summary = [
      '申请人欧阳娜娜，女，1980年1月1日出生，住北京市通州区玉桥街道玉桥东里5号楼2单元301室，联系电话13912345678。',
      '委托代理人：张建国，男，身份证号110101199003071234，电话010-69512345。',
      '申请人称，其驾驶的京A·12345号小型轿车于2026年10月1日停放在宋庄镇小堡村东街8号门前，被申请人对其作出罚款200元的处罚；另一车辆京AD12345系他人所有。',
      '本机关认为，被申请人认定事实不清，决定撤销该行政处罚决定。',
    ].join('\n');
    expect((await post(reg.caseId, 'decision', 'clerk', { version: 4, type: 'revoke', summary })).status).toBe(200);
    expect((await post(reg.caseId, 'decision/approve', 'head', { version: 5 })).status).toBe(200);
    const published = await post(reg.caseId, 'publish', 'head', { version: 6 });
    expect(published.status).toBe(200);
    expect(published.body.text).toContain('欧阳某');
    assertNoPersonalData(published.body.text);
    expect(published.body.text).toContain('张某');
    expect(published.body.text).toContain('决定撤销该行政处罚决定');

    const year = Number(today().slice(0, 4));
    const list = await t.http().get('/public/decisions').query({ respondentDepartmentId: respondentId, category: 'penalty', year });
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: any) => i.caseNumber === reg.caseNumber);
    expect(item).toMatchObject({ decisionLabel: '撤销', categoryLabel: '行政处罚', year });
    assertNoPersonalData(list.body);
    const other = await t.http().get('/public/decisions').query({ category: 'expropriation' });
    expect(other.body.items.find((i: any) => i.caseNumber === reg.caseNumber)).toBeUndefined();
    const byWord = await t.http().get('/public/decisions').query({ q: '认定事实不清' });
    expect(byWord.body.items.map((i: any) => i.id)).toContain(item.id);
    const full = await t.http().get(`/public/decisions/${item.id}`);
    expect(full.status).toBe(200);
    expect(full.body.text).toContain('［车牌号码］');
    assertNoPersonalData(full.body);
    assertNoPersonalData((await t.http().get('/public/decisions/facets')).body);
    // A personal number as a search term is refused, not echoed.
    const bad = await t.http().get('/public/decisions').query({ q: '13912345678' });
    expect(bad.status).toBe(400);
    assertNoPersonalData(bad.body);

    expect((await post(reg.caseId, 'publication/withdraw', 'clerk', { version: 7, reason: '决定被人民法院判决撤销' })).status).toBe(403);
    const withdrawn = await post(reg.caseId, 'publication/withdraw', 'head', { version: 7, reason: '决定被人民法院判决撤销' });
    expect(withdrawn.status).toBe(200);
    expect((await t.http().get(`/public/decisions/${item.id}`)).status).toBe(404);
    expect((await t.http().get('/public/decisions').query({ year })).body.items.map((i: any) => i.id)).not.toContain(item.id);
    const [row] = await t.db.ds.query(`SELECT withdrawn_by, withdrawal_reason, withdrawn_at FROM decision_publications WHERE id = $1`, [item.id]);
    expect(row).toMatchObject({ withdrawal_reason: '决定被人民法院判决撤销', withdrawn_at: expect.any(Date) });
    const [{ id: head }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'head'`);
    expect(row.withdrawn_by).toBe(head);
    const again = await post(reg.caseId, 'publication/withdraw', 'head', { version: withdrawn.body.version, reason: '重复' });
    expect(again.status).toBe(409);
  });

  it('statistics routes: district roles and liaison only; figures, drill-down and an .xlsx whose totals equal the JSON', async () => {
    const q = { from: `${today().slice(0, 4)}-01-01`, to: today() };
    expect((await t.http().get('/statistics/overview').query(q)).status).toBe(401);
    expect((await t.http().get('/statistics/overview').query(q).set(auth('zhongcang'))).status).toBe(403);
    expect((await t.http().get('/statistics/overview').query(q).set(auth('mediator'))).status).toBe(403);
    const overview = await t.http().get('/statistics/overview').query({ ...q, by: 'township' }).set(auth('head'));
    expect(overview.status).toBe(200);
    expect(overview.body.total.counts.received).toBeGreaterThan(0);
    expect((await t.http().get('/statistics/overview').query(q).set(auth('liaison'))).status).toBe(200);
    const drill = await t.http().get('/statistics/cases').query({ ...q, figure: 'received', pageSize: 200 }).set(auth('head'));
    expect(drill.body.total).toBe(overview.body.total.counts.received);
    const bad = await t.http().get('/statistics/overview').query({ from: '2026-13-01', to: q.to }).set(auth('head'));
    expect(bad.status).toBe(400);
    const noKey = await t.http().get('/statistics/cases').query({ ...q, figure: 'closed', by: 'township' }).set(auth('head'));
    expect([noKey.status, noKey.body.code]).toEqual([400, 'STATISTICS_INVALID_INPUT']);

    const xlsx = await t.http().get('/statistics/export').query({ ...q, table: 'overview', by: 'township' }).set(auth('head'))
      .buffer(true).parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(headers.indexOf('收案数') + 1).value).toBe(overview.body.total.counts.received);
    expect(last.getCell(headers.indexOf('受理数') + 1).value).toBe(overview.body.total.counts.accepted);
    const report = await t.http().get('/statistics/yearly-report').query({ year: q.from.slice(0, 4) }).set(auth('head'));
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toContain('wordprocessingml');
    const figures = await t.http().get('/statistics/figures').set(auth('clerk'));
    expect(figures.body.cases.directCorrectionRate).toMatchObject({ label: '直接纠错率', numerator: 'corrected', denominator: 'closed' });
  });
});
