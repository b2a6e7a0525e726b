import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { smallPdf } from '../support/upload-files';

/**
 * Issue 18 item 3: the evidence catalogue (kind, submitted by, received on); the respondent's reply uploaded with
 * recordReplyAtVersion meets the reply clock through the one existing path (RespondentService.replyReceived); a reply
 * without evidence received in time shows on the case resource as the ARL 70 risk, and evidence in time clears it.
 */
describe('evidence catalogue and the reply clock', () => {
  let t: TestApp;
  let tokens: Record<string, string>;
  let respondentId: number;
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const as = (u: string) => ({ authorization: `Bearer ${tokens[u]}` });
  const post = (caseId: string, path: string, body: object) => t.http().post(`/cases/${caseId}/${path}`).set(as('clerk')).send(body);
  const upload = (caseId: string, fields: Record<string, string>, name: string) => {
    let req = t.http().post(`/cases/${caseId}/files`).set(as('clerk'));
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', smallPdf(name), name);
  };
  const detail = async (caseId: string) => (await t.http().get(`/cases/${caseId}`).set(as('clerk'))).body;
  const replyClock = async (caseId: string) =>
    ((await t.http().get(`/cases/${caseId}/clocks`).set(as('clerk'))).body as Array<{ rule: string; status: string }>).find((c) => c.rule === 'respondent-reply');

  beforeAll(async () => {
    t = await createTestApp();
    tokens = Object.fromEntries(await Promise.all(['clerk', 'zhongcang'].map(async (u) => [u, await t.login(u)])));
    [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
  });
  afterAll(() => t?.close());

  const copied = async () => {
    const reg = await t.http().post('/applications').set(as('zhongcang')).send(applicationBody(respondentId));
    const id = reg.body.caseId as string;
    expect((await post(id, 'acceptance-review', { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
    expect((await post(id, 'copy-sent', { version: 2, sentOn: today(), method: 'direct', receivedOn: today() })).status).toBe(200);
    return id;
  };
  const reply = (id: string, version: number) =>
    upload(id, { kind: 'respondent-reply', submittedBy: '区公安分局', receivedOn: today(), recordReplyAtVersion: String(version) }, '行政复议答复书.pdf');

  it('a reply without evidence meets the reply clock and shows the ARL 70 risk; evidence received in time clears it', async () => {
    const id = await copied();
    expect((await detail(id)).risks).toEqual([]);
    const res = await reply(id, 3);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'respondent-reply', kindLabel: '被申请人答复书', submittedBy: '区公安分局', receivedOn: today() });
    expect((await replyClock(id))?.status).toBe('met');
    const after = await detail(id);
    expect(after.version).toBe(4);
    expect(after.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['file_added', 'reply_received']));
    expect(after.risks).toEqual([{ code: 'ARL70_NO_EVIDENCE', message: expect.stringContaining('第七十条'), article: '《行政复议法》第七十条' }]);

    const evidence = await upload(id, { kind: 'respondent-evidence', submittedBy: '区公安分局', receivedOn: today() }, '询问笔录.pdf');
    expect(evidence.status).toBe(201);
    expect((await detail(id)).risks).toEqual([]);
    const catalogue = (await t.http().get(`/cases/${id}/files`).set(as('clerk'))).body;
    expect(catalogue.map((f: { kind: string; receivedOn: string }) => [f.kind, f.receivedOn])).toEqual([
      ['respondent-reply', today()], ['respondent-evidence', today()],
    ]);
  });

  it('evidence received with the reply is listed on it: no risk; a stale version is 409 and stores no row', async () => {
    const id = await copied();
    expect((await upload(id, { kind: 'respondent-evidence', submittedBy: '区公安分局', receivedOn: today() }, '现场照片.pdf')).status).toBe(201);
    const stale = await reply(id, 2);
    expect([stale.status, stale.body.code]).toEqual([409, 'CASE_VERSION_CONFLICT']);
    expect((await t.http().get(`/cases/${id}/files`).set(as('clerk'))).body).toHaveLength(1);
    expect((await reply(id, 3)).status).toBe(201);
    const [event] = await t.db.ds.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'reply_received'`, [id]);
    expect(event.data.documents).toEqual(['现场照片.pdf']);
    expect((await detail(id)).risks).toEqual([]);
  });

  it('recordReplyAtVersion belongs to a respondent reply only', async () => {
    const id = await copied();
    const res = await upload(id, { kind: 'other', submittedBy: '区公安分局', receivedOn: today(), recordReplyAtVersion: '3' }, 'x.pdf');
    expect([res.status, res.body.code, res.body.fields?.[0]?.field]).toEqual([400, 'FILE_INVALID_INPUT', 'recordReply']);
  });
});
