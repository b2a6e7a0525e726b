import { renderReportDocx } from '@fuyi/documents';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { PNG, smallPdf } from '../support/upload-files';

/**
 * Issue 18, the console's preview: GET /files/:fileId/download?disposition=inline serves a PDF or an image `inline`
 * (same RFC 5987 name, no-store, audit row, scan rule) and that answer alone may be framed, by this origin only; every
 * other answer keeps frame-ancestors 'none'. Other types stay attachments whatever is asked.
 */
describe('previewing a material (disposition=inline)', () => {
  let t: TestApp;
  let token: string;
  let caseId: string;
  const ids: Record<string, string> = {};
  const as = () => ({ authorization: `Bearer ${token}` });
  const upload = (body: Buffer, name: string) =>
    t
      .http()
      .post(`/cases/${caseId}/files`)
      .set(as())
      .field('kind', 'applicant-material')
      .field('submittedBy', '申请人')
      .field('receivedOn', '2026-11-10')
      .attach('file', body, name);
  const download = (id: string, query = '') => t.http().get(`/files/${id}/download${query}`).set(as()).buffer(true);

  beforeAll(async () => {
    t = await createTestApp();
    token = await t.login('zhongcang');
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    caseId = (await t.http().post('/applications').set(as()).send(applicationBody(dept))).body.caseId;
    const docx = await renderReportDocx({
      title: '情况说明',
      number: '',
      office: '区司法局',
      issuedOn: '2026-11-10',
      sections: [{ heading: '说明', paragraphs: ['内容'] }],
    });
    for (const [key, body, name] of [
      ['pdf', smallPdf('预览'), '行政处罚决定书（京通公〔2026〕第101号）.pdf'],
      ['png', PNG, '现场照片.png'],
      ['docx', docx, '情况说明.docx'],
    ] as const) {
      const res = await upload(body, name);
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    }
  }, 60_000);
  afterAll(() => t?.close());

  it('a PDF and an image are served inline, framable by this origin only; the name, no-store and the audit row stay', async () => {
    for (const key of ['pdf', 'png']) {
      const res = await download(ids[key], '?disposition=inline');
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="[^"]*"; filename\*=UTF-8''/);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
      expect(res.headers['content-security-policy']).not.toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
    const pdf = await download(ids.pdf, '?disposition=inline');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(pdf.headers['content-disposition'])![1])).toBe(
      '行政处罚决定书（京通公〔2026〕第101号）.pdf',
    );
    // Ranges as for a download (a large PDF opened in the viewer).
    const part = await download(ids.pdf, '?disposition=inline').set('range', 'bytes=0-3');
    expect([part.status, part.headers['content-range']]).toEqual([206, expect.stringMatching(/^bytes 0-3\//)]);
    const audit = await t.db.ds.query(`SELECT summary FROM audit_log WHERE action = 'file.download' AND subject_id = $1 ORDER BY id`, [
      ids.pdf,
    ]);
    expect(audit.map((a: { summary: { disposition?: string } }) => a.summary.disposition)).toEqual(['inline', 'inline', 'inline']);
  });

  it('a download stays an attachment that nothing may frame; other types are never served inline; a bad value is 400', async () => {
    const plain = await download(ids.pdf);
    expect(plain.headers['content-disposition']).toMatch(/^attachment; /);
    expect(plain.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(plain.headers['x-frame-options']).toBe('DENY');
    const docx = await download(ids.docx, '?disposition=inline');
    expect([docx.status, docx.headers['content-disposition']]).toEqual([200, expect.stringMatching(/^attachment; /)]);
    expect(docx.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    const bad = await download(ids.pdf, '?disposition=embed');
    expect([bad.status, bad.body.code]).toEqual([400, 'FILE_INVALID_INPUT']);
  });

  it('a quarantined file is not served inline either', async () => {
    await t.db.ds.query(`UPDATE stored_files SET scan_state = 'quarantined' WHERE id = $1`, [ids.png]);
    const res = await download(ids.png, '?disposition=inline');
    expect([res.status, res.body.code]).toEqual([409, 'FILE_QUARANTINED']);
  });
});
