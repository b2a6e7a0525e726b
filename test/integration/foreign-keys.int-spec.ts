import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Issue 14 item 11: references are constraints; those written before their parent are deferred to COMMIT. */
describe('foreign keys', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const constraints = async () =>
    (await db.owner.query(
      `SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY conname`,
    )) as Array<{ conname: string; condeferrable: boolean; condeferred: boolean }>;

  it('the main references are foreign keys; child rows of a case or mediation file are deferred', async () => {
    const fks = await constraints();
    expect(fks.length).toBeGreaterThanOrEqual(27);
    const byName = Object.fromEntries(fks.map((f) => [f.conname, f]));
    expect(byName.fk_users_township_id).toMatchObject({ condeferrable: false });
    expect(byName.fk_cases_respondent_department_id).toMatchObject({ condeferrable: false });
    for (const name of ['fk_case_parties_case_id', 'fk_case_clocks_case_id', 'fk_case_events_case_id', 'fk_mediation_parties_file_id']) {
      expect(byName[name]).toMatchObject({ condeferrable: true, condeferred: true });
    }
  });

  it('a user of a township that does not exist, or a party of a case that does not exist, cannot be stored', async () => {
    await expect(db.ds.query(`INSERT INTO users (username, display_name, role, township_id, password_hash) VALUES ('ghost', '幽灵', 'township_clerk', 999, 'x')`))
      .rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23503' }) });
    await expect(db.ds.query(`INSERT INTO case_parties (case_id, role, kind, name) VALUES ($1, 'applicant', 'person', '王五')`, [randomUUID()]))
      .rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23503' }) });
  });

  it('a party written before its case in one transaction commits (the registration order)', async () => {
    const [{ id: userId }] = await db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    const [{ id: dept }] = await db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const caseId = randomUUID();
    await db.ds.transaction(async (m) => {
      await m.query(`INSERT INTO case_parties (case_id, role, kind, name) VALUES ($1, 'applicant', 'person', '王五')`, [caseId]);
      await m.query(
        `INSERT INTO cases (id, case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type, act_known_date, requests, facts_reasons, query_code_hash)
         VALUES ($1, '通复〔2026〕第88888号', 2026, 88888, 'registered', $2, 'counter', now(), $3, 'penalty', '行政处罚决定', '2026-11-01', '请求', '理由', repeat('0', 64))`,
        [caseId, userId, dept],
      );
    });
    expect(await db.ds.query(`SELECT 1 FROM case_parties WHERE case_id = $1`, [caseId])).toHaveLength(1);
  });
});
