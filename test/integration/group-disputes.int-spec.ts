import { AuditService, loadConfig, TimeSource, UnitOfWork } from '@fuyi/platform';
import { ClusterAlerts, ClusterDetector, ClusterQueries } from '@fuyi/liaison';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { Notifier } from '@fuyi/notifications';

/** The test deployment's settings, as the apps read them (Notifier.standalone takes its channels from them). */
const NOTIFY = loadConfig(process.env);

/** Detection against real PostgreSQL: watermark and lag, consultations counted once, dismissed clusters, merges. */
describe('group-dispute detection (service level)', () => {
  let db: TestDatabase;
  let detector: ClusterDetector;
  let userId: string;
  let dept: number;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    detector = new ClusterDetector(new UnitOfWork(db.ds), new ClusterAlerts(new ClusterQueries(new UnitOfWork(db.ds)), new AuditService(), Notifier.standalone(db.ds, NOTIFY), new TimeSource(db.config)), db.config);
    [{ id: userId }] = await db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    [{ id: dept }] = await db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
  });
  afterAll(() => db.drop());

  const addCase = async (day: string, act: { doc?: string; project?: string; place?: string }, township = 1, department = dept): Promise<string> => {
    n++;
    const [row] = await db.ds.query(
      `INSERT INTO cases (case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type, act_document_number,
         act_project, act_place, act_known_date, requests, facts_reasons, query_code_hash, township_id)
       VALUES ($1, 2026, $2, 'registered', $3, 'counter', $4, $5, 'demolition', '限期拆除决定', $6, $7, $8, '2026-10-01', '撤销', '违法', repeat('0', 64), $9) RETURNING id`,
      [`通复〔it〕第${n}号`, 90_000 + n, userId, `${day}T10:00:00+08:00`, department, act.doc ?? null, act.project ?? null, act.place ?? null, township],
    );
    return row.id;
  };
  const addConsultation = async (day: string, project: string, caseId: string | null = null, department = dept): Promise<string> => {
    const [row] = await db.ds.query(
      `INSERT INTO consultations (township_id, clerk_id, consulted_at, visitor_name, topic, category, respondent_department_id, advice, act_project, case_id)
       VALUES (2, $1, $2, '来访人', '拆除', 'demolition', $3, '告知', $4, $5) RETURNING id`,
      [userId, `${day}T09:00:00+08:00`, department, project, caseId],
    );
    return row.id;
  };
  const cases = (ids: string[]) => ids.map((id) => ({ kind: 'case' as const, id }));
  const clusterOf = async (kind: string, id: string) =>
    (await db.ds.query(`SELECT g.* FROM group_dispute_members m JOIN group_disputes g ON g.id = m.cluster_id WHERE m.record_kind = $1 AND m.record_id = $2 ORDER BY g.created_at`, [kind, id]))[0];
  const alerts = async () => (await db.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'group_dispute%'`))[0].n;

  it('the periodic scan leaves records younger than its lag to their own job, then advances its watermark', async () => {
    await detector.scanNew({ lagMs: 0 }); // the demo district: nothing of its own yet
    const id = await addCase('2026-11-02', { project: '玉桥街道运河片区改造' });
    expect((await detector.scanNew()).records).toBe(0); // created just now: within the default lag
    expect((await detector.scanNew({ lagMs: 0 })).records).toBe(1);
    expect((await detector.scanNew({ lagMs: 0 })).records).toBe(0);
    expect(await clusterOf('case', id)).toBeUndefined();
  });

  it('a consultation followed by its application counts once: the application takes its place', async () => {
    const project = '西集镇沙古堆村拆违';
    const consultation = await addConsultation('2026-11-03', project);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await addCase(`2026-11-0${4 + i}`, { project }));
    await detector.processRecords([{ kind: 'consultation', id: consultation }, ...cases(ids)]);
    const g = await clusterOf('consultation', consultation);
    expect(g).toMatchObject({ member_count: 5, state: 'open' });
    const followed = await addCase('2026-11-09', { project });
    await db.ds.query(`UPDATE consultations SET case_id = $2, application_followed = true WHERE id = $1`, [consultation, followed]);
    await detector.processRecords(cases([followed]));
    const after = await clusterOf('case', followed);
    expect(after).toMatchObject({ id: g.id, member_count: 5 });
    expect(await clusterOf('consultation', consultation)).toBeUndefined();
    const [m] = await db.ds.query(`SELECT reason FROM group_dispute_members WHERE record_id = $1`, [followed]);
    expect(m.reason).toContain('该咨询已转为申请');
  });

  let byPlace: string[] = [];
  it('an alert of a cluster found by place does not carry the place (it leaves the system)', async () => {
    const ids: string[] = (byPlace = []);
    for (let i = 0; i < 5; i++) ids.push(await addCase(`2026-11-1${i}`, { place: '潞城镇胡各庄村北侧' }));
    await detector.processRecords(cases(ids));
    const g = await clusterOf('case', ids[0]!);
    expect(g).toMatchObject({ key_kind: 'place', member_count: 5 });
    const notes = await db.ds.query(`SELECT title, body FROM notifications WHERE id = ANY($1::bigint[])`, [g.alert_notification_ids]);
    expect(notes.length).toBeGreaterThan(0);
    for (const x of notes) {
      expect(`${x.title}${x.body}`).not.toContain('胡各庄');
      expect(x.title).toContain(`线索${g.id.slice(0, 8).toUpperCase()}`);
    }
  });

  it('a dismissed cluster takes its later members silently: no alert, still dismissed', async () => {
    const g = await clusterOf('case', byPlace[0]!);
    await db.ds.query(`UPDATE group_disputes SET state = 'dismissed', dismissed_at = now() WHERE id = $1`, [g.id]);
    const before = await alerts();
    const late = await addCase('2026-11-16', { place: '潞城镇胡各庄村北侧' });
    await detector.processRecords(cases([late]));
    expect(await clusterOf('case', late)).toMatchObject({ id: g.id, state: 'dismissed', member_count: 6 });
    expect(await alerts()).toBe(before);
  });

  it('a dismissed cluster stops absorbing M days after the dismissal: the group coming back founds a new cluster and alerts', async () => {
    const dismissed = await clusterOf('case', byPlace[0]!);
    await db.ds.query(`UPDATE group_disputes SET dismissed_at = '2026-10-01T10:00:00+08:00' WHERE id = $1`, [dismissed.id]);
    const before = await alerts();
    const back = [];
    for (let i = 0; i < 5; i++) back.push(await addCase(`2026-11-2${i}`, { place: '潞城镇胡各庄村北侧' }));
    await detector.processRecords(cases(back));
    const fresh = await clusterOf('case', back[0]!);
    expect(fresh).toMatchObject({ state: 'open', member_count: 5, key_kind: 'place' });
    expect(fresh.id).not.toBe(dismissed.id);
    const [still] = await db.ds.query(`SELECT state, member_count FROM group_disputes WHERE id = $1`, [dismissed.id]);
    expect(still).toEqual({ state: 'dismissed', member_count: 6 });
    expect(await alerts()).toBeGreaterThan(before);
  });

  it('an application of another respondent that followed a consultation leaves that respondent\'s cluster alone', async () => {
    const [{ id: otherDept }] = await db.ds.query(`SELECT id FROM departments WHERE id <> $1 ORDER BY id LIMIT 1`, [dept]);
    const project = '永乐店镇老槐庄村拆违';
    const consultation = await addConsultation('2026-11-03', project);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await addCase(`2026-11-0${4 + i}`, { project }));
    await detector.processRecords([{ kind: 'consultation', id: consultation }, ...cases(ids)]);
    const g = await clusterOf('consultation', consultation);
    expect(g).toMatchObject({ member_count: 5 });
    // The visitor then applied, but against another department: only that department's lock is held by its run.
    const followed = await addCase('2026-11-09', { project }, 1, otherDept);
    await db.ds.query(`UPDATE consultations SET case_id = $2, application_followed = true WHERE id = $1`, [consultation, followed]);
    await detector.processRecords(cases([followed]));
    expect(await clusterOf('consultation', consultation)).toMatchObject({ id: g.id, member_count: 5, version: g.version });
    expect(await clusterOf('case', followed)).toBeUndefined();
  });

  it('a record linking two open clusters merges them into the older, whose alert says it grew', async () => {
    const byDoc = [];
    const byProject = [];
    for (let i = 0; i < 5; i++) byDoc.push(await addCase(`2026-11-2${i}`, { doc: '通城管拆〔2026〕第88号' }));
    await detector.processRecords(cases(byDoc));
    for (let i = 0; i < 5; i++) byProject.push(await addCase(`2026-11-2${i}`, { project: '马驹桥镇房辛店村违建拆除' }));
    await detector.processRecords(cases(byProject));
    const [older, newer] = [await clusterOf('case', byDoc[0]!), await clusterOf('case', byProject[0]!)];
    expect(older.id).not.toBe(newer.id);
    const before = await alerts();
    const bridge = await addCase('2026-11-26', { doc: '通城管拆〔2026〕第88号', project: '马驹桥镇房辛店村违建拆除' });
    await detector.processRecords(cases([bridge]));
    const [closed] = await db.ds.query(`SELECT state, merged_into FROM group_disputes WHERE id = $1`, [newer.id]);
    expect(closed).toEqual({ state: 'closed', merged_into: older.id });
    expect(await clusterOf('case', bridge)).toMatchObject({ id: older.id, member_count: 11 });
    // The older cluster's own alert now says it grew; nothing new piles up in the inbox.
    const grew = await db.ds.query(`SELECT title, read_at FROM notifications WHERE id = ANY($1::bigint[])`, [older.alert_notification_ids]);
    expect(grew.length).toBeGreaterThan(0);
    for (const x of grew) expect(x).toMatchObject({ title: expect.stringContaining('由5件增至11件'), read_at: null });
    expect(await alerts()).toBe(before);
  });
});
