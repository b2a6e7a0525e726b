import { randomBytes } from 'node:crypto';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const MB = 1_048_576;
/** A PDF-looking buffer of `bytes` bytes, random after the header (so each is its own blob). */
const pdfOf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(bytes - 15)]);

/**
 * Issue 18: the per-case quota (FILES_CASE_MAX_MB) holds under concurrent uploads. The sum and the insert run in one
 * transaction behind an advisory lock on the owner, so uploads that arrive together cannot each see the old total.
 */
describe('the per-case quota under concurrent uploads', () => {
  let t: TestApp;
  let token: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { FILES_MAX_MB: '2', FILES_CASE_MAX_MB: '1' } });
    token = await t.login('zhongcang');
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    caseId = (await t.http().post('/applications').set('authorization', `Bearer ${token}`).send(applicationBody(dept))).body.caseId;
  }, 60_000);
  afterAll(() => t?.close());

  it('six uploads of 300 KB fired together into a 1 MB quota: three are stored, the others get 413 FILE_OWNER_QUOTA_EXCEEDED', async () => {
    const size = 300 * 1024;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t
          .http()
          .post(`/cases/${caseId}/files`)
          .set('authorization', `Bearer ${token}`)
          .field('kind', 'applicant-material')
          .field('submittedBy', '申请人')
          .field('receivedOn', '2026-11-10')
          .attach('file', pdfOf(size), `材料${i + 1}.pdf`),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 413, 413, 413]);
    for (const r of results.filter((x) => x.status === 413)) expect(r.body.code).toBe('FILE_OWNER_QUOTA_EXCEEDED');
    const [{ total }] = await t.db.ds.query(
      `SELECT COALESCE(SUM(size_bytes), 0)::bigint AS total FROM stored_files WHERE owner_type = 'case' AND owner_id = $1`,
      [caseId],
    );
    expect(Number(total)).toBeLessThanOrEqual(1 * MB);
    expect(Number(total)).toBe(3 * size);
  });
});
