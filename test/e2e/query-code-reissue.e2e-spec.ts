import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue #12 item 14: a lost query code is reissued at the counter after the clerk checked the applicant's ID card
 * against the record (through the blind index); the old code stops working, the new one is shown once on a reprinted
 * receipt, and every attempt is audited without the ID number or the code.
 */
describe('query code reissue at the counter', () => {
  let t: TestApp;
  let zhongcang: string;
  let songzhuang: string;
  let respondentId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [zhongcang, songzhuang] = await Promise.all([t.login('zhongcang'), t.login('songzhuang')]);
    [{ id: respondentId }] = await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 1');
  });
  afterAll(() => t.close());

  const status = (caseNumber: string, queryCode: string) => t.http().post('/public/case-status').send({ caseNumber, queryCode });
  const reissue = (caseId: string, token: string, body: object) => t.http().post(`/cases/${caseId}/query-code/reissue`).set('authorization', `Bearer ${token}`).send(body);

  it('checks the ID number against the record, replaces the code (the old one stops working) and reprints the receipt', async () => {
    const idNumber = validIdNumber('19790215');
    const reg = await t.http().post('/applications').set('authorization', `Bearer ${zhongcang}`)
      .send(applicationBody(respondentId, { applicants: [{ kind: 'person', name: '王小明', idNumber, phone: '13812345678' }] }));
    expect((await status(reg.body.caseNumber, reg.body.queryCode)).status).toBe(200);

    const wrong = await reissue(reg.body.caseId, zhongcang, { idNumber: validIdNumber('19800101') });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'CASE_IDENTITY_MISMATCH', message: '核验信息与本案申请人的登记信息不符，不能补发查询码；请核对申请人身份证件' });
    expect(JSON.stringify(wrong.body)).not.toContain(idNumber.slice(6, 14));
    expect((await status(reg.body.caseNumber, reg.body.queryCode)).status).toBe(200); // a refused check changes nothing

    const done = await reissue(reg.body.caseId, zhongcang, { idNumber: idNumber.toLowerCase() });
    expect(done.status).toBe(200);
    expect(done.headers['cache-control']).toBe('no-store');
    expect(done.body.queryCode).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    expect(done.body.queryCode).not.toBe(reg.body.queryCode);
    expect(done.body.receipt).toMatchObject({
      title: '行政复议申请材料接收回执', caseNumber: reg.body.caseNumber, queryCode: done.body.queryCode, receivedAt: reg.body.receipt.receivedAt,
      receivingOffice: reg.body.receipt.receivingOffice, applicants: ['王小明'], acceptanceDue: reg.body.acceptanceDue,
    });
    expect(done.body.receipt.queryCodeReissuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const old = await status(reg.body.caseNumber, reg.body.queryCode);
    expect(old.status).toBe(404);
    expect(old.body.code).toBe('CASE_STATUS_NOT_FOUND');
    expect((await status(reg.body.caseNumber, done.body.queryCode)).body.caseNumber).toBe(reg.body.caseNumber);

    // Audited (both attempts), on the timeline; never the ID number or either code.
    const audit = await t.db.ds.query(`SELECT action, summary FROM audit_log WHERE subject_id = $1 AND action LIKE 'case.query_code%' ORDER BY seq`, [reg.body.caseId]);
    expect(audit).toEqual([
      { action: 'case.query_code_reissue_refused', summary: { checked: 'id_number' } },
      { action: 'case.query_code_reissue', summary: { checked: 'id_number', applicantPosition: 0 } },
    ]);
    const trail = JSON.stringify(await t.db.ds.query(`SELECT data FROM case_events WHERE case_id = $1`, [reg.body.caseId])) + JSON.stringify(audit);
    for (const secret of [idNumber, reg.body.queryCode, done.body.queryCode]) expect(trail).not.toContain(secret);
  });

  it('organisations are checked by their credit code; another township\'s counter does not see the case; bad input is a 400', async () => {
    const creditCode = '91110112MA01ABCD3D';
    const org = { kind: 'organisation', name: '北京某某建筑有限公司', creditCode, legalRepresentative: '李华' };
    const reg = await t.http().post('/applications').set('authorization', `Bearer ${zhongcang}`).send(applicationBody(respondentId, { applicants: [org] }));
    expect(reg.status).toBe(201);
    expect((await reissue(reg.body.caseId, songzhuang, { creditCode })).status).toBe(404);
    expect((await reissue(reg.body.caseId, zhongcang, {})).body).toMatchObject({ code: 'CASE_INVALID_INPUT', fields: [{ field: 'idNumber' }] });
    const bad = await reissue(reg.body.caseId, zhongcang, { idNumber: '110112197902150000' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('idNumber');
    const ok = await reissue(reg.body.caseId, zhongcang, { creditCode });
    expect(ok.status).toBe(200);
    expect((await status(reg.body.caseNumber, ok.body.queryCode)).status).toBe(200);
  });
});
