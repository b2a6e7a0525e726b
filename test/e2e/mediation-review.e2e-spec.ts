import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CaseHandlingService } from '@fuyi/cases';
import { addDays, Role, shanghaiDate } from '@fuyi/kernel';
import { UnitOfWork, type TimeSource } from '@fuyi/platform';
import { MediationDueScanner } from '@fuyi/mediation';
import { applicationBody } from '../support/factories';
import { type TestApp } from '../support/test-app';
import { mediationRequests, setUpMediationCentre } from '../support/mediation-centre';
import { Notifier } from '@fuyi/notifications';

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
    const counterWarning = async (consultationId: string) => (await as('zhongcang').get('/consultations')).body.items.find((x: any) => x.id === consultationId).mediationWarning;
    const at = (day: string) => new MediationDueScanner(t.app.get(UnitOfWork), { now: () => new Date(`${day}T12:00:00+08:00`) } as TimeSource, t.app.get(Notifier));

    it('item 1: a mediator never resumes a suspension that is not the mediation\'s (the cases library refuses it too)', async () => {
      const caseId = await acceptedCase();
      const ref = await as('clerk').post('/mediation/referrals', { source: 'case', category: 'public_security', caseId, caseVersion: 2, consent, applicantWants: '撤销处罚' });
      expect(ref.status).toBe(201);
      const taken = await assignAndTake(ref.body.id);
      // The handler resumes the case, then suspends it the same day on ground 1 (ARL 39(1)(1), with the ARL 41 cap).
      expect((await as('clerk').post(`/cases/${caseId}/resume`, { version: (await caseRow(caseId)).version })).status).toBe(200);
      expect((await as('clerk').post(`/cases/${caseId}/suspend`, { version: (await caseRow(caseId)).version, ground: 1, reason: '申请人死亡，等待其近亲属表明是否参加' })).status).toBe(200);
      const c = await caseRow(caseId);
      const mediatorActor = { userId: ids.mediator, username: 'mediator', role: Role.Mediator, townshipId: null } as never;
      await expect(t.db.ds.transaction((m) => t.app.get(CaseHandlingService).resume(m, mediatorActor, caseId, c.version))).rejects.toMatchObject({ code: 'CASE_RESUME_NOT_MEDIATION' });

      const res = await as('mediator').post(`/mediation/files/${ref.body.id}/outcome`, { version: taken.version, kind: 'failure', summary: '调解不成' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'failed', caseState: 'suspended', caseResumed: false });
      expect(await caseRow(caseId)).toMatchObject({ state: 'suspended', version: c.version });
      const clocks = await t.db.ds.query(`SELECT rule, status FROM case_clocks WHERE case_id = $1 AND rule = 'suspension-cap'`, [caseId]);
      expect(clocks).toEqual([{ rule: 'suspension-cap', status: 'running' }]);
    });

    it('item 2: a coordinator not on the file may end it, but the suspended case is left to (and told to) its handler', async () => {
      const caseId = await acceptedCase();
      expect((await as('head').post(`/cases/${caseId}/assign`, { version: 2, handlerId: ids.clerk2 ?? ids.clerk })).status).toBe(200);
      // The case is no longer clerk's: the section chief refers it (issue #12 item 6: only the handler, a chief or the head).
      const ref = await as('chief').post('/mediation/referrals', { source: 'case', category: 'public_security', caseId, caseVersion: 3, consent, applicantWants: '撤销处罚' });
      const taken = await assignAndTake(ref.body.id, 'mediator2');
      const res = await as('mediator').post(`/mediation/files/${ref.body.id}/outcome`, { version: taken.version, kind: 'backed_out', summary: '被申请人反悔' });
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
      const taken = await assignAndTake(ref.body.id);
      expect((await t.db.ds.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'mediation_warning' AND body LIKE '%无法计算%'`, [ids.mediator])).length).toBeGreaterThanOrEqual(1);

      const caseId = (await as('zhongcang').post('/applications', applicationBody(respondentId, { consultationId }))).body.caseId;
      expect((await as('mediator').get(`/mediation/files/${ref.body.id}`)).body.linkedCase).toMatchObject({ caseId, state: 'registered' });
      const early = await as('mediator').post(`/mediation/files/${ref.body.id}/outcome`, { version: taken.version, kind: 'reconciliation', summary: '双方和解' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('MEDIATION_CASE_STATE');
      expect(early.body.message).not.toContain('已结案'); // item 14
      expect((await fileOf(ref.body.id))).toMatchObject({ state: 'in_progress', case_id: null });

      expect((await as('clerk').post(`/cases/${caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
      const res = await as('mediator').post(`/mediation/files/${ref.body.id}/outcome`, { version: taken.version, kind: 'reconciliation', summary: '双方和解，申请人撤回申请' });
      expect(res.body).toMatchObject({ state: 'withdrawal_pending', caseId });
      expect((await fileOf(ref.body.id)).case_id).toBe(caseId);
      const sealed = await as('head').post(`/mediation/files/${ref.body.id}/seal`, { version: res.body.version });
      expect(sealed.body).toMatchObject({ state: 'closed', caseState: 'terminated' });
    });

    it('item 3: an extension is checked against the application deadline again; the mediators and the counter are told', async () => {
      const today = shanghaiDate(new Date());
      const consultationId = await consultation('冯涛');
      const ref = await intake(consultationId, '冯涛', { actKnownDate: addDays(today, -20) });
      expect(ref.body.warnings).toEqual([]);
      const taken = await assignAndTake(ref.body.id);
      expect(taken.warnings).toEqual([]);
      expect(taken.mediationDue <= ref.body.applicationDue).toBe(true);
      // Issue 12 item 8: taken today (December 2026), 30 days end in 2027, whose arrangement is not loaded: provisional.
      expect(taken).toMatchObject({ mediationDueProvisional: taken.mediationDue >= '2027-01-01' });
      expect(taken.mediationDueExplanation.join('\n')).toContain(`届满日：${taken.mediationDue}`);
      const listed = await as('mediator').get(`/mediation/files/${ref.body.id}`);
      expect(listed.body).toMatchObject({ mediationDue: taken.mediationDue, mediationDueProvisional: taken.mediationDueProvisional });
      const ext = await as('mediator').post(`/mediation/files/${ref.body.id}/extension`, { version: taken.version, days: 20, consent });
      expect(ext.status).toBe(200);
      expect(ext.body.mediationDue > ref.body.applicationDue).toBe(true);
      expect(ext.body.warnings).toEqual([expect.objectContaining({ code: 'APPLICATION_PERIOD_AT_RISK' })]);
      expect((await fileOf(ref.body.id)).warnings).toHaveLength(1);
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
      const taken = await assignAndTake(court.body.id);
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
      await assignAndTake(ref.body.id);
      const before = await fileOf(ref.body.id);
      const closure = (day: string) => as('admin').put(`/calendar/days/${day}`, { date: day, kind: 'closure', name: '暴雪停止办公', reason: '区政府通知全区机关停止办公' });
      expect((await closure(before.mediation_due)).status).toBe(200);
      expect((await closure(before.application_due)).status).toBe(200);
      const after = await fileOf(ref.body.id);
      // Each due day is now closed: both roll forward to a later working day; nothing else on the file changes.
      expect(after.mediation_due > before.mediation_due).toBe(true);
      expect(after.application_due > before.application_due).toBe(true);
      expect({ ...after, mediation_due: null, application_due: null, updated_at: null }).toEqual({ ...before, mediation_due: null, application_due: null, updated_at: null });
      const [audit] = await t.db.ds.query(`SELECT summary FROM audit_log WHERE action = 'mediation.due.recompute' ORDER BY occurred_at DESC LIMIT 1`);
      expect(JSON.stringify(audit.summary)).toContain(ref.body.id);
    });
  });

  describe('tester findings (second round)', () => {
    const consent = { applicant: true, respondent: true };
    const today = shanghaiDate(new Date());
    const docs = async (_fileId: string) => (await t.db.ds.query(`SELECT count(*)::int AS n FROM case_documents`))[0].n as number;
    const issue = (fileId: string, body: object, who = 'mediator') => as(who).post(`/mediation/files/${fileId}/documents`, body);
    const court = (parties: object[], extra: object = {}) => as('clerk').post('/mediation/referrals', {
      source: 'court', category: 'demolition', courtReference: '（2026）京0112行初201号', respondentDepartmentId: respondentId, applicantWants: '补偿', parties, ...extra,
    });
    const caseReferral = async () => {
      const caseId = (await as('zhongcang').post('/applications', applicationBody(respondentId))).body.caseId;
      expect((await as('clerk').post(`/cases/${caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' })).status).toBe(200);
      const ref = await as('clerk').post('/mediation/referrals', { source: 'case', category: 'other', caseId, caseVersion: 2, consent, applicantWants: '撤销处罚' });
      expect(ref.status).toBe(201);
      return { caseId: caseId as string, fileId: ref.body.id as string };
    };
    const newConsultation = async (name: string) => (await as('zhongcang').post('/consultations', {
      visitorName: name, topic: '对拆除决定不服', category: 'penalty', respondentDepartmentId: respondentId, advice: '建议先行调解',
    })).body.id as string;
    const intakeOn = (consultationId: string, name: string, extra: object = {}) => as('zhongcang').post('/mediation/referrals', {
      source: 'intake', category: 'demolition', consultationId, applicantConsent: true, applicantWants: '暂缓拆除', parties: [{ role: 'applicant', name }], ...extra,
    });

    it('items 1, 5: a failed file gets a termination notice, never a 调解书 or 调解协议书 (nothing issued)', async () => {
      const { fileId } = await caseReferral();
      const taken = await assignAndTake(fileId);
      expect((await issue(fileId, { type: 'mediation-termination-notice', reason: '调解不成' })).body.code).toBe('MEDIATION_DOCUMENT_STATE'); // still mediating
      expect((await as('mediator').post(`/mediation/files/${fileId}/outcome`, { version: taken.version, kind: 'failure', summary: '调解不成' })).status).toBe(200);
      const before = await docs(fileId);
      for (const body of [{ type: 'mediation-document', items: ['甲'] }, { type: 'mediation-agreement', items: ['甲'] }]) {
        const res = await issue(fileId, body);
        expect({ status: res.status, code: res.body.code, state: res.body.state }).toEqual({ status: 409, code: 'MEDIATION_DOCUMENT_STATE', state: 'failed' });
      }
      expect(await docs(fileId)).toBe(before);
      expect((await issue(fileId, { type: 'mediation-termination-notice' })).status).toBe(201);
    });

    it('items 2, 13: a sealed 调解书 is never issued again; the sealed case\'s decision clock has no open suspension', async () => {
      const { caseId, fileId } = await caseReferral();
      const taken = await assignAndTake(fileId);
      expect((await issue(fileId, { type: 'mediation-document', items: ['被申请人变更罚款数额'] })).status).toBe(201);
      const signed = await as('mediator').post(`/mediation/files/${fileId}/outcome`, { version: taken.version, kind: 'agreement', summary: '变更罚款数额', signedByAll: true });
      expect((await issue(fileId, { type: 'mediation-document', items: ['修改后的条款'] })).status).toBe(201); // before the seal: a corrected draft
      const sealed = await as('head').post(`/mediation/files/${fileId}/seal`, { version: signed.body.version });
      expect(sealed.body).toMatchObject({ state: 'closed', caseState: 'mediated' });
      const before = await docs(fileId);
      for (const [who, body] of [['mediator', { type: 'mediation-document', items: ['甲'] }], ['head', { type: 'mediation-document', items: ['甲'] }], ['mediator', { type: 'mediation-agreement', items: ['甲'] }], ['mediator', { type: 'mediation-termination-notice', reason: 'x' }]] as const) {
        expect((await issue(fileId, body, who)).body.code).toBe('MEDIATION_DOCUMENT_STATE');
      }
      expect(await docs(fileId)).toBe(before);
      const clocks = await t.db.ds.query(`SELECT status, suspensions, closed_on FROM case_clocks WHERE case_id = $1 AND rule LIKE 'decision%'`, [caseId]);
      expect(clocks).toHaveLength(1);
      expect(clocks[0].status).toBe('cancelled');
      expect(clocks[0].suspensions).toEqual([{ from: today, to: clocks[0].closed_on }]);
    });

    it('item 13: terminating a suspended case (approved withdrawal) also ends the clock\'s suspension', async () => {
      const { caseId, fileId } = await caseReferral();
      const taken = await assignAndTake(fileId);
      const w = await as('mediator').post(`/mediation/files/${fileId}/outcome`, { version: taken.version, kind: 'self_correction', summary: '被申请人自行纠正' });
      expect((await as('head').post(`/mediation/files/${fileId}/seal`, { version: w.body.version })).body.caseState).toBe('terminated');
      const [clock] = await t.db.ds.query(`SELECT suspensions FROM case_clocks WHERE case_id = $1 AND rule LIKE 'decision%'`, [caseId]);
      expect(clock.suspensions.every((x: any) => x.to)).toBe(true);
    });

    it('item 3: names compare without spaces or bracketed remarks; a party named like a conflicting department counts', async () => {
      const [{ name: deptName }] = await t.db.ds.query('SELECT name FROM departments WHERE id = $1', [otherRespondentId]);
      for (const [parties, reason] of [
        [[{ role: 'applicant', name: '赵 大勇' }], 'party'], [[{ role: 'applicant', name: '赵\u3000大勇' }], 'party'], [[{ role: 'applicant', name: '赵大勇（申请人）' }], 'party'],
        [[{ role: 'applicant', name: '孔明' }, { role: 'respondent', name: ` ${deptName}` }], 'respondent_department'],
      ] as const) {
        const ref = await court([...parties]);
        expect(ref.status).toBe(201);
        const proposal = (await as('mediator').get(`/mediation/files/${ref.body.id}/assignment-proposal`)).body;
        expect(proposal.find((p: any) => p.userId === ids.mediator2).conflict).toBe(reason);
        const res = await as('mediator').post(`/mediation/files/${ref.body.id}/assign`, { version: 1, mediatorIds: [ids.mediator2] });
        expect({ status: res.status, code: res.body.code, reason: res.body.reason }).toEqual({ status: 409, code: 'MEDIATION_CONFLICT_OF_INTEREST', reason });
        expect((await fileOf(ref.body.id)).state).toBe('referred');
      }
    });

    it('item 6: a consultation is referred once at a time, and never again after an agreement (the earlier file named)', async () => {
      const consultationId = await newConsultation('施娟');
      const first = await intakeOn(consultationId, '施娟');
      expect(first.status).toBe(201);
      const count = async () => (await t.db.ds.query('SELECT count(*)::int AS n FROM mediation_files WHERE consultation_id = $1', [consultationId]))[0].n;
      const again = await intakeOn(consultationId, '施娟');
      expect({ status: again.status, code: again.body.code, fileId: again.body.fileId }).toEqual({ status: 409, code: 'MEDIATION_ALREADY_OPEN', fileId: first.body.id });
      const taken = await assignAndTake(first.body.id);
      expect((await as('mediator').post(`/mediation/files/${first.body.id}/outcome`, { version: taken.version, kind: 'agreement', summary: '达成协议', signedByAll: true })).status).toBe(200);
      const after = await intakeOn(consultationId, '施娟');
      expect({ status: after.status, code: after.body.code, fileId: after.body.fileId }).toEqual({ status: 409, code: 'MEDIATION_ALREADY_RESOLVED', fileId: first.body.id });
      expect(await count()).toBe(1);
    });

    it('item 7: an objection to one of a pair removes only that mediator; a second one can be added', async () => {
      const ref = await court([{ role: 'applicant', name: '吕方' }]);
      const fileId = ref.body.id;
      expect((await as('mediator').post(`/mediation/files/${fileId}/assign`, { version: 1, mediatorIds: [ids.mediator, ids.mediator2] })).status).toBe(200);
      const taken = await as('mediator').post(`/mediation/files/${fileId}/take`, { version: 2 });
      const obj = await as('mediator').post(`/mediation/files/${fileId}/objection`, { version: taken.body.version, mediatorId: ids.mediator2, partyRole: 'applicant', reason: '调解员曾处理过本人其他纠纷' });
      expect(obj.status).toBe(200);
      expect(obj.body).toMatchObject({ state: 'in_progress', mediatorIds: [ids.mediator] });
      const current = await t.db.ds.query('SELECT mediator_id, end_reason FROM mediation_assignments WHERE file_id = $1 ORDER BY mediator_id = $2 DESC', [fileId, ids.mediator]);
      expect(current).toEqual([{ mediator_id: ids.mediator, end_reason: null }, { mediator_id: ids.mediator2, end_reason: 'objection' }]);
      expect((await fileOf(fileId)).taken_on).toBe(today);

      await t.db.ds.query(`INSERT INTO users (username, display_name, role, password_hash) SELECT 'mediator3', '调解员 孙亮', 'mediator', password_hash FROM users WHERE username = 'mediator'`);
      const [{ id: third }] = await t.db.ds.query(`SELECT id FROM users WHERE username = 'mediator3'`);
      await t.db.ds.query(`INSERT INTO mediator_profiles (user_id, skills) VALUES ($1, '["demolition"]')`, [third]);
      expect((await as('head').post(`/mediation/files/${fileId}/assign`, { version: obj.body.version, mediatorIds: [ids.mediator2] })).body.code).toBe('MEDIATION_MEDIATOR_OBJECTED');
      const added = await as('head').post(`/mediation/files/${fileId}/assign`, { version: obj.body.version, mediatorIds: [third] });
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ state: 'in_progress', mediatorIds: [ids.mediator, third] });
      // Objecting to the last one left (after the other also stood aside) returns the file to the pool.
      const o2 = await as('head').post(`/mediation/files/${fileId}/objection`, { version: added.body.version, mediatorId: third, partyRole: 'respondent', reason: '与被申请人有业务往来' });
      expect(o2.body.state).toBe('in_progress');
      const o3 = await as('head').post(`/mediation/files/${fileId}/objection`, { version: o2.body.version, mediatorId: ids.mediator, partyRole: 'respondent', reason: '曾代理申请人' });
      expect(o3.body).toMatchObject({ state: 'referred', mediatorIds: [] });
    });

    it('items 8, 9, 10: follow-up only for agreements, on a day between the outcome and today; an expired ARL 20 period is said so', async () => {
      const expired = await intakeOn(await newConsultation('何静'), '何静', { actKnownDate: addDays(today, -300) });
      expect(expired.status).toBe(201);
      expect(expired.body.warnings).toEqual([expect.objectContaining({ code: 'APPLICATION_PERIOD_EXPIRED' })]);
      expect(expired.body.warnings[0].message).not.toContain('请提示申请人在期限内申请');

      const withdrawn = await intakeOn(await newConsultation('卫东'), '卫东');
      const w = await assignAndTake(withdrawn.body.id);
      const closed = await as('mediator').post(`/mediation/files/${withdrawn.body.id}/outcome`, { version: w.version, kind: 'reconciliation', summary: '双方和解' });
      expect(closed.body.state).toBe('closed');
      const noAgreement = await as('mediator').post(`/mediation/files/${withdrawn.body.id}/follow-up`, { version: closed.body.version, checkOn: today, performed: true, result: '已和解' });
      expect({ status: noAgreement.status, code: noAgreement.body.code }).toEqual({ status: 409, code: 'MEDIATION_NO_AGREEMENT' });

      const agreed = await intakeOn(await newConsultation('蒋平'), '蒋平');
      const a = await assignAndTake(agreed.body.id);
      const done = await as('mediator').post(`/mediation/files/${agreed.body.id}/outcome`, { version: a.version, kind: 'agreement', summary: '达成协议', signedByAll: true });
      for (const checkOn of [addDays(today, 1), addDays(today, -1)]) {
        const res = await as('mediator').post(`/mediation/files/${agreed.body.id}/follow-up`, { version: done.body.version, checkOn, performed: true, result: '已履行' });
        expect({ status: res.status, code: res.body.code, field: res.body.fields?.[0]?.field }).toEqual({ status: 400, code: 'MEDIATION_INVALID_INPUT', field: 'checkOn' });
      }
      expect((await fileOf(agreed.body.id)).follow_up).toBeNull();
      expect((await as('mediator').post(`/mediation/files/${agreed.body.id}/follow-up`, { version: done.body.version, checkOn: today, performed: true, result: '已履行' })).status).toBe(200);
    });

    it('item 11: a stale mediator profile says so in its own words', async () => {
      const res = await as('head').put(`/mediation/mediators/${ids.mediator2}`, { version: 99, skills: [], isCoordinator: false, conflictDepartmentIds: [], conflictNames: [] });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('调解员信息已被他人修改');
    });
  });
});
