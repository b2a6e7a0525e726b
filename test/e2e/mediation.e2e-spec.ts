import { CalendarService, ReminderScanner } from '@fuyi/clocks';
import { DeadlineEffectsService } from '@fuyi/cases';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { JobName, OutboxService, UnitOfWork, type TimeSource } from '@fuyi/platform';
import { MediationDueScanner } from '@fuyi/mediation';
import { applicationBody, validIdNumber } from '../support/factories';
import { type TestApp } from '../support/test-app';
import { mediationRequests, setUpMediationCentre } from '../support/mediation-centre';
import { NOTIFICATION_SETTINGS, Notifier, type NotificationSettings } from '@fuyi/notifications';

/** The mediation centre end to end (issue #5): referrals from every source, assignment, sessions, outcomes, hand-back. */
describe('mediation centre', () => {
  let t: TestApp;
  let tok: Record<string, string>;
  let ids: Record<string, string>;
  let respondentId: number;
  let otherRespondentId: number;
  const { as, fileOf, assignAndTake } = mediationRequests(() => ({ t, tok, ids }));

  beforeAll(async () => {
    ({ t, tok, ids, respondentId, otherRespondentId } = await setUpMediationCentre());
  });
  afterAll(() => t.close());

  it('pre-filing referral → agreement → the dispute ends with no case filed; the application period is watched', async () => {
    const consult = await as('zhongcang').post('/consultations', {
      visitorName: '周建国', topic: '对限期拆除决定不服', category: 'demolition', respondentDepartmentId: respondentId, advice: '告知可申请行政复议，建议先行调解',
    });
    expect(consult.status).toBe(201);
    const casesBefore = (await t.db.ds.query('SELECT count(*)::int AS n FROM cases'))[0].n;
    const ref = await as('zhongcang').post('/mediation/referrals', {
      source: 'intake', category: 'demolition', consultationId: consult.body.id, applicantConsent: true,
      applicantWants: '撤销限期拆除决定', actKnownDate: '2026-10-20',
      parties: [{ role: 'applicant', name: '周建国', idNumber: validIdNumber(), phone: '13812345678' }],
    });
    expect(ref.status).toBe(201);
    expect(ref.body.applicationDue).toBe('2026-12-21'); // 60 days from 10-20 = Sat 12-19, rolled to Monday (CPL 85)
    expect(ref.body.warnings[0].code).toBe('APPLICATION_PERIOD_AT_RISK');
    const fileId = ref.body.id;
    // Review item 6: the respondent department comes from the consultation, so the conflict check has it.
    expect((await fileOf(fileId)).respondent_department_id).toBe(respondentId);
    // Review item 5: the applicant's record at the counter shows the warning.
    const counter = (await as('zhongcang').get('/consultations')).body.items.find((x: any) => x.id === consult.body.id);
    expect(counter.mediationWarning).toMatchObject({ code: 'APPLICATION_PERIOD_AT_RISK' });

    const taken = await assignAndTake(fileId);
    expect(taken.state).toBe('in_progress');
    expect(taken.mediationDue > taken.takenOn).toBe(true);
    const note = await t.db.ds.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'mediation_warning'`, [ids.mediator]);
    expect(note.length).toBe(1);

    const agreed = await as('mediator').post(`/mediation/files/${fileId}/outcome`, { version: taken.version, kind: 'agreement', summary: '被申请人给予过渡期，申请人自行拆除', signedByAll: true });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ state: 'closed', outcome: 'agreement' });
    expect((await t.db.ds.query('SELECT count(*)::int AS n FROM cases'))[0].n).toBe(casesBefore);
    const [c] = await t.db.ds.query('SELECT case_id FROM consultations WHERE id = $1', [consult.body.id]);
    expect(c.case_id).toBeNull();

    const doc = await as('mediator').post(`/mediation/files/${fileId}/documents`, { type: 'mediation-agreement', items: ['申请人于2026年12月31日前自行拆除', '被申请人不再追究'] });
    expect(doc.status).toBe(201);
    // Review item 8: the counter sees the referral, not the agreement, the documents list or the sessions.
    expect((await as('zhongcang').get(`/mediation/documents/${doc.body.id}/download`)).status).toBe(404);
    expect((await as('zhongcang').get(`/mediation/files/${fileId}/documents`)).body).toEqual([]);
    expect((await as('zhongcang').get(`/mediation/files/${fileId}/sessions`)).body).toEqual([]);
    const form = await as('mediator').post(`/mediation/files/${fileId}/documents`, { type: 'mediation-referral' });
    expect((await as('zhongcang').get(`/mediation/documents/${form.body.id}/download`)).status).toBe(200);
    const follow = await as('mediator').post(`/mediation/files/${fileId}/follow-up`, { version: agreed.body.version, checkOn: shanghaiDate(new Date()), performed: true, result: '已自行拆除' });
    expect(follow.status).toBe(200);
    const m = await as('mediator').get(`/mediation/measures?by=category&from=2026-01-01&to=2026-12-31`);
    expect(m.body.rows.find((r: any) => r.key === 'demolition')).toMatchObject({ agreements: 1, agreementsPerformed: 1, substantiveRate: 1 });
    // Review item 15: no period means this year so far; labels in Chinese.
    const thisYear = await as('mediator').get('/mediation/measures?by=category');
    expect(thisYear.status).toBe(200);
    expect(thisYear.body).toMatchObject({ from: `${shanghaiDate(new Date()).slice(0, 4)}-01-01`, to: shanghaiDate(new Date()) });
    expect(thisYear.body.rows.find((r: any) => r.key === 'demolition')).toMatchObject({ label: '拆违拆临', agreements: 1 });
  });

  it('in-window referral: the window still ends, the application is deemed accepted and suspension by consent is offered', async () => {
    const reg = (await as('zhongcang').post('/applications', applicationBody(respondentId, { receivedAt: '2026-09-29T10:00:00+08:00', act: { type: '行政处罚决定', knownDate: '2026-09-20' } }))).body;
    expect(reg.acceptanceDue).toBe('2026-10-12');
    const ref = await as('clerk').post('/mediation/referrals', { source: 'window', category: 'public_security', caseId: reg.caseId, applicantWants: '撤销罚款' });
    expect(ref.status).toBe(201);
    const fileId = ref.body.id;
    expect((await fileOf(fileId)).case_suspended_from).toBeNull();
    await assignAndTake(fileId);

    // ARL 30: mediation does not hold the application in limbo; the worker's effect runs when the 5th working day ends.
    const time = { now: () => new Date('2026-10-12T16:00:01Z') } as TimeSource;
    await new ReminderScanner(t.app.get(UnitOfWork), t.app.get(CalendarService), t.app.get(OutboxService), time, t.app.get(Notifier)).scanAll();
    const [job] = await t.db.ds.query(`SELECT o.payload FROM outbox o JOIN case_clocks k ON k.id::text = o.payload->>'clockId' WHERE o.job_name = 'reminders.deadline-effect' AND k.case_id = $1`, [reg.caseId]);
    expect(await t.app.get(DeadlineEffectsService).apply(job.payload.clockId, 'deemed-accepted')).toBe('done');

    // A deemed acceptance has no handler yet: the office assigns one before a clerk acts on the case (issue #12 item 6).
    const [deemed] = await t.db.ds.query('SELECT version, handler_id FROM cases WHERE id = $1', [reg.caseId]);
    expect(deemed.handler_id).toBeNull();
    expect((await as('head').post(`/cases/${reg.caseId}/assign`, { version: deemed.version, handlerId: ids.clerk })).status).toBe(200);
    const view = await as('clerk').get(`/mediation/files/${fileId}`);
    expect(view.body.linkedCase).toMatchObject({ state: 'accepted', stateLabel: '已受理' });
    expect(view.body.allowedActions).toEqual([
      { action: 'suspend_case', label: '经同意中止复议案件', article: '《行政复议法》第三十九条第一款第六项' }, { action: 'upload_file', label: '上传材料' },
    ]);
    // Review item 12: the hourly scan tells the file's mediators once that the case now runs in parallel.
    const scanner = new MediationDueScanner(t.app.get(UnitOfWork), { now: () => new Date() } as TimeSource, t.app.get(Notifier));
    const acceptedNotices = () => t.db.ds.query(`SELECT body FROM notifications WHERE user_id = $1 AND kind = 'mediation_case_accepted' AND case_id = $2`, [ids.mediator, reg.caseId]);
    await scanner.scan();
    await scanner.scan();
    expect(await acceptedNotices()).toEqual([{ body: expect.stringContaining('第三十九条第一款第六项') }]);
    const noConsent = await as('clerk').post(`/mediation/files/${fileId}/suspend-case`, { version: view.body.version, caseVersion: view.body.linkedCase.version, consent: { applicant: true, respondent: false } });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.fields[0].field).toBe('consent');
    expect((await t.db.ds.query('SELECT state FROM cases WHERE id = $1', [reg.caseId]))[0].state).toBe('accepted');
    const ok = await as('clerk').post(`/mediation/files/${fileId}/suspend-case`, { version: view.body.version, caseVersion: view.body.linkedCase.version, consent: { applicant: true, respondent: true } });
    expect(ok.status).toBe(200);
    expect(ok.body.caseState).toBe('suspended');
    // The answer is the file as it now is: the case suspended, nothing left for the clerk to do on it but add materials.
    const onlyUpload = [{ action: 'upload_file', label: '上传材料' }];
    expect(ok.body).toMatchObject({ id: fileId, linkedCase: { state: 'suspended' }, allowedActions: onlyUpload });
    expect((await as('clerk').get(`/mediation/files/${fileId}`)).body.allowedActions).toEqual(onlyUpload);
    const referral = await as('mediator').post(`/mediation/files/${fileId}/documents`, { type: 'mediation-referral' });
    expect(referral.body).toMatchObject({ type: 'mediation-referral', caseId: reg.caseId });
  });

  describe('accepted case', () => {
    let caseId: string;
    let fileId: string;

    beforeAll(async () => {
      caseId = (await as('zhongcang').post('/applications', applicationBody(respondentId))).body.caseId;
      await as('clerk').post(`/cases/${caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' });
      // An older case: accepted on 2026-08-04, its 60-day decision period ends 2026-10-08 (day 60 falls in National Day).
      await t.db.ds.query(`UPDATE cases SET accepted_on = '2026-08-04' WHERE id = $1`, [caseId]);
      await t.db.ds.query(`UPDATE case_clocks SET start_date = '2026-08-04', due_date = '2026-10-08' WHERE case_id = $1 AND rule = 'decision'`, [caseId]);
    });

    it('refuses the referral without both consents and writes nothing (ARL 39(1)(6))', async () => {
      const before = (await t.db.ds.query('SELECT count(*)::int AS n FROM mediation_files'))[0].n;
      const res = await as('clerk').post('/mediation/referrals', { source: 'case', category: 'public_security', caseId, caseVersion: 2, consent: { applicant: true, respondent: false }, applicantWants: '撤销处罚', suspendFrom: '2026-08-20' });
      expect(res.status).toBe(400);
      expect(res.body.fields[0].field).toBe('consent');
      expect((await t.db.ds.query('SELECT count(*)::int AS n FROM mediation_files'))[0].n).toBe(before);
      expect((await t.db.ds.query('SELECT state, version FROM cases WHERE id = $1', [caseId]))[0]).toEqual({ state: 'accepted', version: 2 });
    });

    it('consented suspension with the referral, in one transaction', async () => {
      const res = await as('clerk').post('/mediation/referrals', { source: 'case', category: 'public_security', caseId, caseVersion: 2, consent: { applicant: true, respondent: true }, applicantWants: '撤销处罚', suspendFrom: '2026-08-20' });
      expect(res.status).toBe(201);
      expect(res.body.caseSuspendedFrom).toBe('2026-08-20');
      fileId = res.body.id;
      const [c] = await t.db.ds.query('SELECT state FROM cases WHERE id = $1', [caseId]);
      expect(c.state).toBe('suspended');
      const parties = await t.db.ds.query('SELECT name FROM mediation_parties WHERE file_id = $1', [fileId]);
      expect(parties.map((p: any) => p.name)).toContain('王小明');
    });

    it('private 背对背 notes are invisible to a reconsideration clerk and to a mediator not on the file', async () => {
      const taken = await assignAndTake(fileId);
      expect(taken.mediationDue).toBeDefined();
      const joint = await as('mediator').post(`/mediation/files/${fileId}/sessions`, { kind: 'joint', mode: 'video', place: '区调处中心视频会议室', scheduledAt: `${shanghaiDate(new Date())}T09:30:00+08:00`, participants: [{ name: '王小明', role: '申请人' }] });
      expect(joint.status).toBe(201);
      expect((await as('mediator').post(`/mediation/files/${fileId}/sessions/${joint.body.id}/record`, { version: 1, attendance: [{ name: '王小明', present: true }], minutes: '双方陈述意见' })).status).toBe(200);
      expect((await as('mediator').post(`/mediation/files/${fileId}/private-notes`, { text: '申请人底线：免除罚款一半' })).status).toBe(201);
      const record = await as('mediator').post(`/mediation/files/${fileId}/documents`, { type: 'mediation-record', sessionId: joint.body.id });
      expect(record.body).toMatchObject({ type: 'mediation-record', ownerKind: 'mediation', caseId });
      expect((await as('clerk').get(`/mediation/documents/${record.body.id}/download`)).status).toBe(200);
      expect((await as('clerk').get(`/cases/${caseId}/documents`)).body.map((d: any) => d.type)).toContain('mediation-record');
      expect((await as('mediator2').get(`/mediation/documents/${record.body.id}/download`)).status).toBe(404);

      const own = await as('mediator').get(`/mediation/files/${fileId}/sessions`);
      expect(own.body.map((s: any) => s.kind).sort()).toEqual(['joint', 'private']);
      const clerk = await as('clerk').get(`/mediation/files/${fileId}/sessions`);
      expect(clerk.status).toBe(200);
      expect(clerk.body.map((s: any) => s.kind)).toEqual(['joint']);
      expect(JSON.stringify(clerk.body)).not.toContain('底线');
      const other = await as('mediator2').get(`/mediation/files/${fileId}/sessions`);
      expect(other.status).toBe(404);
      expect(JSON.stringify(other.body)).not.toContain('底线');
      expect((await as('mediator2').post(`/mediation/files/${fileId}/private-notes`, { text: 'x' })).status).toBe(404);
      // Review item 8: an accepted-case file of its township that the counter did not refer is not the counter's.
      expect((await as('zhongcang').get(`/mediation/files/${fileId}`)).status).toBe(404);
      expect((await as('zhongcang').get(`/mediation/files/${fileId}/sessions`)).status).toBe(404);
    });

    it('failure hands the case back: resumed, the decision clock moved by exactly the suspended days', async () => {
      const { version } = await fileOf(fileId);
      // Review item 1: the mediator cannot back-date the resumption (it would shorten the suspension); nothing written.
      const backDated = await as('mediator').post(`/mediation/files/${fileId}/outcome`, { version, kind: 'failure', summary: '调解不成', resumeOn: '2026-08-25' });
      expect(backDated.status).toBe(400);
      expect(backDated.body.fields[0].field).toBe('resumeOn');
      expect((await fileOf(fileId)).version).toBe(version);
      expect((await t.db.ds.query('SELECT state FROM cases WHERE id = $1', [caseId]))[0].state).toBe('suspended');

      const res = await as('mediator').post(`/mediation/files/${fileId}/outcome`, { version, kind: 'failure', summary: '双方分歧较大，调解不成' });
      expect(res.status).toBe(200);
      // Resumed today: day 60 (Sat 2026-10-03) moves by the days from 08-20 to today, then one CPL 85 roll-forward
      // (domain.md §4; not the rolled 10-08 plus the days).
      const today = shanghaiDate(new Date());
      const suspendedDays = Math.round((Date.parse(today) - Date.parse('2026-08-20')) / 86_400_000);
      const calendar = await t.app.get(CalendarService).current(t.db.ds.manager);
      let expected = addDays('2026-10-03', suspendedDays);
      while (!calendar.isWorkingDay(expected)) expected = addDays(expected, 1);
      expect(res.body).toMatchObject({ state: 'failed', caseState: 'accepted', caseResumed: true, decisionDue: expected });
      const events = (await t.db.ds.query('SELECT type FROM case_events WHERE case_id = $1', [caseId])).map((e: any) => e.type);
      expect(events).toEqual(expect.arrayContaining(['suspend', 'mediation_ended', 'resume']));
      const notice = await as('mediator').post(`/mediation/files/${fileId}/documents`, { type: 'mediation-termination-notice' });
      expect(notice.body).toMatchObject({ type: 'mediation-termination-notice' });
      const again = await as('mediator').post(`/mediation/files/${fileId}/outcome`, { version: res.body.version, kind: 'failure', summary: 'x' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('MEDIATION_ILLEGAL_TRANSITION');
    });
  });

  it('conflict check: a mediator linked to the respondent department is refused, nothing is written', async () => {
    const ref = await as('clerk').post('/mediation/referrals', { source: 'court', category: 'demolition', courtReference: '（2026）京0112行初88号', respondentDepartmentId: otherRespondentId, applicantWants: '赔偿', parties: [{ role: 'applicant', name: '孙小梅' }] });
    expect(ref.status).toBe(201);
    const proposal = await as('mediator').get(`/mediation/files/${ref.body.id}/assignment-proposal`);
    expect(proposal.body.find((p: any) => p.userId === ids.mediator2)).toMatchObject({ conflict: 'respondent_department' });
    const res = await as('mediator').post(`/mediation/files/${ref.body.id}/assign`, { version: 1, mediatorIds: [ids.mediator2] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MEDIATION_CONFLICT_OF_INTEREST');
    expect((await fileOf(ref.body.id))).toMatchObject({ state: 'referred', version: 1 });
    expect((await t.db.ds.query('SELECT count(*)::int AS n FROM mediation_assignments WHERE file_id = $1', [ref.body.id]))[0].n).toBe(0);
    // Linked to a party by name as well.
    const byName = await as('clerk').post('/mediation/referrals', { source: 'court', category: 'demolition', courtReference: '（2026）京0112行初89号', respondentDepartmentId: respondentId, applicantWants: '赔偿', parties: [{ role: 'applicant', name: '赵大勇' }] });
    const res2 = await as('mediator').post(`/mediation/files/${byName.body.id}/assign`, { version: 1, mediatorIds: [ids.mediator2] });
    expect(res2.body).toMatchObject({ code: 'MEDIATION_CONFLICT_OF_INTEREST' });
    expect(JSON.stringify(res2.body)).not.toContain('赵大勇');
  });

  it('a party objects: the mediator stands aside with the reason recorded and the file is reassigned', async () => {
    const ref = await as('clerk').post('/mediation/referrals', { source: 'court', category: 'demolition', courtReference: '（2026）京0112行初90号', respondentDepartmentId: respondentId, applicantWants: '补偿', parties: [{ role: 'applicant', name: '钱多多' }] });
    const fileId = ref.body.id;
    const a = await as('mediator').post(`/mediation/files/${fileId}/assign`, { version: 1, mediatorIds: [ids.mediator] });
    expect(a.status).toBe(200);
    const obj = await as('mediator').post(`/mediation/files/${fileId}/objection`, { version: a.body.version, mediatorId: ids.mediator, partyRole: 'respondent', reason: '调解员曾代理申请人的其他纠纷' });
    expect(obj.body).toMatchObject({ state: 'referred' });
    expect(obj.body.state).toBe('referred');
    const again = await as('mediator').post(`/mediation/files/${fileId}/assign`, { version: obj.body.version, mediatorIds: [ids.mediator] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MEDIATION_MEDIATOR_OBJECTED');
    const re = await as('mediator').post(`/mediation/files/${fileId}/assign`, { version: obj.body.version, mediatorIds: [ids.mediator2] });
    expect(re.status).toBe(200);
    const view = await as('head').get(`/mediation/files/${fileId}`);
    expect(view.body.mediators).toEqual([
      expect.objectContaining({ userId: ids.mediator, current: false, endReason: 'objection', objection: { partyRole: 'respondent', reason: '调解员曾代理申请人的其他纠纷' } }),
      expect.objectContaining({ userId: ids.mediator2, current: true }),
    ]);
    expect((await as('mediator2').get('/mediation/work-list')).body.files.map((f: any) => f.id)).toContain(fileId);
  });

  it('measures by township and by mediator; lists stay within each role\'s scope', async () => {
    for (const by of ['township', 'mediator']) {
      const res = await as('head').get(`/mediation/measures?by=${by}&from=2026-01-01&to=2026-12-31`);
      expect(res.status).toBe(200);
      expect(res.body.rows.reduce((n: number, r: any) => n + r.cases, 0)).toBeGreaterThan(0);
    }
    expect((await as('head').get('/mediation/measures?by=respondent&from=2026-01-01&to=2026-12-31')).status).toBe(400);
    const township = (await as('zhongcang').get('/mediation/files')).body.items;
    expect(township.length).toBeGreaterThan(0);
    const [{ name }] = await t.db.ds.query('SELECT t.name FROM townships t JOIN users u ON u.township_id = t.id WHERE u.username = $1', ['zhongcang']);
    expect(township.every((f: any) => f.township === name)).toBe(true);
    expect((await as('admin').get('/mediation/files')).status).toBe(403);
    // Paged newest first with a cursor: every file once, in the same order as one long page.
    const all = (await as('head').get('/mediation/files?limit=200')).body.items.map((f: any) => f.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await as('head').get(`/mediation/files?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((f: any) => f.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });

  it('the worker warns the mediators once when a time limit is near; an extension by consent moves it', async () => {
    const ref = await as('clerk').post('/mediation/referrals', { source: 'court', category: 'expropriation', courtReference: '（2026）京0112行初91号', respondentDepartmentId: respondentId, applicantWants: '补偿', parties: [{ role: 'applicant', name: '吴敏' }] });
    const taken = await assignAndTake(ref.body.id);
    let now = new Date(`${taken.mediationDue}T00:00:00+08:00`);
    const scanner = new MediationDueScanner(t.app.get(UnitOfWork), { now: () => now } as TimeSource, t.app.get(Notifier));
    expect(await scanner.scan()).toBeGreaterThanOrEqual(1);
    expect(await scanner.scan()).toBe(0);
    const warned = await t.db.ds.query(`SELECT body FROM notifications WHERE user_id = $1 AND kind = 'mediation_due' AND body LIKE $2`, [ids.mediator, `%${taken.mediationDue}%`]);
    expect(warned.length).toBe(1);
    const ext = await as('mediator').post(`/mediation/files/${ref.body.id}/extension`, { version: taken.version, days: 10, consent: { applicant: true, respondent: true } });
    expect(ext.status).toBe(200);
    expect(ext.body.extensionDays).toBe(10);
    expect(ext.body.mediationDue > taken.mediationDue).toBe(true);
    expect((await as('mediator').post(`/mediation/files/${ref.body.id}/extension`, { version: ext.body.version, days: 25, consent: { applicant: true, respondent: true } })).body.code).toBe('MEDIATION_INVALID_INPUT');
    now = new Date(`${ext.body.mediationDue}T00:00:00+08:00`);
    expect(await scanner.scan()).toBeGreaterThanOrEqual(1);
  });

  it('an agreement in an accepted case closes it only when the office head seals the 调解书 (ARL 73)', async () => {
    const caseId = (await as('zhongcang').post('/applications', applicationBody(respondentId))).body.caseId;
    await as('clerk').post(`/cases/${caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' });
    const ref = await as('clerk').post('/mediation/referrals', { source: 'case', category: 'other', caseId, caseVersion: 2, consent: { applicant: true, respondent: true }, applicantWants: '撤销处罚' });
    const taken = await assignAndTake(ref.body.id);
    const doc = await as('mediator').post(`/mediation/files/${ref.body.id}/documents`, { type: 'mediation-document', items: ['被申请人变更罚款数额为200元'] });
    expect(doc.body).toMatchObject({ ownerKind: 'mediation' });
    const signed = await as('mediator').post(`/mediation/files/${ref.body.id}/outcome`, { version: taken.version, kind: 'agreement', summary: '变更罚款数额', signedByAll: true });
    expect(signed.body.state).toBe('agreed');
    expect((await as('mediator').post(`/mediation/files/${ref.body.id}/seal`, { version: signed.body.version })).status).toBe(403);
    const sealed = await as('head').post(`/mediation/files/${ref.body.id}/seal`, { version: signed.body.version });
    expect(sealed.status).toBe(200);
    expect(sealed.body).toMatchObject({ state: 'closed', caseState: 'mediated' });
  });

  // Issue 19 item 5: mediation's notifications used to stay in the inbox; now they go out like every other one.
  it('every notification the mediation centre raised went out on each configured channel, with a job to send it', async () => {
    const { channels } = t.app.get<NotificationSettings>(NOTIFICATION_SETTINGS);
    expect(channels.length).toBeGreaterThan(0);
    const kinds: Array<{ kind: string; notifications: number; deliveries: number; jobs: number }> = await t.db.ds.query(
      `SELECT n.kind, count(DISTINCT n.id)::int AS notifications, count(d.id)::int AS deliveries, count(o.id)::int AS jobs
         FROM notifications n
         LEFT JOIN deliveries d ON d.notification_id = n.id
         LEFT JOIN outbox o ON o.job_name = $1 AND o.payload->>'deliveryId' = d.id::text
        WHERE n.kind LIKE 'mediation%' GROUP BY n.kind ORDER BY n.kind`,
      [JobName.NotificationDeliver],
    );
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['mediation_assigned', 'mediation_warning', 'mediation_due']));
    for (const k of kinds) expect(k).toEqual({ kind: k.kind, notifications: k.notifications, deliveries: k.notifications * channels.length, jobs: k.notifications * channels.length });
  });
});
