import { createHash, randomUUID } from 'node:crypto';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/** The life of a case after acceptance, through HTTP: each path of the district's adjudication. */
describe('district adjudication paths', () => {
  let t: TestApp;
  let tokens: Record<'clerk' | 'head' | 'zhongcang', string>;
  let respondentId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const [clerk, head, zhongcang] = await Promise.all([t.login('clerk'), t.login('head'), t.login('zhongcang')]);
    tokens = { clerk, head, zhongcang };
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
  });
  afterAll(() => t.close());

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const post = (caseId: string, path: string, who: keyof typeof tokens, body: object) =>
    t.http().post(`/cases/${caseId}/${path}`).set('authorization', `Bearer ${tokens[who]}`).send(body);
  const clocks = async (caseId: string) =>
    Object.fromEntries(((await t.http().get(`/cases/${caseId}/clocks`).set('authorization', `Bearer ${tokens.clerk}`)).body as any[]).map((c) => [c.rule, c]));
  const accepted = async (procedure: 'ordinary' | 'simplified') => {
    const reg = await t.http().post('/applications').set('authorization', `Bearer ${tokens.zhongcang}`).send(applicationBody(respondentId));
    const body: Record<string, unknown> = { outcome: 'accept', version: 1, procedure };
    if (procedure === 'simplified') body.simplifiedReason = '罚款金额不超过3000元';
    expect((await post(reg.body.caseId, 'acceptance-review', 'clerk', body)).status).toBe(200);
    return reg.body.caseId as string;
  };

  it('ordinary decision: copy, reply, decision approved by the office head, service, lawsuit window, archive only after it', async () => {
    const id = await accepted('ordinary');
    const copy = await post(id, 'copy-sent', 'clerk', { version: 2, sentOn: today(), method: 'direct', receivedOn: today() });
    expect(copy.status).toBe(200);
    expect((await clocks(id))['respondent-reply'].status).toBe('running');
    expect((await post(id, 'reply-received', 'clerk', { version: 3, receivedOn: today(), documents: ['答复书', '证据'] })).status).toBe(200);
    expect((await clocks(id))['respondent-reply'].status).toBe('met');
    // ARL 49: the parties are heard before an ordinary-procedure decision.
    const listening = await post(id, 'hearings', 'clerk', { version: 4, kind: 'listening', heldOn: today(), place: '复议接待室' });
    expect((await post(id, `hearings/${listening.body.hearingId}/minutes`, 'clerk', { version: 5, minutes: '申请人、被申请人分别陈述了意见。' })).status).toBe(200);

    expect((await post(id, 'decision', 'clerk', { version: 6, type: 'uphold', summary: '申请人王小明的请求不能成立，被申请人认定事实清楚，证据确凿，维持。' })).status).toBe(200);
    expect((await post(id, 'decision/approve', 'clerk', { version: 7 })).status).toBe(403); // only the office head
    const approved = await post(id, 'decision/approve', 'head', { version: 7 });
    expect(approved.body.state).toBe('decided');
    expect((await clocks(id)).decision.status).toBe('met');

    const [applicant] = await t.db.ds.query(`SELECT id FROM case_parties WHERE case_id = $1 AND role = 'applicant'`, [id]);
    const served = await post(id, 'services', 'clerk', { version: 8, partyId: applicant.id, method: 'direct', servedOn: today() });
    expect(served.status).toBe(200);
    expect(served.body.state).toBe('served');
    const lawsuit = (await clocks(id)).lawsuit;
    expect(lawsuit).toMatchObject({ status: 'running', start: today() });
    const archive = await post(id, 'archive', 'clerk', { version: served.body.version });
    expect(archive.status).toBe(409);
    expect(archive.body.code).toBe('CASE_LAWSUIT_WINDOW_OPEN');

    const published = await post(id, 'publish', 'head', { version: served.body.version });
    expect(published.status).toBe(200);
    expect(published.body.text).toContain('维持');
    const [{ name }] = await t.db.ds.query(`SELECT name FROM case_parties WHERE case_id = $1 AND role = 'applicant'`, [id]);
    expect(published.body.text).not.toContain(name);
  });

  it('simplified decision path, and simplified → ordinary with one extension of at most 30 days', async () => {
    const simple = await accepted('simplified');
    expect((await clocks(simple))['decision-simplified'].status).toBe('running');
    expect((await post(simple, 'extension-request', 'clerk', { version: 2, days: 10, reason: '案情复杂' })).body.code).toBe('CASE_EXTENSION_NOT_ALLOWED');
    expect((await post(simple, 'decision', 'clerk', { version: 2, type: 'revoke', summary: '撤销', redoPeriodDays: 30 })).status).toBe(200);
    expect((await post(simple, 'decision/approve', 'head', { version: 3 })).body.state).toBe('decided');

    const id = await accepted('simplified');
    const converted = await post(id, 'convert-to-ordinary', 'head', { version: 2, reason: '案情复杂，需听证' });
    expect(converted.status).toBe(200);
    const c = await clocks(id);
    expect(c['decision-simplified'].status).toBe('cancelled');
    expect(c.decision.status).toBe('running');
    // ARL 62: the handler asks, the office head approves.
    expect((await post(id, 'extension-request', 'clerk', { version: 3, days: 30, reason: '需要补充调查' })).status).toBe(200);
    const extended = await post(id, 'extend', 'head', { version: 4 });
    expect(extended.status).toBe(200);
    expect(extended.body.decisionDue > c.decision.due).toBe(true);
    expect((await post(id, 'extension-request', 'clerk', { version: 5, days: 5, reason: '再次延长' })).body.code).toBe('CLOCK_ALREADY_EXTENDED');
    expect((await post(id, 'extension-request', 'clerk', { version: 5, days: 31, reason: '超限' })).status).toBe(400);
  });

  it('termination after an approved withdrawal; a mediation settlement needs every signature', async () => {
    const id = await accepted('ordinary');
    expect((await post(id, 'termination-request', 'clerk', { version: 2, ground: 1, reason: '申请人撤回申请，准予撤回' })).status).toBe(200);
    const terminated = await post(id, 'terminate', 'head', { version: 3 });
    expect(terminated.body.state).toBe('terminated');
    expect((await clocks(id)).decision.status).toBe('cancelled');

    const m = await accepted('ordinary');
    const unsigned = await post(m, 'mediation-settlement', 'head', { version: 2, signedByAll: false, summary: '双方达成调解' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.fields[0].field).toBe('signedByAll');
    expect((await post(m, 'mediation-settlement', 'head', { version: 2, signedByAll: true, summary: '被申请人撤销处罚，申请人撤回' })).body.state).toBe('mediated');
  });

  it('every illegal move answers 409 with a code', async () => {
    const id = await accepted('ordinary');
    const cases: Array<[string, object]> = [
      ['decision/approve', { version: 2 }],
      ['archive', { version: 2 }],
      ['resume', { version: 2 }],
    ];
    for (const [path, body] of cases) {
      const res = await post(id, path, path === 'decision/approve' ? 'head' : 'clerk', body);
      expect([path, res.status, res.body.code]).toEqual([path, 409, 'CASE_ILLEGAL_TRANSITION']);
    }
    const stale = await post(id, 'decision', 'clerk', { version: 1, type: 'uphold', summary: '维持' });
    expect(stale.body.code).toBe('CASE_VERSION_CONFLICT');
    await post(id, 'termination-request', 'clerk', { version: 2, ground: 1, reason: '撤回' });
    expect((await post(id, 'terminate', 'head', { version: 3 })).body.state).toBe('terminated');
    for (const path of ['decision', 'suspend', 'copy-sent']) {
      const body = path === 'decision' ? { version: 4, type: 'uphold', summary: 'x' } : path === 'suspend' ? { version: 4, ground: 3 } : { version: 4, sentOn: today(), method: 'post', receivedOn: today() };
      const res = await post(id, path, 'clerk', body);
      expect([path, res.status, res.body.code]).toEqual([path, 409, 'CASE_ILLEGAL_TRANSITION']);
    }
  });

  it('case documents: a township clerk sees neither liaison letters nor mediation work other than the referral form (tester #4)', async () => {
    const id = await accepted('ordinary');
    const liaison = await t.login('liaison');
    const letter = await t.http().post('/liaison/letters').set('authorization', `Bearer ${liaison}`)
      .send({ kind: 'opinion', caseId: id, problems: ['未履行告知义务'], recommendations: ['依法重新作出行政行为'] });
    const issued = await t.http().post(`/liaison/letters/${letter.body.id}/issue`).set('authorization', `Bearer ${tokens.head}`).send({ version: 1 });
    expect(issued.status).toBe(200);
    // A mediation file's documents that also belong to the case (as the mediation centre issues them).
    const content = Buffer.from('docx');
    const sha = createHash('sha256').update(content).digest('hex');
    const [{ id: userId }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'mediator'`);
    const fileId = randomUUID();
    const mediation: Record<string, string> = {};
    for (const [i, type] of ['mediation-referral', 'mediation-record'].entries()) {
      [{ id: mediation[type] }] = await t.db.ds.query(
        `INSERT INTO case_documents (owner_kind, owner_id, case_id, type, year, seq, number, title, version, content, sha256, issued_by)
         VALUES ('mediation', $1, $2, $3, 2099, $4, $5, '调解文书', 1, $6, $7, $8) RETURNING id`,
        [fileId, id, type, 900 + i, `测〔2099〕${900 + i}号`, content, sha, userId],
      );
    }
    const list = async (who: 'clerk' | 'zhongcang') =>
      ((await t.http().get(`/cases/${id}/documents`).set('authorization', `Bearer ${tokens[who]}`)).body as any[]).map((d) => d.type);
    const download = (who: 'clerk' | 'zhongcang', documentId: string) =>
      t.http().get(`/documents/${documentId}/download`).set('authorization', `Bearer ${tokens[who]}`);

    expect(await list('clerk')).toEqual(expect.arrayContaining(['opinion-letter', 'mediation-referral', 'mediation-record']));
    const counter = await list('zhongcang');
    expect(counter).toContain('mediation-referral');
    expect(counter).not.toContain('opinion-letter');
    expect(counter).not.toContain('mediation-record');
    expect((await download('zhongcang', issued.body.documentId)).status).toBe(404);
    expect((await download('zhongcang', mediation['mediation-record']!)).status).toBe(404);
    expect((await download('zhongcang', mediation['mediation-referral']!)).status).toBe(200);
    expect((await download('clerk', issued.body.documentId)).status).toBe(200);
    expect((await download('clerk', mediation['mediation-record']!)).status).toBe(200);
  });
});

