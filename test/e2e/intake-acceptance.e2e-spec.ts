import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

describe('township intake → district acceptance (HTTP, real Postgres and Redis)', () => {
  let t: TestApp;
  let respondentId: number;
  let zhongcang: string;
  let songzhuang: string;
  let clerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    [zhongcang, songzhuang, clerk] = await Promise.all([t.login('zhongcang'), t.login('songzhuang'), t.login('clerk')]);
  });
  afterAll(() => t.close());

  const register = (token: string, body: object, key?: string) => {
    const req = t.http().post('/applications').set('authorization', `Bearer ${token}`);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const review = (id: string, body: object, token = clerk) =>
    t.http().post(`/cases/${id}/acceptance-review`).set('authorization', `Bearer ${token}`).send(body);

  it('registers at township A with case number, query code and receipt; B cannot see it; the district queue can', async () => {
    const res = await register(zhongcang, applicationBody(respondentId));
    expect(res.status).toBe(201);
    expect(res.body.caseNumber).toMatch(/^通复〔2026〕第\d{5}号$/);
    expect(res.body.queryCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(res.body.receipt.receivingOffice).toBe('中仓街道行政复议接待咨询分中心');
    // Receipt Tue 2026-11-10: five weekdays later is Tue 2026-11-17.
    expect(res.body.acceptanceDue).toBe('2026-11-17');
    const id = res.body.caseId;

    const own = await t.http().get(`/cases/${id}`).set('authorization', `Bearer ${zhongcang}`);
    expect(own.status).toBe(200);
    expect(own.body.parties[0].idNumber).toMatch(/^110112\*{8}\d{3}[\dX]$/); // masked for the township role
    expect(own.body.parties[0].phone).toBe('138****5678');

    const other = await t.http().get(`/cases/${id}`).set('authorization', `Bearer ${songzhuang}`);
    expect(other.status).toBe(404);
    const otherList = await t.http().get('/applications').set('authorization', `Bearer ${songzhuang}`);
    expect(otherList.body.items.map((i: any) => i.caseId)).not.toContain(id);

    const queue = await t.http().get('/intake-queue').set('authorization', `Bearer ${clerk}`);
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: any) => i.caseId === id);
    expect(item).toMatchObject({ township: '中仓街道', acceptanceDue: '2026-11-17', receiptAt: '2026-11-10T01:30:00.000Z' });

    const full = await t.http().get(`/cases/${id}`).set('authorization', `Bearer ${clerk}`);
    expect(full.body.parties[0].idNumber).toMatch(/^110112\d{11}[\dX]$/); // district handler sees the full value
    const [stored] = await t.db.ds.query('SELECT id_number_enc, phone_enc, address_enc FROM case_parties WHERE case_id = $1', [id]);
    expect(stored.id_number_enc).not.toContain('110112');
    expect(stored.phone_enc).not.toContain('138');
    expect(stored.address_enc).not.toContain('北京');
  });

  it('accepts, asks for correction, refuses; each writes an audit row; illegal moves answer 409', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await register(zhongcang, applicationBody(respondentId))).body.caseId);

    const accepted = await review(ids[0], { outcome: 'accept', version: 1, procedure: 'simplified', simplifiedReason: '罚款金额不超过3000元' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', version: 2 });

    const corrected = await review(ids[1], { outcome: 'request_correction', version: 1, items: ['缺少行政处罚决定书复印件', '申请书未签名'], decidedOn: '2026-11-12' });
    expect(corrected.body.state).toBe('correction_requested');
    const resumed = await t.http().post(`/cases/${ids[1]}/correction-received`).set('authorization', `Bearer ${zhongcang}`).send({ version: 2, receivedOn: '2026-11-20' });
    expect(resumed.status).toBe(200);
    expect(resumed.body.state).toBe('registered');

    const refused = await review(ids[2], { outcome: 'refuse', version: 1, reason: '不属于本机关管辖', competentBody: '市人民政府', decidedOn: '2026-11-12' });
    expect(refused.body.state).toBe('refused');

    const again = await review(ids[0], { outcome: 'refuse', version: 2, reason: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_ILLEGAL_TRANSITION');
    const stale = await review(ids[1], { outcome: 'accept', version: 1, procedure: 'ordinary' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CASE_VERSION_CONFLICT');

    const township = await review(ids[1], { outcome: 'accept', version: 3, procedure: 'ordinary' }, zhongcang);
    expect(township.status).toBe(403);

    const audit = await t.db.ds.query(`SELECT action FROM audit_log WHERE subject_id = ANY($1) ORDER BY id`, [ids]);
    expect(audit.map((a: any) => a.action).sort()).toEqual(
      ['case.accept', 'case.receive_correction', 'case.refuse', 'case.register', 'case.register', 'case.register', 'case.request_correction'].sort(),
    );
  });

  it('lets exactly one of two concurrent decisions win; the other gets 409', async () => {
    const id = (await register(zhongcang, applicationBody(respondentId))).body.caseId;
    const chief = await t.login('chief');
    const [a, b] = await Promise.all([
      review(id, { outcome: 'accept', version: 1, procedure: 'ordinary' }),
      review(id, { outcome: 'refuse', version: 1, reason: '超过申请期限', decidedOn: '2026-11-12' }, chief),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await t.db.ds.query(`SELECT type FROM case_events WHERE case_id = $1 AND type IN ('accept', 'refuse')`, [id]);
    expect(events).toHaveLength(1);
  });

  it('idempotent registration: same key + body → same case; other body → 422; concurrent repeats → one case', async () => {
    const body = applicationBody(respondentId);
    const first = await register(zhongcang, body, 'key-001');
    const second = await register(zhongcang, body, 'key-001');
    expect(second.status).toBe(201);
    expect(second.body.caseId).toBe(first.body.caseId);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const changed = await register(zhongcang, { ...body, requests: '另一请求' }, 'key-001');
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const burstBody = applicationBody(respondentId);
    const burst = await Promise.all(Array.from({ length: 8 }, () => register(zhongcang, burstBody, 'key-burst')));
    const ok = burst.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(burst.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'IDEMPOTENCY_IN_FLIGHT'))).toBe(true);
    expect(new Set(ok.map((r) => r.body.caseId)).size).toBe(1);
    const [{ n }] = await t.db.ds.query(`SELECT count(*)::int AS n FROM cases WHERE requests = $1 AND facts_reasons = $2 AND receipt_at = $3`, [
      burstBody.requests, burstBody.factsReasons, burstBody.receivedAt,
    ]);
    expect(n).toBeGreaterThanOrEqual(1);
    const [{ k }] = await t.db.ds.query(`SELECT count(*)::int AS k FROM idempotency_keys WHERE key = 'key-burst'`);
    expect(k).toBe(1);
  });

  it('public status: stage only with number + code; wrong code is 404; no personal data', async () => {
    const reg = await register(zhongcang, applicationBody(respondentId));
    const res = await t.http().post('/public/case-status').send({ caseNumber: reg.body.caseNumber, queryCode: reg.body.queryCode });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseNumber: reg.body.caseNumber, stage: 'registered', stageLabel: '待受理审查' });
    expect(JSON.stringify(res.body)).not.toMatch(/王小明|1381234|110112/);
    const wrong = await t.http().post('/public/case-status').send({ caseNumber: reg.body.caseNumber, queryCode: 'ZZZZZZ' });
    expect(wrong.status).toBe(404);
  });

  it('public status: ten wrong query codes slow the lookup down but never lock the case (issue 14 item 10)', async () => {
    const reg = await register(zhongcang, applicationBody(respondentId));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      // Time passes between guesses: each delay is allowed to run out.
      await t.db.ds.query(`UPDATE public_lookup_attempts SET next_allowed_at = now()`);
      statuses.push((await t.http().post('/public/case-status').send({ caseNumber: reg.body.caseNumber, queryCode: 'ZZZZZZ' })).status);
    }
    expect(statuses).toEqual(Array(10).fill(404));
    const early = await t.http().post('/public/case-status').send({ caseNumber: reg.body.caseNumber, queryCode: reg.body.queryCode });
    expect(early.status).toBe(429);
    expect(early.body.code).toBe('CASE_STATUS_RETRY_LATER');
    expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(60);
    await t.db.ds.query(`UPDATE public_lookup_attempts SET next_allowed_at = now()`);
    const later = await t.http().post('/public/case-status').send({ caseNumber: reg.body.caseNumber, queryCode: reg.body.queryCode });
    expect(later.status).toBe(200);
    await t.db.ds.query(`DELETE FROM public_lookup_attempts`);
  });

  it('every route is guarded unless public', async () => {
    expect((await t.http().get('/intake-queue')).status).toBe(401);
    expect((await t.http().get('/intake-queue').set('authorization', 'Bearer nonsense')).status).toBe(401);
    expect((await t.http().get('/intake-queue').set('authorization', `Bearer ${zhongcang}`)).status).toBe(403);
    expect((await t.http().get('/health/live')).status).toBe(200);
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });
});
