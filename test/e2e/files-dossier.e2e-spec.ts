import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { PNG, smallPdf } from '../support/upload-files';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A two-page PDF with plain page objects (as a scanner writes them): the catalogue counts its pages. */
const twoPagePdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type /Page /Parent 2 0 R >> endobj\n% ${text}\n%%EOF\n`,
    'latin1',
  );

/** Collects a binary body (a zip, a .docx) into a Buffer; an error's JSON is parsed as usual. */
const binary = (res: any, done: (err: Error | null, body: unknown) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    const all = Buffer.concat(chunks);
    done(null, String(res.headers['content-type']).startsWith('application/json') ? JSON.parse(all.toString('utf8')) : all);
  });
};

/** Issue 18 item 6: a document's signed scan as its next version; the closed case file as one package with its 卷内目录. */
describe('documents’ versions and the case file package', () => {
  let t: TestApp;
  let tokens: Record<string, string>;
  let caseId: string;
  let refusalId: string;
  const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
  const upload = (user: string, kind: string, receivedOn: string, content: Buffer, name: string) =>
    t
      .http()
      .post(`/cases/${caseId}/files`)
      .set(as(user))
      .field('kind', kind)
      .field('submittedBy', '申请人 王小明')
      .field('receivedOn', receivedOn)
      .attach('file', content, name);
  const signed = twoPagePdf('签章版');

  beforeAll(async () => {
    t = await createTestApp();
    tokens = Object.fromEntries(
      await Promise.all(['zhongcang', 'songzhuang', 'clerk', 'clerk2', 'head'].map(async (u) => [u, await t.login(u)])),
    );
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    caseId = (
      await t
        .http()
        .post('/applications')
        .set(as('zhongcang'))
        .send(applicationBody(dept, { receivedAt: new Date().toISOString() }))
    ).body.caseId;
  }, 60_000);
  afterAll(() => t?.close());

  it('builds a case: materials at the counter, a receipt, the refusal and its signed scan, a service receipt', async () => {
    expect((await upload('zhongcang', 'applicant-material', '2026-11-10', twoPagePdf('申请书'), '行政复议申请书.pdf')).status).toBe(201);
    expect((await upload('zhongcang', 'applicant-material', '2026-11-11', PNG, '身份证明.png')).status).toBe(201);
    expect((await t.http().post(`/cases/${caseId}/documents`).set(as('clerk')).send({ type: 'receipt' })).status).toBe(201);
    const { version } = (await t.http().get(`/cases/${caseId}`).set(as('clerk'))).body;
    const refused = await t
      .http()
      .post(`/cases/${caseId}/acceptance-review`)
      .set(as('clerk'))
      .send({ version, outcome: 'refuse', reason: '不属于行政复议范围' });
    expect([refused.status, refused.body.code, refused.body.message]).toEqual([200, undefined, undefined]);
    const refusal = await t.http().post(`/cases/${caseId}/documents`).set(as('clerk')).send({ type: 'refusal-decision' });
    expect(refusal.status).toBe(201);
    refusalId = refusal.body.id;

    // A township clerk hands in materials at intake only; the case is past it now (the upload is not in allowedActions).
    const late = await upload('zhongcang', 'other', '2026-11-12', smallPdf('补充'), '补充材料.pdf');
    expect([late.status, late.body.code]).toEqual([409, 'CASE_ILLEGAL_TRANSITION']);
    const township = (await t.http().get(`/cases/${caseId}`).set(as('zhongcang'))).body.allowedActions.map((a: any) => a.action);
    expect(township).not.toContain('upload_file');
    const office = (await t.http().get(`/cases/${caseId}`).set(as('clerk'))).body.allowedActions.map((a: any) => a.action);
    expect(office).toEqual(expect.arrayContaining(['upload_file', 'upload_document_version', 'download_package']));

    const v2 = await t
      .http()
      .post(`/cases/${caseId}/documents/${refusalId}/versions`)
      .set(as('clerk'))
      .field('reason', 'signed')
      .field('note', '已盖章')
      .attach('file', signed, '不予受理决定书（签章）.pdf');
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({
      version: 2,
      reason: 'signed',
      reasonLabel: '签章扫描件',
      mime: 'application/pdf',
      sha256: sha(signed),
      note: '已盖章',
    });
    const receipt = await t
      .http()
      .post(`/cases/${caseId}/files`)
      .set(as('clerk'))
      .field('kind', 'service-receipt')
      .field('submittedBy', '邮政EMS')
      .field('receivedOn', '2026-11-20')
      .attach('file', smallPdf('送达回证'), '送达回证.pdf');
    expect(receipt.status).toBe(201);
  });

  it('a document keeps its versions (who, when, SHA-256); each version downloads, audited; scope and roles hold', async () => {
    const list = await t.http().get(`/cases/${caseId}/documents/${refusalId}/versions`).set(as('zhongcang'));
    expect(list.status).toBe(200);
    expect(list.body.map((v: any) => [v.version, v.reason, v.fileId === null])).toEqual([
      [1, 'issued', true],
      [2, 'signed', false],
    ]);
    expect(list.body[1]).toMatchObject({ sha256: sha(signed), by: expect.any(String), at: expect.any(String), byName: expect.any(String) });
    const two = await t
      .http()
      .get(`/cases/${caseId}/documents/${refusalId}/versions/2/download`)
      .set(as('zhongcang'))
      .buffer(true)
      .parse(binary);
    expect([two.status, sha(two.body)]).toEqual([200, sha(signed)]);
    const one = await t
      .http()
      .get(`/cases/${caseId}/documents/${refusalId}/versions/1/download`)
      .set(as('clerk'))
      .buffer(true)
      .parse(binary);
    expect([one.status, sha(one.body)]).toEqual([200, list.body[0].sha256]);
    expect((await t.http().get(`/cases/${caseId}/documents/${refusalId}/versions/3/download`).set(as('clerk'))).status).toBe(404);
    const audit = await t.db.ds.query(
      `SELECT action, subject_type FROM audit_log WHERE action IN ('file.download', 'document.download', 'document.version') ORDER BY id`,
    );
    expect(audit.map((a: any) => a.action)).toEqual(['document.version', 'file.download', 'document.download']);

    expect((await t.http().get(`/cases/${caseId}/documents/${refusalId}/versions`).set(as('songzhuang'))).status).toBe(404);
    const byTownship = await t
      .http()
      .post(`/cases/${caseId}/documents/${refusalId}/versions`)
      .set(as('zhongcang'))
      .field('reason', 'signed')
      .attach('file', signed, 'x.pdf');
    expect(byTownship.status).toBe(403);
    const badReason = await t
      .http()
      .post(`/cases/${caseId}/documents/${refusalId}/versions`)
      .set(as('clerk'))
      .field('reason', 'draft')
      .attach('file', signed, 'x.pdf');
    expect([badReason.status, badReason.body.code]).toEqual([400, 'FILE_INVALID_INPUT']);
    const exe = await t
      .http()
      .post(`/cases/${caseId}/documents/${refusalId}/versions`)
      .set(as('clerk'))
      .field('reason', 'corrected')
      .attach('file', Buffer.from('MZ not a pdf'), 'x.pdf');
    expect([exe.status, exe.body.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    // The version's file is not a material of the evidence catalogue.
    expect((await t.http().get(`/cases/${caseId}/files`).set(as('clerk'))).body.map((f: any) => f.kind)).not.toContain('document-version');
  });

  it('the closed case downloads as one zip: the 卷内目录 lists every file in procedural order, and the hashes match', async () => {
    const res = await t.http().get(`/cases/${caseId}/package`).set(as('clerk')).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers['content-disposition'])?.[1] ?? '')).toMatch(/案卷\.zip$/);
    const zip = unzipSync(new Uint8Array(res.body));
    const names = Object.keys(zip).sort();
    expect(names[0]).toBe('000-卷内目录.docx');
    expect(names[1]).toBe('000-卷内目录.xlsx');
    expect(strFromU8(zip['000-卷内目录.docx']!.subarray(0, 2))).toBe('PK');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(zip['000-卷内目录.xlsx']!) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('卷内目录')!;
    const rows: any[] = [];
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const v = row.values as any[];
      rows.push({ seq: v[1], part: v[2], title: v[3], date: v[4], pages: v[5], entry: v[6], sha256: v[7], remark: v[8] });
    });
    const [{ number: receiptNo }] = await t.db.ds.query(`SELECT number FROM case_documents WHERE case_id = $1 AND type = 'receipt'`, [
      caseId,
    ]);
    const [{ number: refusalNo }] = await t.db.ds.query(`SELECT number FROM case_documents WHERE id = $1`, [refusalId]);
    expect(rows.map((r) => [r.seq, r.part])).toEqual([
      [1, '申请及材料'],
      [2, '申请及材料'],
      [3, '申请及材料'],
      [4, '受理'],
      [5, '送达'],
    ]);
    expect(rows.map((r) => r.title)).toEqual([
      '行政复议申请书',
      '身份证明',
      expect.stringContaining(receiptNo),
      expect.stringContaining(refusalNo),
      '送达回证',
    ]);
    expect(rows[0]).toMatchObject({ date: '20261110', pages: 2 });
    expect(rows[1].pages).toBe(1);
    expect(rows[3]).toMatchObject({ pages: 2, remark: expect.stringContaining('签章扫描件（第2版）'), sha256: sha(signed) });
    expect(rows[2].pages ?? '').toBe('');
    // Every file listed is in the zip under its entry name, with the hash the catalogue gives; nothing else is.
    for (const r of rows) expect([r.entry, sha(zip[r.entry]!)]).toEqual([r.entry, r.sha256]);
    expect(names.slice(2)).toEqual(rows.map((r) => r.entry));
    const stored = await t.db.ds.query(`SELECT sha256 FROM stored_files WHERE owner_type = 'case' AND owner_id = $1`, [caseId]);
    for (const s of stored) expect(rows.map((r) => r.sha256)).toContain(s.sha256.trim());

    const [audit] = await t.db.ds.query(`SELECT summary FROM audit_log WHERE action = 'case.package.download' AND subject_id = $1`, [
      caseId,
    ]);
    expect(audit.summary).toMatchObject({ entries: 5 });
  });

  it('an open case has no package yet (409); a township clerk never downloads one (403); another clerk’s case past intake is not theirs', async () => {
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    const open = (await t.http().post('/applications').set(as('zhongcang')).send(applicationBody(dept))).body.caseId;
    const res = await t.http().get(`/cases/${open}/package`).set(as('clerk'));
    expect([res.status, res.body.code]).toEqual([409, 'CASE_ILLEGAL_TRANSITION']);
    expect((await t.http().get(`/cases/${caseId}/package`).set(as('zhongcang'))).status).toBe(403);
    expect([403, 404]).toContain((await t.http().get(`/cases/${caseId}/package`).set(as('songzhuang'))).status);
  });
});
