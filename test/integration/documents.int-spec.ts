import { Role, type Actor } from '@fuyi/kernel';
import { AuditService, FieldCipher, OutboxService, UnitOfWork, loadConfig, type TimeSource } from '@fuyi/platform';
import { CalendarService, ClockRecomputer, ClockService, MilestoneWriter } from '@fuyi/clocks';
import { AcceptanceService, CaseNumberAllocator, RegistrationService, caseClockMoveListeners } from '@fuyi/cases';
import { DocumentService, DocumentTemplates } from '@fuyi/documents';
import { readDocx } from '../../libs/documents/src/__tests__/docx-text';
import { applicationBody, validIdNumber } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { Notifier } from '@fuyi/notifications';

/** The test deployment's settings, as the apps read them (Notifier.standalone takes its channels from them). */
const NOTIFY = loadConfig(process.env);

/** Issued documents: numbered per type and year, versioned per case and type, immutable for the app role. */
describe('documents (real Postgres)', () => {
  let db: TestDatabase;
  let documents: DocumentService;
  let registration: RegistrationService;
  let numbers: CaseNumberAllocator;
  let acceptance: AcceptanceService;
  let actor: Actor;
  let now = new Date('2026-11-27T02:00:00Z');
  const idNumber = validIdNumber();
  const pgCode = (e: any) => e?.driverError?.code ?? e?.code;

  const issue = (caseId: string, type: Parameters<DocumentService['issue']>[3], data = {}) =>
    db.ds.transaction((m) => documents.issueFromCase(m, actor, caseId, type, data));

  async function acceptedCase(): Promise<{ caseId: string; caseNumber: string }> {
    const { id } = (await db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`))[0];
    const body = applicationBody(id, {
      applicants: [{ kind: 'person', name: '王小明', idNumber, phone: '13812345678', address: '北京市通州区玉桥中路8号' }],
    });
    const reg = await db.ds.transaction((m) => registration.register(m, actor, body as never));
    await db.ds.transaction((m) => acceptance.decide(m, actor, reg.caseId, { outcome: 'accept', version: reg.version, procedure: 'ordinary' } as never));
    return { caseId: reg.caseId, caseNumber: reg.caseNumber };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test' });
    const audit = new AuditService();
    const time = { now: () => new Date(now) } as TimeSource;
    const milestones = new MilestoneWriter(time);
    const clocks = new ClockService(new UnitOfWork(db.ds), new CalendarService(new UnitOfWork(db.ds), audit, new ClockRecomputer(milestones, caseClockMoveListeners(Notifier.standalone(db.ds, NOTIFY))), config), milestones, time);
    numbers = new CaseNumberAllocator(db.config);
    registration = new RegistrationService(new FieldCipher(config.dataKey), audit, new OutboxService(), clocks, numbers, config, time);
    acceptance = new AcceptanceService(audit, new OutboxService(), clocks, time);
    documents = new DocumentService(db.ds, new UnitOfWork(db.ds), audit, new DocumentTemplates(), time);
    const [clerk] = await db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    actor = { userId: clerk.id, username: 'clerk', role: Role.ReconsiderationClerk, townshipId: null };
  });
  afterAll(async () => {
    await numbers.onModuleDestroy();
    await db.drop();
  });

  it('issues a document from the case: its number, a .docx with the case facts, a timeline event and an audit row', async () => {
    const { caseId, caseNumber } = await acceptedCase();
    const issued = await issue(caseId, 'acceptance-notice');
    expect(issued).toMatchObject({ caseId, type: 'acceptance-notice', number: '通复受字〔2026〕第1号', version: 1, title: '行政复议受理通知书' });

    const file = await documents.download(issued.id);
    expect(file.filename).toBe('通复受字〔2026〕第1号行政复议受理通知书.docx');
    const doc = readDocx(file.content);
    // The case number (案号) beside the document's own number.
    expect(doc.paragraphs.slice(0, 2)).toEqual(['行政复议受理通知书', `案号：${caseNumber}　通复受字〔2026〕第1号`]);
    const text = doc.paragraphs.join('\n');
    for (const expected of [caseNumber, '王小明：', '2026年11月10日', '普通程序', '北京市通州区人民政府', '2026年11月27日']) expect(text).toContain(expected);

    const [event] = await db.ds.query(`SELECT actor_id, data FROM case_events WHERE case_id = $1 AND type = 'document_issued'`, [caseId]);
    expect(event).toEqual({ actor_id: actor.userId, data: { documentId: issued.id, type: 'acceptance-notice', number: issued.number } });
    const [audit] = await db.ds.query(`SELECT actor_id, summary FROM audit_log WHERE action = 'document.issue' AND subject_id = $1`, [caseId]);
    expect(audit).toMatchObject({ actor_id: actor.userId, summary: { documentId: issued.id, number: issued.number, version: 1 } });

    // Stored with the document: the placeholder values, names and dates only.
    const [row] = await db.ds.query('SELECT data, status, sha256, encode(sha256(content), \'hex\') AS actual FROM case_documents WHERE id = $1', [issued.id]);
    expect(row.status).toBe('issued');
    expect(row.actual).toBe(row.sha256);
    expect(row.data).toMatchObject({ caseNumber, applicantNames: ['王小明'], issuedOn: '2026-11-27', office: '北京市通州区人民政府' });
    expect(JSON.stringify(row.data)).not.toMatch(new RegExp(`${idNumber}|13812345678|玉桥中路`));
  });

  it('numbers per type and year: each type its own sequence, the same type again is the next version, a new year restarts', async () => {
    const { caseId } = await acceptedCase();
    const reply = await issue(caseId, 'reply-notice');
    expect(reply).toMatchObject({ number: '通复答字〔2026〕第1号', version: 1 });
    const again = await issue(caseId, 'acceptance-notice');
    expect(again).toMatchObject({ number: '通复受字〔2026〕第2号', version: 1 });
    const corrected = await issue(caseId, 'acceptance-notice');
    expect(corrected).toMatchObject({ number: '通复受字〔2026〕第3号', version: 2 });

    now = new Date('2027-01-04T02:00:00Z');
    try {
      expect(await issue(caseId, 'acceptance-notice')).toMatchObject({ number: '通复受字〔2027〕第1号', version: 3 });
    } finally {
      now = new Date('2026-11-27T02:00:00Z');
    }
    const list = await documents.list(caseId);
    expect(list.map((d) => [d.number, d.version, d.superseded])).toEqual([
      ['通复答字〔2026〕第1号', 1, false],
      ['通复受字〔2026〕第2号', 1, true],
      ['通复受字〔2026〕第3号', 2, true],
      ['通复受字〔2027〕第1号', 3, false],
    ]);
    expect(list[0]).not.toHaveProperty('content');
    expect(list[0].size).toBeGreaterThan(1000);
  });

  it('concurrent issues get distinct, gap-free numbers and versions', async () => {
    const { caseId } = await acceptedCase();
    const results = await Promise.all(Array.from({ length: 5 }, () => issue(caseId, 'receipt')));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.number).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `通复收字〔2026〕第${n}号`));
  });

  it('a document outside its state, or missing a fact, fails and takes no number; the facts come from the record', async () => {
    const { caseId } = await acceptedCase();
    await expect(issue(caseId, 'correction-notice')).rejects.toMatchObject({ code: 'DOCUMENT_NOT_IN_STATE' });
    await expect(issue(caseId, 'third-party-notice')).rejects.toMatchObject({ code: 'DOCUMENT_DATA_MISSING', details: { missing: ['thirdPartyNames'] } });
    // A case whose review asked for correction: the notice lists the recorded items, and only those.
    const { id } = (await db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`))[0];
    const reg = await db.ds.transaction((m) => registration.register(m, actor, applicationBody(id) as never));
    await db.ds.transaction((m) => acceptance.decide(m, actor, reg.caseId, { outcome: 'request_correction', version: reg.version, items: ['明确具体的行政复议请求'], decidedOn: '2026-11-12' } as never));
    await expect(issue(reg.caseId, 'correction-notice', { items: ['另一事项'] })).rejects.toMatchObject({ code: 'DOCUMENT_DATA_INVALID' });
    const issued = await issue(reg.caseId, 'correction-notice');
    expect(issued.number).toBe('通复补字〔2026〕第1号');
    expect(readDocx((await documents.download(issued.id)).content).paragraphs).toContain('1.明确具体的行政复议请求');
  });

  it('refuses caller data that would override the case record or carries personal data', async () => {
    const { caseId } = await acceptedCase();
    await expect(issue(caseId, 'refusal-decision', { reason: '超过申请期限', caseNumber: 'X' })).rejects.toMatchObject({ code: 'DOCUMENT_DATA_INVALID' });
    await expect(issue(caseId, 'refusal-decision', { reason: `申请人身份证号${idNumber}` })).rejects.toMatchObject({ code: 'DOCUMENT_DATA_PERSONAL' });
    await expect(issue('00000000-0000-4000-8000-0000000000ff', 'receipt')).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
  });

  it('a document may belong to something other than a case: versions count per owner, the case lists it when linked', async () => {
    const { caseId } = await acceptedCase();
    const fileId = '00000000-0000-4000-8000-00000000a001';
    const data = { applicantNames: '王小明', respondent: '区住房和城乡建设委员会', act: '限期拆除决定', receivedOn: '2026-11-20',
      acceptedOn: '2026-11-23', caseNumber: '—', requests: '撤销限期拆除决定', items: ['被申请人重新核定补偿'] };
    const first = await db.ds.transaction((m) => documents.issueFor(m, actor, { kind: 'mediation', id: fileId }, 'mediation-document', data));
    expect(first).toMatchObject({ caseId: null, ownerKind: 'mediation', ownerId: fileId, version: 1 });
    const linked = await db.ds.transaction((m) => documents.issueFor(m, actor, { kind: 'mediation', id: fileId, caseId }, 'mediation-document', data));
    expect(linked).toMatchObject({ caseId, version: 2 });
    // A case document of the same type keeps its own versions.
    expect((await issue(caseId, 'mediation-document', { items: ['x'] })).version).toBe(1);
    expect((await documents.listFor('mediation', fileId)).map((d) => [d.version, d.superseded])).toEqual([[1, true], [2, false]]);
    expect((await documents.list(caseId)).map((d) => d.ownerKind).sort()).toEqual(['case', 'mediation']);
    expect(await documents.ownerOf(first.id)).toEqual({ kind: 'mediation', id: fileId, caseId: null, type: 'mediation-document' });
    await expect(documents.caseOf(first.id)).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    const [audit] = await db.ds.query(`SELECT subject_type FROM audit_log WHERE subject_id = $1 ORDER BY seq LIMIT 1`, [fileId]);
    expect(audit.subject_type).toBe('mediation');
  });

  it.each([
    ['UPDATE', `UPDATE case_documents SET number = 'forged' WHERE case_id IS NOT NULL`],
    ['DELETE', `DELETE FROM case_documents`],
    ['TRUNCATE', `TRUNCATE case_documents`],
  ])('the app role cannot %s an issued document', async (_, sql) => {
    const before = await db.ds.query('SELECT count(*)::int AS n FROM case_documents');
    expect(before[0].n).toBeGreaterThan(0);
    const error = await db.ds.query(sql).catch((e) => e);
    expect(pgCode(error)).toBe('42501'); // insufficient_privilege
    expect(await db.ds.query('SELECT count(*)::int AS n FROM case_documents')).toEqual(before);
  });
});
