import { CASE_TRANSITIONS, CaseAction, CaseState, DECISION_TYPES, nextState } from '@fuyi/cases';
import { CaseStatisticsService, COUNT_FIGURES, DIMENSIONS, RollupCompactor, type CountKey } from '@fuyi/statistics';
import { UnitOfWork } from '@fuyi/platform';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 17 item 3: the roll-up kept by triggers (migration StatisticsRollup), and the stored per-case facts the drill-down
 * lists read, equal a direct count over the cases after
 * a random sequence of transitions (suspensions, mediation, withdrawals and decisions included), refusals, lawsuits
 * added and removed, repeat applications and a changed respondent, with compaction in between and concurrent writers.
 * Seeded pseudo-random, so a failure replays.
 */
describe('statistics roll-up exactness', () => {
  let db: TestDatabase;
  let stats: CaseStatisticsService;
  let compactor: RollupCompactor;
  let user: string;
  let deps: number[];
  let seed = 17;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
  const cases: Array<{ id: string; day: string; applicant: string }> = [];
  let serial = 0;

  const register = async (received: string, applicant: string) => {
    serial += 1;
    const [c] = await db.ds.query(
      `INSERT INTO cases (case_number, year, seq, state, procedure, township_id, registered_by, channel, receipt_at, respondent_department_id, category, act_type,
                          act_known_date, requests, facts_reasons, query_code_hash)
       VALUES ($1, 2021, $2, 'registered', NULL, $3, $4, 'counter', $5, $6, $7, '行政处罚', '2020-01-01', '撤销', '事实', repeat('0', 64)) RETURNING id`,
      [`卷测〔2021〕第${serial}号`, 50000 + serial, pick([null, 1, 2, 12, 22]), user, `${received}T${pick(['01', '12', '23'])}:30:00+08:00`, pick(deps), pick(['penalty', 'expropriation', 'info_disclosure'])],
    );
    await db.ds.query(`INSERT INTO case_parties (case_id, role, kind, name, id_number_index) VALUES ($1, 'applicant', 'person', '申请人', $2)`, [c.id, applicant]);
    cases.push({ id: c.id, day: received, applicant });
    return c.id as string;
  };

  /** One legal step on a case, written as the services write it (state, columns, events), on its own transaction. */
  const step = async (id: string, on: string) => {
    const [c] = await db.ds.query('SELECT state FROM cases WHERE id = $1', [id]);
    const actions = (Object.keys(CASE_TRANSITIONS) as CaseAction[]).filter((a) => CASE_TRANSITIONS[a].from.includes(c.state));
    if (!actions.length) return;
    const action = pick(actions);
    const to = nextState(c.state, action, CASE_TRANSITIONS[action].by[0]);
    const set: Record<string, unknown> = {};
    if (action === CaseAction.Accept || action === CaseAction.DeemAccepted) Object.assign(set, { accepted_on: on, procedure: pick(['ordinary', 'simplified']) });
    if (action === CaseAction.SubmitDecision) set.decision = JSON.stringify({ type: pick(Object.keys(DECISION_TYPES)) });
    if (action === CaseAction.ApproveDecision) set.decision = null; // filled below from the draft
    if (action === CaseAction.Terminate) set.closure = JSON.stringify({ kind: 'terminated', ground: pick([1, 1, 5]), on });
    if (action === CaseAction.ConcludeMediation) set.closure = JSON.stringify({ kind: 'mediated', on });
    await db.ds.transaction(async (m) => {
      if (action === CaseAction.ApproveDecision) {
        await m.query(`UPDATE cases SET state = $2, decision = decision || jsonb_build_object('decidedOn', $3::text) WHERE id = $1`, [id, to, on]);
      } else {
        const cols = Object.keys(set);
        await m.query(`UPDATE cases SET state = $2${cols.map((k, i) => `, ${k} = $${i + 3}`).join('')} WHERE id = $1`, [id, to, ...Object.values(set)]);
      }
      await m.query(`INSERT INTO case_events (case_id, type, occurred_at, data) VALUES ($1, $2, $3, $4)`,
        [id, action, `${on}T10:00:00+08:00`, action === CaseAction.Suspend ? { ground: pick([1, 6, 10]) } : {}]);
    });
  };

  const compare = async (label: string) => {
    const periods = [['2020-01-01', '2020-12-31'], ['2021-01-01', '2021-12-31'], ['2020-06-15', '2021-03-10'], ['2015-01-01', '2025-12-31']];
    for (const [from, to] of periods) {
      for (const by of DIMENSIONS) {
        const rolled = await stats.overviewFromRollup({ from, to, by });
        const direct = await stats.overviewDirect({ from, to, by });
        expect([label, from, to, by, rolled.rows, rolled.total]).toEqual([label, from, to, by, direct.rows, direct.total]);
      }
      // Drill-down lists read the stored per-case facts: each list holds the direct count's cases, and its total (read
      // from the roll-up with the default window, counted with another) is that count.
      const direct = await stats.overviewDirect({ from, to, by: 'total' });
      const direct30 = await stats.overviewDirect({ from, to, by: 'total', windowDays: 30 });
      for (const k of Object.keys(COUNT_FIGURES) as CountKey[]) {
        const list = await stats.cases({ from, to, by: 'total', figure: k, pageSize: 200 });
        const n = direct.total.counts[k];
        expect([label, from, to, k, list.total, list.items.length]).toEqual([label, from, to, k, n, Math.min(200, n)]);
        const list30 = await stats.cases({ from, to, by: 'total', figure: k, pageSize: 1, windowDays: 30 });
        expect([label, from, to, k, 30, list30.total]).toEqual([label, from, to, k, 30, direct30.total.counts[k]]);
      }
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    stats = new CaseStatisticsService(new UnitOfWork(db.ds));
    compactor = new RollupCompactor(new UnitOfWork(db.ds));
    [{ id: user }] = await db.ds.query(`SELECT id FROM users WHERE username = 'head'`);
    deps = (await db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 3`)).map((r: any) => r.id);
  });
  afterAll(() => db.drop());

  it('starts equal (the triggers filled the facts of the seeded demo cases)', async () => {
    await compare('seeded');
  });

  it('stays equal through 400 random steps, compaction half-way and at the end', async () => {
    const applicants = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => x.repeat(64));
    for (let i = 0; i < 40; i++) await register(day('2020-01-01', Math.floor(rnd() * 600)), pick(applicants));
    for (let i = 0; i < 400; i++) {
      const r = rnd();
      const c = pick(cases);
      // Time moves forward on each case, as on the real clock: a step is never dated before the case's last one.
      const on = day(c.day, 1 + Math.floor(rnd() * 20));
      c.day = on;
      if (r < 0.75) await step(c.id, on);
      else if (r < 0.83) {
        await db.ds.query(
          `INSERT INTO liaison_lawsuits (case_id, origin, court, court_case_number, filed_on, co_defendant, recorded_by) VALUES ($1, 'after_reconsideration', '通州区人民法院', $2, $3, false, $4)`,
          [c.id, `（2021）京0112行初${i}号`, on, user]);
      } else if (r < 0.87) {
        await db.ds.query(`DELETE FROM liaison_lawsuits WHERE id = (SELECT id FROM liaison_lawsuits WHERE case_id IS NOT NULL ORDER BY court_case_number LIMIT 1)`);
      } else if (r < 0.95) {
        await register(on, c.applicant); // the same applicant again (a repeat application, if against the same respondent)
      } else {
        await db.ds.query('UPDATE cases SET respondent_department_id = $2 WHERE id = $1', [c.id, pick(deps)]);
      }
      if (i === 200) {
        await compare('before compaction');
        expect(await compactor.compact()).toBeGreaterThan(0);
        await compare('after compaction');
      }
    }
    await compare('end');
    await compactor.compact(100); // in small batches
    await compactor.compact();
    await compare('compacted');
    const [{ n }] = await db.ds.query('SELECT count(*)::int AS n FROM stat_daily_delta');
    expect(n).toBe(0);
  });

  it('concurrent transitions on the same day neither wait on each other for the roll-up nor deadlock', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => register('2021-06-01', `${serial}`.padStart(64, 'z'))));
    await Promise.all(ids.map((id) => db.ds.transaction(async (m) => {
      await m.query(`UPDATE cases SET state = 'accepted', accepted_on = '2021-06-02', procedure = 'ordinary' WHERE id = $1`, [id]);
      await m.query(`UPDATE cases SET state = 'decision_pending', decision = '{"type": "revoke"}' WHERE id = $1`, [id]);
      await m.query(`UPDATE cases SET state = 'decided', decision = '{"type": "revoke", "decidedOn": "2021-06-30"}' WHERE id = $1`, [id]);
    })));
    const [a, b] = await Promise.all([stats.overviewFromRollup({ from: '2021-06-01', to: '2021-06-30', by: 'total' }), stats.overviewDirect({ from: '2021-06-01', to: '2021-06-30', by: 'total' })]);
    expect(a.total).toEqual(b.total);
    expect(a.total.counts.corrected).toBeGreaterThanOrEqual(12);
    expect(CaseState.Decided).toBe('decided');
  });
});
