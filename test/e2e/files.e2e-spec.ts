import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { BLOB_STORAGE, verifyStoredFiles, sweepOrphanBlobs, type BlobStorage } from '@fuyi/files';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { startLocalS3, type LocalS3 } from '../support/s3-server';
import { PNG, hashingParser, smallPdf, writeLargePdf, type HashedBody } from '../support/upload-files';

const MB = 1_048_576;
const CHINESE_NAME = '行政处罚决定书（京通公〔2026〕第101号）.pdf';
const big = join(tmpdir(), `fuyi-20mb-${process.pid}.pdf`);
const oversized = join(tmpdir(), `fuyi-22mb-${process.pid}.pdf`);
let bigSha = '';

beforeAll(async () => {
  bigSha = await writeLargePdf(big, 20 * MB);
  await writeLargePdf(oversized, 22 * MB);
}, 60_000);
afterAll(async () => {
  await rm(big, { force: true });
  await rm(oversized, { force: true });
});

/** Issue 18 "Must show": the same suite on both storage drivers. */
describe.each(['local', 's3'] as const)('materials and evidence on the %s driver', (driver) => {
  let t: TestApp;
  let s3: LocalS3 | undefined;
  let tokens: Record<string, string>;
  let caseId: string;
  let bigId: string;
  const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
  const upload = (user: string, id: string, kind = 'applicant-material') =>
    t.http().post(`/cases/${id}/files`).set(as(user)).field('kind', kind).field('submittedBy', '申请人 王小明').field('receivedOn', '2026-11-10');

  beforeAll(async () => {
    s3 = driver === 's3' ? await startLocalS3() : undefined;
    t = await createTestApp({ env: { FILES_MAX_MB: '21', FILES_CASE_MAX_MB: '30', ...(s3?.env ?? {}) } });
    tokens = Object.fromEntries(await Promise.all(['zhongcang', 'songzhuang', 'clerk', 'mediator'].map(async (u) => [u, await t.login(u)])));
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    caseId = (await t.http().post('/applications').set(as('zhongcang')).send(applicationBody(dept))).body.caseId;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('a 20 MB PDF goes up and comes back with its hash intact (memory: files-memory.e2e-spec.ts)', async () => {
    const res = await upload('zhongcang', caseId).attach('file', big, { filename: CHINESE_NAME });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'applicant-material', filename: CHINESE_NAME, mime: 'application/pdf', size: 20 * MB, sha256: bigSha, receivedOn: '2026-11-10' });
    bigId = res.body.id;
    const down = (await t.http().get(`/files/${bigId}/download`).set(as('clerk')).buffer(true).parse(hashingParser)) as HashedBody;
    expect(down.status).toBe(200);
    expect(down.body).toEqual({ sha256: bigSha, size: 20 * MB });
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-sha256']).toBe(bigSha);
    // RFC 5987: the Chinese name survives the round trip.
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(down.headers['content-disposition'])?.[1];
    expect(decodeURIComponent(encoded ?? '')).toBe(CHINESE_NAME);
    expect(down.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
  }, 120_000);

  it('a range request answers 206 with that slice; a range past the end 416', async () => {
    const res = await t.http().get(`/files/${bigId}/download`).set(as('clerk')).set('range', 'bytes=0-8').buffer(true).parse(hashingParser);
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-8/${20 * MB}`);
    expect((res.body as { sha256: string }).sha256).toBe(createHash('sha256').update('%PDF-1.7\n').digest('hex'));
    const tail = await t.http().get(`/files/${bigId}/download`).set(as('clerk')).set('range', `bytes=${20 * MB - 100}-`).buffer(true).parse(hashingParser);
    expect(tail.status).toBe(206);
    expect((tail.body as { size: number }).size).toBe(100);
    const past = await t.http().get(`/files/${bigId}/download`).set(as('clerk')).set('range', `bytes=${20 * MB}-`);
    expect([past.status, past.body.code]).toEqual([416, 'FILE_RANGE_NOT_SATISFIABLE']);
  });

  it('every download is audited: who, which file, from where', async () => {
    const rows = await t.db.ds.query(`SELECT a.subject_id, a.summary, u.username FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'file.download' ORDER BY a.id`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toEqual({ subject_id: bigId, username: 'clerk', summary: { from: expect.stringMatching(/127\.0\.0\.1/) } });
    expect(rows[1].summary).toEqual({ from: expect.any(String), range: '0-8' });
  });

  it("another township's clerk gets 404 for the file, the list and an upload", async () => {
    const down = await t.http().get(`/files/${bigId}/download`).set(as('songzhuang'));
    expect([down.status, down.body.code]).toEqual([404, 'FILE_NOT_FOUND']);
    expect((await t.http().get(`/cases/${caseId}/files`).set(as('songzhuang'))).status).toBe(404);
    expect((await upload('songzhuang', caseId).attach('file', smallPdf(), 'a.pdf')).status).toBe(404);
    expect((await t.http().get(`/cases/${caseId}/files`).set(as('zhongcang'))).body.map((f: any) => f.id)).toEqual([bigId]);
  });

  it('a type not allowed by its content is 415 whatever its name; a PNG is accepted as image/png', async () => {
    const exe = await upload('zhongcang', caseId).attach('file', Buffer.from('MZ\x90\x00 this is not a pdf at all', 'latin1'), '证据.pdf');
    expect([exe.status, exe.body.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    expect(exe.body.message).toMatch(/PDF/);
    const png = await upload('zhongcang', caseId).attach('file', PNG, '现场照片');
    expect([png.status, png.body.mime, png.body.filename]).toEqual([201, 'image/png', '现场照片']);
  });

  it('a file over FILES_MAX_MB is 413, and a case over FILES_CASE_MAX_MB is 413; nothing is left behind', async () => {
    const before = await countBlobs(t.app.get<BlobStorage>(BLOB_STORAGE));
    const tooBig = await upload('zhongcang', caseId).attach('file', oversized, '超大.pdf');
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const again = await upload('zhongcang', caseId).attach('file', big, '第二份.pdf');
    expect([again.status, again.body.code]).toEqual([413, 'FILE_OWNER_QUOTA_EXCEEDED']);
    expect(await countBlobs(t.app.get<BlobStorage>(BLOB_STORAGE))).toBe(before);
    expect((await t.http().get(`/cases/${caseId}/files`).set(as('clerk'))).body).toHaveLength(2);
  });

  it('bad metadata is 400 with the field named; a received date in the future is refused', async () => {
    const future = await t.http().post(`/cases/${caseId}/files`).set(as('zhongcang'))
      .field('kind', 'other').field('submittedBy', '申请人').field('receivedOn', '2999-01-01').attach('file', smallPdf(), 'a.pdf');
    expect([future.status, future.body.code, future.body.fields?.[0]?.field]).toEqual([400, 'FILE_INVALID_INPUT', 'receivedOn']);
    const kind = await t.http().post(`/cases/${caseId}/files`).set(as('zhongcang'))
      .field('kind', 'selfie').field('submittedBy', '申请人').field('receivedOn', '2026-11-10').attach('file', smallPdf(), 'a.pdf');
    expect([kind.status, kind.body.code]).toEqual([400, 'FILE_INVALID_INPUT']);
    const none = await t.http().post(`/cases/${caseId}/files`).set(as('zhongcang')).field('kind', 'other');
    expect([none.status, none.body.code]).toEqual([400, 'FILE_MISSING']);
  });

  it('the row and the case event are written together; the sweep removes only blobs without a row', async () => {
    const events = await t.db.ds.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'file_added' ORDER BY id`, [caseId]);
    expect(events.map((e: any) => e.data.fileId)).toHaveLength(2);
    const storage = t.app.get<BlobStorage>(BLOB_STORAGE);
    const orphan = join(tmpdir(), `fuyi-orphan-${process.pid}.pdf`);
    const orphanSha = await writeLargePdf(orphan, 1000);
    await storage.put(orphanSha, orphan, 1000);
    await rm(orphan);
    expect(await sweepOrphanBlobs(t.db.ds, storage, 3600, new Date())).toBe(0); // within the grace period: an upload may be in flight
    expect(await sweepOrphanBlobs(t.db.ds, storage, 0, new Date(Date.now() + 5000))).toBe(1);
    expect(await storage.stat(orphanSha)).toBeNull();
    expect(await storage.stat(bigSha)).not.toBeNull();
  });

  it('files:verify finds a stored file that was altered (the function, then `npm run files:verify` itself)', async () => {
    const storage = t.app.get<BlobStorage>(BLOB_STORAGE);
    expect(await verifyStoredFiles(t.db.ds, storage)).toEqual({ checked: 2, missing: [], altered: [] });
    expect((await runFilesVerify()).code).toBe(0);
    const [png] = await t.db.ds.query(`SELECT id, sha256 FROM stored_files WHERE mime = 'image/png'`);
    const tampered = join(tmpdir(), `fuyi-tampered-${process.pid}.png`);
    await writeLargePdf(tampered, PNG.length);
    await storage.put(png.sha256, tampered, PNG.length); // the blob's bytes changed under its name, as an edit on disk would
    await rm(tampered);
    const report = await verifyStoredFiles(t.db.ds, storage);
    expect(report.missing).toEqual([]);
    expect(report.altered).toEqual([{ sha256: png.sha256, fileIds: [png.id], actual: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const cli = await runFilesVerify();
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('被改动 1 个');
    expect(JSON.parse(cli.stdout).altered[0].fileIds).toEqual([png.id]);
  }, 60_000);

  /** The npm script as an operator runs it, against this test's database and storage. */
  const runFilesVerify = () => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: t.db.appUrl, OWNER_DATABASE_URL: t.db.ownerUrl, FILES_DIR: t.db.config.files.dir, ...(s3?.env ?? {}) };
    execFile('npm', ['run', '-s', 'files:verify'], { env, cwd: join(__dirname, '..', '..') }, (err, stdout, stderr) =>
      resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stdout, stderr }));
  });
});

async function countBlobs(storage: BlobStorage): Promise<number> {
  let n = 0;
  for await (const _ of storage.list()) n++;
  return n;
}
