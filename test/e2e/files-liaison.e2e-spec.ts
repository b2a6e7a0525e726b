import { createHash } from 'node:crypto';
import { shanghaiDate } from '@fuyi/kernel';
import { createTestApp, type TestApp } from '../support/test-app';
import { hashingParser, smallPdf, type HashedBody } from '../support/upload-files';

type User = 'liaison' | 'head' | 'clerk' | 'songzhuang' | 'mediator';

/**
 * Issue 18 items 1 and 4 for court liaison: a risk notice's and a letter's materials are added by the liaison officers
 * while the record is not closed, seen by whoever reads liaison records (liaison officers, the district case roles), and
 * by nobody else (404, as a record that does not exist); every download is audited.
 */
describe('materials of a risk notice and of a letter', () => {
  let t: TestApp;
  const tok = {} as Record<User, string>;
  let depts: number[];
  const today = shanghaiDate(new Date());
  const N = '/liaison/risk-notices',
    L = '/liaison/letters';

  const as = (u: User) => ({ authorization: `Bearer ${tok[u]}` });
  const step = async (u: User, path: string, body: object) => {
    const res = await t.http().post(path).set(as(u)).send(body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const upload = (u: User, url: string, pdf: Buffer, name: string) =>
    t
      .http()
      .post(url)
      .set(as(u))
      .field('kind', 'other')
      .field('submittedBy', '区住房和城乡建设委员会')
      .field('receivedOn', today)
      .attach('file', pdf, name);
  const get = (u: User, url: string) => t.http().get(url).set(as(u));

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['liaison', 'head', 'clerk', 'songzhuang', 'mediator'] as User[]) tok[u] = await t.login(u);
    depts = (await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 2')).map((r: { id: number }) => r.id);
  });
  afterAll(() => t?.close());

  const newNotice = async () =>
    (
      await step('liaison', N, {
        title: '关于某片区拆违的风险提示',
        summary: '同一片区多户居民申请复议。',
        reasons: ['涉及多户'],
        suggestions: ['入户解释'],
        departmentIds: depts,
      })
    ).id as string;
  const newLetter = async () =>
    (
      await step('liaison', L, {
        kind: 'suggestion',
        recipientDepartmentId: depts[0],
        problems: ['告知不充分'],
        recommendations: ['规范告知'],
      })
    ).id as string;

  for (const [what, base, create] of [
    ['risk notice', N, newNotice],
    ['letter', L, newLetter],
  ] as const) {
    it(`a ${what}: the liaison officer uploads a PDF and downloads it with its hash intact; readers see it, others get 404`, async () => {
      const id = await create();
      // The record offers the upload to its keeper only (allowedActions, libs/liaison).
      const offers = async (u: User) => (await get(u, `${base}/${id}`)).body.allowedActions.map((a: { action: string }) => a.action);
      expect(await offers('liaison')).toContain('upload_file');
      expect(await offers('head')).not.toContain('upload_file');
      const pdf = smallPdf(`${what} 部门书面回复`);
      const sha = createHash('sha256').update(pdf).digest('hex');
      const up = await upload('liaison', `${base}/${id}/files`, pdf, '部门书面回复.pdf');
      expect([up.status, up.body.ownerType, up.body.ownerId, up.body.sha256, up.body.filename]).toEqual([
        201,
        what === 'letter' ? 'letter' : 'risk-notice',
        id,
        sha,
        '部门书面回复.pdf',
      ]);

      for (const u of ['liaison', 'head', 'clerk'] as User[]) {
        expect((await get(u, `${base}/${id}/files`)).body.map((f: { id: string }) => f.id)).toEqual([up.body.id]);
      }
      const down = (await get('liaison', `/files/${up.body.id}/download`).buffer(true).parse(hashingParser)) as HashedBody;
      expect([down.status, down.headers['x-content-sha256']]).toEqual([200, sha]);
      expect(down.body).toEqual({ sha256: sha, size: pdf.length });
      expect((await get('head', `/files/${up.body.id}/download`)).status).toBe(200);

      // A township clerk and a mediator do not read liaison records: the file does not exist for them.
      for (const u of ['songzhuang', 'mediator'] as User[]) {
        const res = await get(u, `/files/${up.body.id}/download`);
        expect([u, res.status, res.body.code]).toEqual([u, 404, 'FILE_NOT_FOUND']);
      }
      // The office head reads the record but does not keep it: the route's role gate.
      expect((await upload('head', `${base}/${id}/files`, pdf, 'x.pdf')).status).toBe(403);
      // A record that does not exist.
      const none = await upload('liaison', `${base}/00000000-0000-4000-8000-000000000000/files`, pdf, 'x.pdf');
      expect([none.status, none.body.code]).toEqual([404, 'FILE_NOT_FOUND']);

      const audit = await t.db.ds.query(
        `SELECT u.username FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'file.download' AND a.subject_id = $1 ORDER BY a.id`,
        [up.body.id],
      );
      expect(audit.map((r: { username: string }) => r.username)).toEqual(['liaison', 'head']);
    });
  }

  it('a closed letter takes no more files (409); its files stay readable', async () => {
    const id = await newLetter();
    const up = await upload('liaison', `${L}/${id}/files`, smallPdf('反馈'), '整改反馈.pdf');
    expect(up.status).toBe(201);
    await step('head', `${L}/${id}/issue`, { version: 1 });
    await step('liaison', `${L}/${id}/receive`, { version: 2, receivedOn: today });
    await step('liaison', `${L}/${id}/feedback`, { version: 3, feedbackOn: today, feedback: '已整改', corrections: ['重新告知'] });
    await step('liaison', `${L}/${id}/close`, { version: 4 });
    expect((await get('liaison', `${L}/${id}`)).body.allowedActions).toEqual([]);
    const late = await upload('liaison', `${L}/${id}/files`, smallPdf('迟到'), '迟到.pdf');
    expect([late.status, late.body.code]).toEqual([409, 'LIAISON_LETTER_ILLEGAL_TRANSITION']);
    expect((await get('clerk', `${L}/${id}/files`)).body).toHaveLength(1);
  });
});
