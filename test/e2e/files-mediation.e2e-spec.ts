import { mediationRequests, setUpMediationCentre } from '../support/mediation-centre';
import type { TestApp } from '../support/test-app';
import { smallPdf } from '../support/upload-files';

/**
 * Issue 18 item 4 for a mediation file: its materials follow the file's own scope (fileScope, libs/mediation): the
 * file's mediator sees and adds them, a mediator not on the file gets 404, a township clerk never sees mediation work.
 */
describe('materials of a mediation file', () => {
  let t: TestApp;
  let tok: Record<string, string>;
  let ids: Record<string, string>;
  let respondentId: number;
  let fileId: string;
  const { as, assignAndTake } = mediationRequests(() => ({ t, tok, ids }));
  const upload = (who: string) => t.http().post(`/mediation/files/${fileId}/materials`).set('authorization', `Bearer ${tok[who]}`)
    .field('kind', 'agreement').field('submittedBy', '双方当事人').field('receivedOn', '2026-11-20').attach('file', smallPdf('协议'), '调解协议.pdf');
  const get = (who: string, url: string) => t.http().get(url).set('authorization', `Bearer ${tok[who]}`);

  beforeAll(async () => {
    ({ t, tok, ids, respondentId } = await setUpMediationCentre());
    tok.songzhuang = await t.login('songzhuang');
    const ref = await as('clerk').post('/mediation/referrals', {
      source: 'court', category: 'demolition', courtReference: '（2026）京0112行初256号', respondentDepartmentId: respondentId,
      applicantWants: '提高补偿标准', parties: [{ role: 'applicant', name: '陈桂兰' }],
    });
    expect(ref.status).toBe(201);
    fileId = ref.body.id;
    await assignAndTake(fileId, 'mediator2');
  });
  afterAll(() => t?.close());

  it("the file's mediator uploads and downloads; another mediator and a township clerk get 404", async () => {
    // The console offers 上传材料 from the file's allowedActions, to whoever the upload route admits (MEDIATION_FILE_WRITE).
    const offered = async (who: string) => (await get(who, `/mediation/files/${fileId}`)).body.allowedActions.map((a: { action: string }) => a.action);
    expect(await offered('mediator2')).toContain('upload_file');
    expect(await offered('clerk')).toContain('upload_file');
    const up = await upload('mediator2');
    expect([up.status, up.body.ownerType, up.body.kindLabel]).toEqual([201, 'mediation-file', '调解协议/和解协议']);
    expect((await get('mediator2', `/mediation/files/${fileId}/materials`)).body.map((f: { id: string }) => f.id)).toEqual([up.body.id]);
    expect((await get('mediator2', `/files/${up.body.id}/download`)).status).toBe(200);
    // The referring clerk still sees the file (its scope), and so its materials.
    expect((await get('clerk', `/mediation/files/${fileId}/materials`)).status).toBe(200);

    // The coordinator sees every file; a plain mediator not on it does not.
    await t.db.ds.query(`UPDATE mediator_profiles SET is_coordinator = false WHERE user_id = $1`, [ids.mediator]);
    for (const url of [`/mediation/files/${fileId}/materials`, `/files/${up.body.id}/download`]) {
      const res = await get('mediator', url);
      expect([res.status, res.body.code]).toEqual([404, 'FILE_NOT_FOUND']);
    }
    expect((await upload('mediator')).status).toBe(404);
    const clerk = await get('songzhuang', `/files/${up.body.id}/download`);
    expect([clerk.status, clerk.body.code]).toEqual([404, 'FILE_NOT_FOUND']);
  });
});
