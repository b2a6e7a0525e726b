import { readDocx } from '../../libs/documents/src/__tests__/docx-text';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

type Who = 'clerk' | 'clerk2' | 'head' | 'zhongcang';

/**
 * Issue #12 item 5 through HTTP: documents only in the states where they belong, by the roles that own the step, with
 * every fact from the record; the decision document is the approved decision word for word.
 */
describe('documents come from the record', () => {
  let t: TestApp;
  const tokens = {} as Record<Who, string>;
  let respondentId: number;

  beforeAll(async () => {
    t = await createTestApp();
    for (const who of ['clerk', 'clerk2', 'head', 'zhongcang'] as const) tokens[who] = await t.login(who);
    [{ id: respondentId }] = await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 1');
  });
  afterAll(() => t.close());

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const post = (caseId: string, path: string, who: Who, body: object) =>
    t.http().post(`/cases/${caseId}/${path}`).set('authorization', `Bearer ${tokens[who]}`).send(body);
  const issue = (caseId: string, who: Who, type: string, data?: object) => post(caseId, 'documents', who, data ? { type, data } : { type });
  const text = async (documentId: string) => {
    const res = await t.http().get(`/documents/${documentId}/download`).set('authorization', `Bearer ${tokens.clerk}`).buffer(true)
      .parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); });
    return readDocx(res.body as Buffer).paragraphs;
  };
  const version = async (caseId: string) => (await t.db.ds.query('SELECT version FROM cases WHERE id = $1', [caseId]))[0].version as number;
  /** Accepted by clerk (its handler), the parties' hearing recorded as written review. */
  const heard = async () => {
    const reg = await t.http().post('/applications').set('authorization', `Bearer ${tokens.zhongcang}`).send(applicationBody(respondentId));
    await post(reg.body.caseId, 'acceptance-review', 'clerk', { outcome: 'accept', version: 1, procedure: 'ordinary' });
    await post(reg.body.caseId, 'hearing-waivers', 'clerk', { version: 2, kind: 'listening', reason: '申请人书面表示不陈述意见' });
    return { id: reg.body.caseId as string, caseNumber: reg.body.caseNumber as string };
  };
  const summary = '经审理查明，被申请人作出处罚前履行了告知程序。\n本机关认为，被申请人认定事实清楚，证据确凿，适用依据正确，程序合法。本机关决定：维持被申请人作出的行政处罚决定。';

  it('the decision document exists only once approved, and is the approved decision word for word', async () => {
    const { id, caseNumber } = await heard();
    expect((await post(id, 'decision', 'clerk', { version: 3, type: 'uphold', summary })).status).toBe(200);
    const pending = await issue(id, 'clerk', 'decision');
    expect(pending.status).toBe(409);
    expect(pending.body).toMatchObject({ code: 'DOCUMENT_NOT_IN_STATE', message: '案件当前状态为"决定待审批"，不能出具行政复议决定书' });

    expect((await post(id, 'decision/approve', 'head', { version: 4 })).status).toBe(200);
    const worded = await issue(id, 'clerk', 'decision', { decision: '撤销被申请人作出的行政处罚决定。' });
    expect(worded.status).toBe(400);
    expect(worded.body).toMatchObject({ code: 'DOCUMENT_DATA_INVALID', message: '行政复议决定书的内容取自案件记录，不能填写此项', fields: [{ field: 'data.decision' }] });

    const issued = await issue(id, 'clerk', 'decision');
    expect(issued.status).toBe(201);
    const paragraphs = await text(issued.body.id);
    expect(paragraphs[1]).toBe(`案号：${caseNumber}　${issued.body.number}`);
    expect(paragraphs).toEqual(expect.arrayContaining([...summary.split('\n'), '申请人请求：请求撤销被申请人作出的行政处罚决定']));
    expect(paragraphs).toContain(`本决定（维持）依据《中华人民共和国行政复议法》第六十八条作出，依照该法第六十一条的规定经本机关负责人于${Number(today().slice(0, 4))}年${Number(today().slice(5, 7))}月${Number(today().slice(8))}日同意。`);
  });

  it('a termination decision is the office head\'s, and only once a termination was approved; its ground and reason are the recorded ones', async () => {
    const { id } = await heard();
    const byClerk = await issue(id, 'clerk', 'termination-decision');
    expect(byClerk.status).toBe(403);
    expect(byClerk.body).toMatchObject({ code: 'DOCUMENT_ROLE_FORBIDDEN', message: '终止行政复议决定书由机构负责人出具' });
    const early = await issue(id, 'head', 'termination-decision');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'DOCUMENT_NOT_IN_STATE', message: '案件当前状态为"已受理"，不能出具终止行政复议决定书' });

    expect((await post(id, 'termination-request', 'clerk', { version: 3, ground: 1, reason: '申请人于审理期间书面撤回行政复议申请，经审查准予撤回' })).status).toBe(200);
    expect((await post(id, 'terminate', 'head', { version: 4 })).status).toBe(200);
    const supplied = await issue(id, 'head', 'termination-decision', { ground: '四', reason: '另一理由' });
    expect(supplied.status).toBe(400);
    expect(supplied.body).toMatchObject({ code: 'DOCUMENT_DATA_INVALID', message: '该项由案件数据生成，不能填写' });
    const issued = await issue(id, 'head', 'termination-decision');
    expect(issued.status).toBe(201);
    expect((await text(issued.body.id)).join('\n')).toContain('申请人于审理期间书面撤回行政复议申请，经审查准予撤回。根据《中华人民共和国行政复议法》第四十一条第一项的规定，经本机关负责人批准');
  });

  it('an opinion letter is the liaison workflow\'s: never issued through the case', async () => {
    const { id } = await heard();
    for (const who of ['clerk', 'head'] as const) {
      const res = await issue(id, who, 'opinion-letter', { recipient: '北京市通州区城市管理综合行政执法局' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'DOCUMENT_ISSUED_ELSEWHERE', message: '行政复议意见书由府院联络员起草、机构负责人审批制发，请在府院联动的意见书中办理' });
    }
  });

  it('a suspension notice prints the recorded suspension, also on a case decided since; never one that was not recorded', async () => {
    const { id } = await heard();
    expect((await post(id, 'suspend', 'clerk', { version: 3, ground: 8, from: today(), reason: '本案需以另一行政诉讼案件的审理结果为依据' })).status).toBe(200);
    const forged = await issue(id, 'clerk', 'suspension-notice', { ground: '三', suspendedOn: '2026-01-05' });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ code: 'DOCUMENT_DATA_INVALID', message: '该项由案件数据生成，不能填写', fields: [{ field: 'data.ground' }] });
    const notice = await issue(id, 'clerk', 'suspension-notice');
    expect(notice.status).toBe(201);
    const printed = (await text(notice.body.id)).join('\n');
    expect(printed).toContain('因本案需以另一行政诉讼案件的审理结果为依据，根据《中华人民共和国行政复议法》第三十九条第一款第八项的规定');

    expect((await post(id, 'resume', 'clerk', { version: 4 })).status).toBe(200);
    expect((await post(id, 'decision', 'clerk', { version: 5, type: 'uphold', summary })).status).toBe(200);
    expect((await post(id, 'decision/approve', 'head', { version: 6 })).body.state).toBe('decided');
    const reprint = await issue(id, 'clerk', 'suspension-notice');
    expect(reprint.status).toBe(201); // the recorded suspension, for the file
    expect((await text(reprint.body.id)).join('\n')).toContain('第三十九条第一款第八项');

    const never = await heard();
    await post(never.id, 'decision', 'clerk', { version: 3, type: 'uphold', summary });
    expect((await post(never.id, 'decision/approve', 'head', { version: 4 })).body.state).toBe('decided');
    const none = await issue(never.id, 'clerk', 'suspension-notice');
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ code: 'DOCUMENT_RECORD_MISSING', message: '本案没有中止记录，不能出具中止行政复议通知书' });
  });

  it('only the handler (or a chief or the head) issues a case\'s documents; a hearing notice prints the scheduled hearing', async () => {
    const { id } = await heard();
    const other = await issue(id, 'clerk2', 'reply-notice');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('CASE_NOT_HANDLER');

    const unscheduled = await issue(id, 'clerk', 'hearing-notice', { hearingTime: '09:30', hearingMatters: '处罚事实是否清楚' });
    expect(unscheduled.body).toMatchObject({ code: 'DOCUMENT_RECORD_MISSING', message: '本案尚未安排听证，请先安排听证（合议组、听证日期和地点）再出具听证通知书' });
    const panel = { presiding: '陈静', officers: ['刘洋', '张伟'], clerk: '李敏' };
    expect((await post(id, 'hearings', 'clerk', { version: await version(id), kind: 'formal', heldOn: '2027-03-10', place: '区政府听证室', panel, noticeSentOn: today() })).status).toBe(200);
    const notice = await issue(id, 'clerk', 'hearing-notice', { hearingTime: '09:30', hearingMatters: '处罚事实是否清楚' });
    expect(notice.status).toBe(201);
    expect(await text(notice.body.id)).toEqual(expect.arrayContaining([
      '一、听证时间：2027年3月10日9时30分。', '二、听证地点：区政府听证室。', '四、听证人员：主持人陈静，听证员刘洋、张伟，记录员李敏。',
    ]));
  });
  it('lists the types the caller may issue now, with the data keys each takes from its template (issue 11 item 6)', async () => {
    const { id } = await heard();
    const types = (who: Who) => t.http().get(`/cases/${id}/document-types`).set('authorization', `Bearer ${tokens[who]}`);
    const mine = await types('clerk');
    expect(mine.status).toBe(200);
    const byType = Object.fromEntries(mine.body.map((d: { type: string }) => [d.type, d]));
    // Accepted and heard: the notices of this stage; not the decision (none approved) nor the head's termination decision.
    expect(Object.keys(byType)).toEqual(expect.arrayContaining(['receipt', 'acceptance-notice', 'reply-notice', 'hearing-notice', 'mediation-document']));
    expect(byType.decision).toBeUndefined();
    expect(byType['termination-decision']).toBeUndefined();
    expect(byType['correction-notice']).toBeUndefined();
    expect(byType['hearing-notice']).toEqual({
      type: 'hearing-notice', title: '行政复议听证通知书',
      data: [
        { key: 'hearingTime', label: '听证开始时间', type: 'text', required: true, format: 'HH:mm', note: expect.stringContaining('案件记录只有听证日期') },
        { key: 'hearingMatters', label: '拟听证事项', type: 'text', required: true, format: null, note: '案件记录中没有' },
      ],
    });
    expect(byType['mediation-document'].data).toEqual([expect.objectContaining({ key: 'items', type: 'list', required: true })]);
    expect(byType['acceptance-notice'].data).toEqual([]);
    // What is listed is issued as listed.
    expect((await issue(id, 'clerk', 'acceptance-notice')).status).toBe(201);
    // Another clerk is not the handler: nothing to issue; a township clerk does not issue case documents at all.
    expect((await types('clerk2')).body).toEqual([]);
    expect((await types('zhongcang')).status).toBe(403);
  });
});
