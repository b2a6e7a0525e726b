import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { startFakeClamd } from '../support/fake-clamd';
import { smallPdf } from '../support/upload-files';

/**
 * Issue 18 item 5: with FILES_CLAMD_HOST set every upload is scanned by clamd (INSTREAM over TCP) before its row exists;
 * an infected file is kept in quarantine and never served; clamd unreachable refuses the upload (503), so that nothing
 * unscanned is stored while scanning is on.
 */
describe('virus scanning with clamd', () => {
  let t: TestApp;
  let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
  let token: string;
  let caseId: string;
  const upload = (content: Buffer, name: string) => t.http().post(`/cases/${caseId}/files`).set('authorization', `Bearer ${token}`)
    .field('kind', 'applicant-material').field('submittedBy', '申请人').field('receivedOn', '2026-11-10').attach('file', content, name);
  const download = (id: string) => t.http().get(`/files/${id}/download`).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    clamd = await startFakeClamd();
    t = await createTestApp({ env: { FILES_CLAMD_HOST: '127.0.0.1', FILES_CLAMD_PORT: String(clamd.port) } });
    token = await t.login('zhongcang');
    const [{ id: dept }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    caseId = (await t.http().post('/applications').set('authorization', `Bearer ${token}`).send(applicationBody(dept))).body.caseId;
  });
  afterAll(async () => {
    await t?.close();
    await clamd?.close();
  });

  it('a clean file is scanned and served; an infected one is quarantined and refused with 409', async () => {
    const clean = await upload(smallPdf('申请书'), '申请书.pdf');
    expect([clean.status, clean.body.scanState]).toEqual([201, 'clean']);
    expect((await download(clean.body.id)).status).toBe(200);
    const infected = await upload(smallPdf('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'), '附件.pdf');
    expect([infected.status, infected.body.scanState]).toEqual([201, 'quarantined']);
    const refused = await download(infected.body.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'FILE_QUARANTINED']);
    expect(clamd.scans()).toBe(2);
  });

  it('a row not scanned (stored while scanning was off) is not served while scanning is on', async () => {
    const clean = await upload(smallPdf('旧材料'), '旧材料.pdf');
    await t.db.ds.query(`UPDATE stored_files SET scan_state = 'not-scanned' WHERE id = $1`, [clean.body.id]);
    const res = await download(clean.body.id);
    expect([res.status, res.body.code]).toEqual([409, 'FILE_NOT_SCANNED']);
  });

  it('clamd unreachable: the upload is refused with 503 and nothing is recorded', async () => {
    const before = (await t.db.ds.query(`SELECT count(*)::int AS n FROM stored_files`))[0].n;
    await clamd.close();
    const res = await upload(smallPdf('无法扫描'), '无法扫描.pdf');
    expect([res.status, res.body.code]).toEqual([503, 'FILE_SCAN_UNAVAILABLE']);
    expect((await t.db.ds.query(`SELECT count(*)::int AS n FROM stored_files`))[0].n).toBe(before);
  });
});
