import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CaseHandlingService } from '@fuyi/cases';
import { addDays, Role, shanghaiDate } from '@fuyi/kernel';
import { type TimeSource } from '@fuyi/platform';
import { MediationDueScanner } from '@fuyi/mediation';
import { applicationBody } from '../support/factories';
import { type TestApp } from '../support/test-app';
import { mediationRequests, setUpMediationCentre } from '../support/mediation-centre';

/** The mediation centre after review: who may resume a case, warnings on the applicant's record, scope, notices. */
describe('mediation centre (review fixes)', () => {
  let t: TestApp;
  let tok: Record<string, string>;
  let ids: Record<string, string>;
  let respondentId: number;
  let otherRespondentId: number;
  let swaggerWarnings: string[];
  const { as, fileOf, assignAndTake } = mediationRequests(() => ({ t, tok, ids }));

  beforeAll(async () => {
    ({ t, tok, ids, respondentId, otherRespondentId, swaggerWarnings } = await setUpMediationCentre());
  });
  afterAll(() => t.close());

  describe('review fixes', () => {
    const consent = { applicant: true, respondent: true };
    const caseRow = async (caseId: string) => (await t.db.ds.query('SELECT state, version, handler_id FROM cases WHERE id = $1', [caseId]))[0];
    const consultation = async (name: string) => (await as('zhongcang').post('/consultations', {
      visitorName: name, topic: '对罚款决定不服', category: 'penalty', respondentDepartmentId: respondentId, advice: '建议先行调解',
    })).body.id as string;
    const intake = (consultationId: string, name: string, extra: object = {}) => as('zhongcang').post('/mediation/referrals', {
      source: 'intake', category: 'public_security', consultationId, applicantConsent: true, applicantWants: '撤销罚款', parties: [{ role: 'applicant', name }], ...extra,
    });
    const acceptedCase = async () => {
      const caseId = (await as('zhongcang').post('/applications', applicationBody(respondentId))).body.caseId;
      expect((await as('clerk').post(`/cases/${caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
      return caseId as string;
    };
    const counterWarning = async (consultationId: string) => (await as('zhongcang').get('/consultations')).body.find((x: any) => x.id === consultationId).mediationWarning;
    const at = (day: string) => new MediationDueScanner(t.db.ds, { now: () => new Date(`${day}T12:00:00+08:00`) } as TimeSource);

    it('item 1: a mediator never resumes a suspension that is not the mediation\'s (the cases library refuses it too)', async () => {
      const caseId = await acceptedCase();
      const ref = await as('clerk').post('/mediation/referrals', { source: 'case', category: 'public_security', caseId, caseVersion: 2, consent, applicantWants: '撤销处罚' });
      expect(ref.status).toBe(201);
      const taken = await assignAndTake(ref.body.fileId);
      // The handler resumes the case, then suspends it the same day on ground 1 (ARL 39(1)(1), with the ARL 41 cap).
      expect((await as('clerk').post(`/cases/${caseId}/resume`, { version: (await caseRow(caseId)).version })).status).toBe(200);
      expect((await as('clerk').post(`/cases/${caseId}/suspend`, { version: (await caseRow(caseId)).version, ground: 1, reason: '申请人死亡，等待其近亲属表明是否参加' })).status).toBe(200);
      const c = await caseRow(caseId);
      const mediatorActor = { userId: ids.mediator, username: 'mediator', role: Role.Mediator, townshipId: null } as never;
      await expect(t.db.ds.transaction((m) => t.app.get(CaseHandlingService).resume(m, mediatorActor, caseId, c.version))).rejects.toMatchObject({ code: 'CASE_RESUME_NOT_MEDIATION' });

      const res = await as('mediator').post(`/mediation/files/${ref.body.fileId}/outcome`, { version: taken.version, kind: 'failure', summary: '调解不成' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'failed', caseState: 'suspended', caseResumed: false });
      expect(await caseRow(caseId)).toMatchObject({ state: 'suspended', version: c.version });
      const clocks = await t.db.ds.query(`SELECT rule, status FROM case_clocks WHERE case_id = $1 AND rule = 'suspension-cap'`, [caseId]);
      expect(clocks).toEqual([{ rule: 'suspension-cap', status: 'running' }]);
    });

    it('item 2: a coordinator not on the file may end it, but the suspended case is left to (and told to) its handler', async () => {
      const caseId = await acceptedCase();
      expect((await as('head').post(`/cases/${caseId}/assign`, { version: 2, handlerId: ids.clerk2 ?? ids.clerk })).status).toBe(200);
      const ref = await as('clerk').post('/mediation/referrals', { source: 'case', category: 'public_security', caseId, caseVersion: 3, consent, applicantWants: '撤销处罚' });
      const taken = await assignAndTake(ref.body.fileId, 'mediator2');
      const res = await as('mediator').post(`/mediation/files/${ref.body.fileId}/outcome`, { version: taken.version, kind: 'backed_out', summary: '被申请人反悔' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'failed', caseState: 'suspended', caseResumed: false });
      expect((await caseRow(caseId)).state).toBe('suspended');
      const [{ handler_id: handler }] = await t.db.ds.query('SELECT handler_id FROM cases WHERE id = $1', [caseId]);
      expect((await t.db.ds.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'mediation_ended' AND case_id = $2`, [handler, caseId])).length).toBe(1);
    });

    it('items 4, 5, 14: a pre-filing file notices the application filed since and takes the case path', async () => {
      const consultationId = await consultation('郑丽');
      const ref = await intake(consultationId, '郑丽');
      expect(ref.status).toBe(201);
      // Item 5: without the day of knowledge the ARL 20 period cannot be computed: the file and the counter say so.
      expect(ref.body.warnings.map((w: any) => w.code)).toEqual(['APPLICATION_PERIOD_UNKNOWN']);
      expect(await counterWarning(consultationId)).toMatchObject({ code: 'APPLICATION_PERIOD_UNKNOWN' });
      const taken = await assignAndTake(ref.body.fileId);
      expect((await t.db.ds.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'mediation_warning' AND body LIKE '%无法计算%'`, [ids.mediator])).length).toBeGreaterThanOrEqual(1);

      const caseId = (await as('zhongcang').post('/applications', applicationBody(respondentId, { consultationId }))).body.caseId;
      expect((await as('mediator').get(`/mediation/files/${ref.body.fileId}`)).body.linkedCase).toMatchObject({ caseId, state: 'registered' });
      const early = await as('mediator').post(`/mediation/files/${ref.body.fileId}/outcome`, { version: taken.version, kind: 'reconciliation', summary: '双方和解' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('MEDIATION_CASE_STATE');
      expect(early.body.message).not.toContain('已结案'); // item 14
      expect((await fileOf(ref.body.fileId))).toMatchObject({ state: 'in_progress', case_id: null });

      expect((await as('clerk').post(`/cases/${caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
      const res = await as('mediator').post(`/mediation/files/${ref.body.fileId}/outcome`, { version: taken.version, kind: 'reconciliation', summary: '双方和解，申请人撤回申请' });
      expect(res.body).toMatchObject({ state: 'withdrawal_pending', caseId });
      expect((await fileOf(ref.body.fileId)).case_id).toBe(caseId);
      const sealed = await as('head').post(`/mediation/files/${ref.body.fileId}/seal`, { version: res.body.version });
      expect(sealed.body).toMatchObject({ state: 'closed', caseState: 'terminated' });
    });

    it('item 3: an extension is checked against the application deadline again; the mediators and the counter are told', async () => {
      const today = shanghaiDate(new Date());
      const consultationId = await consultation('冯涛');
      const ref = await intake(consultationId, '冯涛', { actKnownDate: addDays(today, -20) });
      expect(ref.body.warnings).toEqual([]);
      const taken = await assignAndTake(ref.body.fileId);
      expect(taken.warnings).toEqual([]);
      expect(taken.mediationDue <= ref.body.applicationDue).toBe(true);
      const ext = await as('mediator').post(`/mediation/files/${ref.body.fileId}/extension`, { version: taken.version, days: 20, consent });
      expect(ext.status).toBe(200);
      expect(ext.body.mediationDue > ref.body.applicationDue).toBe(true);
      expect(ext.body.warnings).toEqual([expect.objectContaining({ code: 'APPLICATION_PERIOD_AT_RISK' })]);
      expect((await fileOf(ref.body.fileId)).warnings).toHaveLength(1);
      const told = await t.db.ds.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'mediation_warning' AND body LIKE $2`, [ids.mediator, `%${ext.body.mediationDue}%`]);
      expect(told.length).toBe(1);
      expect((await counterWarning(consultationId)).message).toContain(ext.body.mediationDue);
    });

    it('item 6: the respondent department is required for court and intake referrals', async () => {
      const before = (await t.db.ds.query('SELECT count(*)::int AS n FROM mediation_files'))[0].n;
      const court = await as('clerk').post('/mediation/referrals', { source: 'court', category: 'demolition', courtReference: '（2026）京0112行初92号', applicantWants: '赔偿', parties: [{ role: 'applicant', name: '韩梅' }] });
      expect(court.status).toBe(400);
      expect(court.body.fields[0].field).toBe('respondentDepartmentId');
      const bare = (await as('zhongcang').post('/consultations', { visitorName: '韩梅', topic: '咨询', category: 'penalty', advice: '告知权利' })).body.id;
      const noDept = await intake(bare, '韩梅');
      expect(noDept.status).toBe(400);
      expect(noDept.body.fields[0].field).toBe('respondentDepartmentId');
      expect((await t.db.ds.query('SELECT count(*)::int AS n FROM mediation_files'))[0].n).toBe(before);
    });

    it('items 7, 9: nobody edits their own conflicts; changes are audited by counts; only coordinators read conflicts', async () => {
      const [own] = await t.db.ds.query('SELECT version FROM mediator_profiles WHERE user_id = $1', [ids.mediator]);
      const self = await as('mediator').put(`/mediation/mediators/${ids.mediator}`, { version: own.version, skills: ['demolition'], isCoordinator: true, conflictDepartmentIds: [], conflictNames: ['某甲'] });
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('MEDIATION_OWN_CONFLICTS');
      const [other] = await t.db.ds.query('SELECT version FROM mediator_profiles WHERE user_id = $1', [ids.mediator2]);
      const edit = await as('mediator').put(`/mediation/mediators/${ids.mediator2}`, { version: other.version, skills: ['demolition'], isCoordinator: false, conflictDepartmentIds: [otherRespondentId], conflictNames: ['赵大勇', '孙某'] });
      expect(edit.status).toBe(200);
      const [audit] = await t.db.ds.query(`SELECT summary FROM audit_log WHERE action = 'mediation.profile' AND subject_id = $1 ORDER BY id DESC LIMIT 1`, [ids.mediator2]);
      expect(audit.summary).toMatchObject({ conflictsChanged: true, conflicts: { before: { names: 1 }, after: { departments: 1, names: 2 } } });
      expect(JSON.stringify(audit.summary)).not.toMatch(/赵大勇|孙某/);

      const plain = (await as('mediator2').get('/mediation/mediators')).body;
      expect(plain.length).toBeGreaterThan(1);
      expect(JSON.stringify(plain)).not.toMatch(/conflict|赵大勇/);
      expect((await as('mediator').get('/mediation/mediators')).body.find((p: any) => p.userId === ids.mediator2).conflictNames).toContain('赵大勇');
    });

    it('items 10, 11: "time limit passed" and the ARL 20 deadline notices go out once each', async () => {
      const today = shanghaiDate(new Date());
      const court = await as('clerk').post('/mediation/referrals', { source: 'court', category: 'other', courtReference: '（2026）京0112行初93号', respondentDepartmentId: respondentId, applicantWants: '赔偿', parties: [{ role: 'applicant', name: '蒋华' }] });
      const taken = await assignAndTake(court.body.fileId);
      const passed = () => t.db.ds.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND title = '调解期限已届满' AND body LIKE $2`, [ids.mediator, `%${taken.mediationDue}%`]);
      await at(taken.mediationDue).scan(); // the 3-day warning only
      expect(await passed()).toHaveLength(0);
      await at(addDays(taken.mediationDue, 1)).scan();
      await at(addDays(taken.mediationDue, 2)).scan();
      expect(await passed()).toHaveLength(1);

      const ref = await intake(await consultation('杨帆'), '杨帆', { actKnownDate: addDays(today, -30) });
      const due: string = ref.body.applicationDue;
      const notices = () => t.db.ds.query(`SELECT title FROM notifications WHERE user_id = $1 AND kind = 'mediation_application_due' AND body LIKE $2 ORDER BY id`, [ids.zhongcang, `%${due}%`]);
      await at(addDays(due, -2)).scan();
      await at(addDays(due, -1)).scan();
      expect((await notices()).map((n: any) => n.title)).toEqual(['行政复议申请期限即将届满']);
      await at(due).scan();
      await at(due).scan();
      expect((await notices()).map((n: any) => n.title)).toEqual(['行政复议申请期限即将届满', '行政复议申请期限届满']);
    });

    it('item 16: the mediation DTOs (and their base classes, which Swagger names too) clash with no other DTO name', async () => {
      const dir = join(__dirname, '../../apps/api/src/dto');
      const namesIn = (file: string) => {
        const names = new Set<string>();
        for (const v of Object.values(require(join(dir, file)) as Record<string, unknown>)) {
          for (let c = v; typeof c === 'function' && c.name; c = Object.getPrototypeOf(c)) names.add(c.name);
        }
        return names;
      };
      const ours = namesIn('mediation.dto.ts');
      expect(ours.has('MediationVersionDto')).toBe(true);
      const others = readdirSync(dir).filter((f) => f.endsWith('.dto.ts') && f !== 'mediation.dto.ts').flatMap((f) => [...namesIn(f)]);
      expect(others.filter((n) => ours.has(n))).toEqual([]);
      expect(swaggerWarnings.filter((w) => w.includes('Duplicate DTO') && /Mediation|Seal|Take/.test(w))).toEqual([]);
    });

    it('a calendar change moves the time limit and the ARL 20 period of open files, in the same transaction', async () => {
      const consultationId = await consultation('褚明');
      const ref = await intake(consultationId, '褚明', { actKnownDate: addDays(shanghaiDate(new Date()), -10) });
      expect(ref.status).toBe(201);
      await assignAndTake(ref.body.fileId);
      const before = await fileOf(ref.body.fileId);
      const closure = (day: string) => as('admin').put(`/calendar/days/${day}`, { date: day, kind: 'closure', name: '暴雪停止办公', reason: '区政府通知全区机关停止办公' });
      expect((await closure(before.mediation_due)).status).toBe(200);
      expect((await closure(before.application_due)).status).toBe(200);
      const after = await fileOf(ref.body.fileId);
      // Each due day is now closed: both roll forward to a later working day; nothing else on the file changes.
      expect(after.mediation_due > before.mediation_due).toBe(true);
      expect(after.application_due > before.application_due).toBe(true);
      expect({ ...after, mediation_due: null, application_due: null, updated_at: null }).toEqual({ ...before, mediation_due: null, application_due: null, updated_at: null });
      const [audit] = await t.db.ds.query(`SELECT summary FROM audit_log WHERE action = 'mediation.due.recompute' ORDER BY occurred_at DESC LIMIT 1`);
      expect(JSON.stringify(audit.summary)).toContain(ref.body.fileId);
    });
  });
});
