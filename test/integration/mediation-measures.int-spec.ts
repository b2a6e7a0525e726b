import { TimeSource } from '@fuyi/platform';
import { MeasuresService } from '@fuyi/mediation';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Mediation measures (review item 13, 15): a sargable period filter, distinct (file, mediator) pairs, Chinese labels. */
describe('mediation measures', () => {
  let db: TestDatabase;
  let measures: MeasuresService;
  let mediator: string;

  const file = async (createdAt: string, category: string, outcomeOn: string | null) => {
    const [f] = await db.ds.query(
      `INSERT INTO mediation_files (state, source, category, applicant_wants, created_by, created_at, outcome, outcome_on)
       VALUES ($1, 'court', $2, '补偿', $3, $4, $5, $6) RETURNING id`,
      [outcomeOn ? 'closed' : 'referred', category, mediator, createdAt, outcomeOn ? 'agreement' : null, outcomeOn],
    );
    return f.id as string;
  };
  const assign = (fileId: string, endReason: string | null) =>
    db.ds.query(`INSERT INTO mediation_assignments (file_id, mediator_id, assigned_by, ended_at, end_reason) VALUES ($1, $2, $2, $3, $4)`,
      [fileId, mediator, endReason ? new Date() : null, endReason]);

  beforeAll(async () => {
    db = await createTestDatabase();
    measures = new MeasuresService(db.ds, new TimeSource(db.config));
    [{ id: mediator }] = await db.ds.query(`SELECT id FROM users WHERE username = 'mediator'`);
    // 2020: no other file lives in that period. A: 2 days (the mediator assigned twice), B: 10 days, C: 12 days.
    const a = await file('2020-03-01T10:00:00+08:00', 'expropriation', '2020-03-03');
    await assign(a, 'reassigned');
    await assign(a, null);
    await assign(await file('2020-03-02T10:00:00+08:00', 'expropriation', '2020-03-12'), null);
    await assign(await file('2020-03-03T10:00:00+08:00', 'expropriation', '2020-03-15'), null);
    // Period edges in Beijing time: 00:30 on 1 January is in January, 23:30 on 31 December is not.
    await file('2020-01-01T00:30:00+08:00', 'demolition', null);
    await file('2019-12-31T23:30:00+08:00', 'demolition', null);
  });
  afterAll(() => db.drop());

  it('counts a mediator once per file, so a double assignment does not shift the median', async () => {
    const res = await measures.measures('mediator', '2020-03-01', '2020-03-31');
    expect(res.rows).toEqual([expect.objectContaining({ key: mediator, cases: 3, agreements: 3, medianDaysToOutcome: 10 })]);
  });

  it('takes the period as Beijing days, labels categories in Chinese', async () => {
    const res = await measures.measures('category', '2020-01-01', '2020-01-31');
    expect(res.rows).toEqual([expect.objectContaining({ key: 'demolition', label: '拆违拆临', cases: 1 })]);
  });

  it('filters created_at by a range the index can serve (no expression on the column)', async () => {
    const spy = jest.spyOn(db.ds, 'query');
    await measures.measures('category', '2020-01-01', '2020-01-31');
    const [sql, params] = spy.mock.calls[0] as [string, unknown[]];
    spy.mockRestore();
    const plan = await db.ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return (await m.query(`EXPLAIN ${sql}`, params)).map((r: any) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('idx_mediation_files_created');
  });

  it('defaults to the current year so far', async () => {
    const res = await measures.measures('township');
    expect(res.from).toMatch(/^\d{4}-01-01$/);
    expect(res.to >= res.from).toBe(true);
  });
});
