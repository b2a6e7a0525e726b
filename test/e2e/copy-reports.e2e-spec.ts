import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '@fuyi/kernel';
import { readDocx } from '../../libs/documents/src/__tests__/docx-text';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

type Who = 'liaison' | 'head' | 'clerk' | 'admin' | 'zhongcang';

/**
 * Issue 12 item 11, ARL 79(2): 县级以上地方各级人民政府办理以本级人民政府工作部门为被申请人的行政复议案件，应当将发生法律效力的
 * 行政复议决定书、意见书同时抄告被申请人的上一级主管部门. The copy is made when the document takes effect (a decision on
 * service to every applicant, ARL 75; an opinion letter on receipt), recorded and documented with a 抄告函.
 */
describe('ARL 79(2) 抄告 to the respondent department’s superior', () => {
  let t: TestApp;
  let tok: Record<Who, string>;
  const dept: Record<string, number> = {};
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    tok = Object.fromEntries(await Promise.all((['liaison', 'head', 'clerk', 'admin', 'zhongcang'] as Who[]).map(async (n) => [n, await t.login(n)]))) as Record<Who, string>;
    for (const r of await t.db.ds.query(`SELECT id, name FROM departments`)) dept[r.name] = r.id;
  });
  afterAll(() => t.close());

  const post = (who: Who, path: string, body: object) => t.http().post(path).set('authorization', `Bearer ${tok[who]}`).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('authorization', `Bearer ${tok[who]}`).send(body);
  const get = (who: Who, path: string) => t.http().get(path).set('authorization', `Bearer ${tok[who]}`);
  const copies = async (caseId: string) => (await get('clerk', `/cases/${caseId}/copy-reports`)).body;

  /** Registered, accepted, decided (revoked) and approved; the 决定书 issued unless told otherwise. Returns id and version. */
  const decided = async (respondent: string, withDocument = true) => {
    const id = (await post('zhongcang', '/applications', applicationBody(dept[respondent]))).body.caseId as string;
    expect((await post('clerk', `/cases/${id}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
    // ARL 49: an ordinary-procedure decision waits for the parties to be heard or a recorded reason why not.
    expect((await post('clerk', `/cases/${id}/hearing-waivers`, { version: 2, kind: 'listening', reason: '申请人书面表示不再陈述意见，本案书面审理' })).status).toBe(200);
    expect((await post('clerk', `/cases/${id}/decision`, { version: 3, type: 'revoke', summary: '撤销。' })).status).toBe(200);
    expect((await post('head', `/cases/${id}/decision/approve`, { version: 4 })).status).toBe(200);
    let number: string | null = null;
    if (withDocument) number = (await post('clerk', `/cases/${id}/documents`, { type: 'decision', data: {} })).body.number;
    return { id, number };
  };
  const serve = async (id: string, version = 5) => {
    const [p] = await t.db.ds.query(`SELECT id FROM case_parties WHERE case_id = $1 AND role = 'applicant'`, [id]);
    const res = await post('clerk', `/cases/${id}/services`, { version, partyId: p.id, method: 'direct', servedOn: today });
    expect(res.body.state).toBe('served');
  };

  it('the departments carry their superior (seeded: city-level departments; street/town governments → 区人民政府)', async () => {
    const list = (await get('clerk', '/reference/departments')).body;
    expect(list.find((d: any) => d.name === '区公安分局')).toMatchObject({ kind: 'department', superior: '北京市公安局' });
    expect(list.find((d: any) => d.kind === 'township_gov')).toMatchObject({ superior: '区人民政府' });
  });

  it('a decision against a district department, served on its applicant, is copied to 北京市公安局 with a 抄告函: who, when, which document', async () => {
    const { id, number } = await decided('区公安分局');
    expect((await copies(id)).items).toEqual([]); // decided, not yet in force (ARL 75)
    await serve(id);
    const view = await copies(id);
    expect(view).toMatchObject({ required: true, respondent: '区公安分局', superior: '北京市公安局' });
    expect(view.basis).toContain('第七十九条第二款');
    const [clerk] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    expect(view.items).toEqual([expect.objectContaining({
      source: 'decision', sourceTitle: '行政复议决定书', sourceDocumentNumber: number, superior: '北京市公安局', effectiveOn: today,
      state: 'issued', stateLabel: '已抄告', pendingReason: null, issuedBy: clerk.id, issuedByName: '复议承办人 张伟', issuedOn: today,
      documentNumber: expect.stringMatching(/^通复抄字〔\d{4}〕第\d+号$/),
    })]);
    const file = await get('clerk', `/documents/${view.items[0].documentId}/download`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const text = readDocx(file.body as Buffer).paragraphs.join('\n');
    expect(text).toContain('北京市公安局：');
    expect(text).toContain(`以区公安分局为被申请人的${view.items[0].caseNumber}行政复议案件，行政复议决定书（${number}）已于`);
    expect(text).toContain('第七十九条第二款');
    const events = (await t.db.ds.query(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY id`, [id])).map((e: any) => e.type);
    expect(events).toEqual(expect.arrayContaining(['copy_report_issued']));
    // The 抄告函 comes from the record only: the generic document route does not issue one.
    expect((await post('clerk', `/cases/${id}/documents`, { type: 'copy-report', data: { recipient: 'x' } })).body.code).toBe('VALIDATION_FAILED');
  });

  it('a case against a street/town government is not copied: ARL 79(2) covers the district government’s work departments', async () => {
    const [{ name }] = await t.db.ds.query(`SELECT name FROM departments WHERE kind = 'township_gov' ORDER BY id LIMIT 1`);
    const { id } = await decided(name);
    await serve(id);
    expect(await copies(id)).toMatchObject({ required: false, superior: null, items: [] });
  });

  it('what cannot be copied yet stays pending with the reason, and is issued once the superior is set and the 决定书 issued', async () => {
    const market = dept['区市场监督管理局'];
    expect((await put('clerk', `/reference/departments/${market}/superior`, { superior: null })).status).toBe(403);
    expect((await put('admin', `/reference/departments/${market}/superior`, { superior: null })).body).toMatchObject({ superior: null });
    const { id } = await decided('区市场监督管理局', false);
    await serve(id);
    const [pending] = (await copies(id)).items;
    expect(pending).toMatchObject({ state: 'pending', stateLabel: '待抄告', superior: null, documentId: null, version: 1 });
    expect(pending.pendingReason).toContain('上一级主管部门未配置');
    expect((await get('liaison', '/liaison/copy-reports?state=pending')).body.items.map((r: any) => r.id)).toContain(pending.id);
    // The list pages oldest first with a cursor: every copy report once, in the order of one long page.
    const all = (await get('liaison', '/liaison/copy-reports?limit=200')).body.items.map((r: any) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await get('liaison', `/liaison/copy-reports?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((r: any) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);

    const blocked = await post('liaison', `/liaison/copy-reports/${pending.id}/issue`, { version: 1 });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ code: 'COPY_REPORT_BLOCKED' });
    expect(blocked.body.message).toContain('上一级主管部门未配置');
    expect((await put('admin', `/reference/departments/${market}/superior`, { superior: '北京市市场监督管理局' })).status).toBe(200);
    const noDocument = await post('liaison', `/liaison/copy-reports/${pending.id}/issue`, { version: 1 });
    expect(noDocument.body.message).toBe('暂不能抄告：行政复议决定书尚未出具，出具后抄告');

    const number = (await post('clerk', `/cases/${id}/documents`, { type: 'decision', data: {} })).body.number;
    expect((await post('liaison', `/liaison/copy-reports/${pending.id}/issue`, { version: 9 })).body.code).toBe('COPY_REPORT_VERSION_CONFLICT');
    const issued = await post('liaison', `/liaison/copy-reports/${pending.id}/issue`, { version: 1 });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ state: 'issued', version: 2, superior: '北京市市场监督管理局' });
    expect((await copies(id)).items[0]).toMatchObject({ state: 'issued', sourceDocumentNumber: number, superior: '北京市市场监督管理局', pendingReason: null });
    expect((await post('liaison', `/liaison/copy-reports/${pending.id}/issue`, { version: 2 })).body.code).toBe('COPY_REPORT_ISSUED');
  });

  it('an opinion letter from such a case is copied when its recipient receives it', async () => {
    const caseId = (await post('zhongcang', '/applications', applicationBody(dept['区生态环境局']))).body.caseId;
    const letter = (await post('liaison', '/liaison/letters', { kind: 'opinion', caseId, problems: ['未履行告知义务'], recommendations: ['依法重新作出'] })).body;
    const issued = (await post('head', `/liaison/letters/${letter.id}/issue`, { version: 1 })).body;
    expect((await copies(caseId)).items).toEqual([]); // issued, not yet received
    expect((await post('liaison', `/liaison/letters/${letter.id}/receive`, { version: 2, receivedOn: today })).status).toBe(200);
    const [item] = (await copies(caseId)).items;
    expect(item).toMatchObject({ source: 'opinion-letter', sourceTitle: '行政复议意见书', sourceId: letter.id, sourceDocumentNumber: issued.documentNumber, superior: '北京市生态环境局', state: 'issued' });
    // Listed with the letter's documents and the case's.
    expect((await get('liaison', `/liaison/letters/${letter.id}`)).body.documents.map((d: any) => d.type)).toEqual(['opinion-letter', 'copy-report']);
    expect((await get('clerk', `/cases/${caseId}/documents`)).body.map((d: any) => d.type)).toContain('copy-report');
  });

  it.each([
    ['an unknown list state', 'get', '/liaison/copy-reports?state=sent', undefined, 'clerk', 400, 'VALIDATION_FAILED'],
    ['an unknown copy', 'post', `/liaison/copy-reports/${randomUUID()}/issue`, { version: 1 }, 'liaison', 404, 'COPY_REPORT_NOT_FOUND'],
    ['a township clerk', 'get', '/liaison/copy-reports', undefined, 'zhongcang', 403, 'FORBIDDEN_ROLE'],
    ['an unknown department', 'put', '/reference/departments/999999/superior', { superior: '北京市某局' }, 'admin', 404, 'LIAISON_UNKNOWN_DEPARTMENT'],
    ['a department id that is not a number', 'put', '/reference/departments/abc/superior', { superior: '北京市某局' }, 'admin', 400, 'VALIDATION_FAILED'],
    ['a phone number as the superior', 'put', '/reference/departments/1/superior', { superior: '联系人13800138000' }, 'admin', 400, 'PERSONAL_DATA_NOT_ALLOWED'],
    ['no superior given', 'put', '/reference/departments/1/superior', {}, 'admin', 400, 'VALIDATION_FAILED'],
  ] as const)('refuses %s', async (_, method, path, body, who, status, code) => {
    const req = t.http()[method](path).set('authorization', `Bearer ${tok[who]}`);
    const res = body ? await req.send(body) : await req;
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
