import { ClusterDetector } from '@fuyi/liaison';
import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** Third parties, hearing the parties and formal hearings (ARL 49-51). */
describe('third parties and hearings', () => {
  let t: TestApp;
  let clerk: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.login('clerk');
    const township = await t.login('zhongcang');
    const [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    caseId = (await t.http().post('/applications').set('authorization', `Bearer ${township}`).send(applicationBody(respondentId))).body.caseId;
    await t.http().post(`/cases/${caseId}/acceptance-review`).set('authorization', `Bearer ${clerk}`).send({ outcome: 'accept', version: 1, procedure: 'ordinary' });
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) => t.http().post(`/cases/${caseId}/${path}`).set('authorization', `Bearer ${clerk}`).send(body);

  it('adds a third party (personal data encrypted) and records the written notice', async () => {
    const added = await post('parties', { version: 2, role: 'third_party', party: { kind: 'person', name: '李四', idNumber: validIdNumber('19700101'), phone: '13900001111' } });
    expect(added.status).toBe(200);
    const [row] = await t.db.ds.query('SELECT role, phone_enc FROM case_parties WHERE id = $1', [added.body.partyId]);
    expect(row.role).toBe('third_party');
    expect(row.phone_enc).not.toContain('139');
    expect((await post('parties/notified', { version: 3, partyId: added.body.partyId, method: 'post', notifiedOn: '2026-11-20' })).status).toBe(200);
  });

  it('a formal hearing needs a full panel and 5 working days of notice; hearing the parties is required in the ordinary procedure', async () => {
    const req = await t.http().get(`/cases/${caseId}/hearing-requirements`).set('authorization', `Bearer ${clerk}`);
    expect(req.body).toMatchObject({ listeningRequired: true, listeningDone: false });
    const thin = await post('hearings', { version: 4, kind: 'formal', heldOn: '2026-11-26', place: '听证室', panel: { presiding: '陈静', officers: ['刘洋'], clerk: '李敏' }, noticeSentOn: '2026-11-19' });
    expect(thin.status).toBe(400);
    const panel = { presiding: '陈静', officers: ['刘洋', '张伟'], clerk: '李敏' };
    // Hearing on Thu 2026-11-26 (already held: minutes follow below): the notice must go out by Thu 2026-11-19
    // (five working days before: 11-25, 24, 23, 20, 19).
    const late = await post('hearings', { version: 4, kind: 'formal', heldOn: '2026-11-26', place: '听证室', panel, noticeSentOn: '2026-11-20' });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'HEARING_NOTICE_TOO_LATE', latestNoticeDate: '2026-11-19' });
    const ok = await post('hearings', { version: 4, kind: 'formal', heldOn: '2026-11-26', place: '听证室', panel, noticeSentOn: '2026-11-19' });
    expect(ok.status).toBe(200);
    const held = await post(`hearings/${ok.body.hearingId}/minutes`, { version: 5, minutes: '申请人陈述了理由，被申请人出示了证据。' });
    expect(held.status).toBe(200);
    const after = await t.http().get(`/cases/${caseId}/hearing-requirements`).set('authorization', `Bearer ${clerk}`);
    expect(after.body.listeningDone).toBe(true);
    expect((await post('committee-opinion', { version: 6, meetingOn: '2026-11-25', opinion: '多数委员认为应当维持。' })).status).toBe(200);
  });

  it('makes a formal hearing mandatory for a group dispute (ARL 50): a case in an open cluster of five applications against the same act', async () => {
    const township = await t.login('zhongcang');
    const [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id DESC LIMIT 1`);
    const act = { type: '房屋征收决定', documentNumber: '通征〔2026〕第7号', knownDate: '2026-11-01' };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await t.http().post('/applications').set('authorization', `Bearer ${township}`).send(applicationBody(respondentId, { act, category: 'expropriation' }))).body.caseId);
    }
    // Detection is the worker's job (CaseRegistered); run it in process here.
    await t.app.get(ClusterDetector).processRecords(ids.map((id) => ({ kind: 'case' as const, id })));
    const res = await t.http().get(`/cases/${ids[4]}/hearing-requirements`).set('authorization', `Bearer ${clerk}`);
    expect(res.body.formalHearingMandatory).toBe(true);
    expect(res.body.reasons.join()).toContain('群体性纠纷线索“通征〔2026〕第7号”');
    const single = await t.http().get(`/cases/${caseId}/hearing-requirements`).set('authorization', `Bearer ${clerk}`);
    expect(single.body.formalHearingMandatory).toBe(false);
  });
});
