import type { DataSource } from 'typeorm';

/**
 * A small hand-built district year (2019) with known answers for every figure of libs/statistics. Rows are written
 * directly (like the mediation-measures test): the figures are defined on what the record holds, whatever wrote it.
 *
 *  case  received  where  respondent  category       outcome (2019 unless said)
 *  A     03-01     T1     D1          penalty        accepted 03-05, revoked 04-20 (served); sued 05-10 (head appeared at the hearing)
 *  B     03-02     T1     D1          penalty        accepted 03-06, upheld 05-01 (archived); decision clock met a day late
 *  C     04-01     T2     D2          expropriation  accepted 04-03, 调解书 06-01; same applicant applies again (F) 07-01
 *  D     05-01     T2     D2          expropriation  accepted 05-05, withdrawal approved (ARL 41(1)) 06-15
 *  E     06-01     office D1          info_disclosure simplified, refused 06-05
 *  F     07-01     T2     D2          expropriation  accepted 07-03, still in hand; decision clock overdue, a correction clock on the applicant
 *  G     12-20     T1     D1          penalty        accepted 12-25, confirmed illegal 2020-01-10
 *  H     2018-12-28 T1    D1          penalty        accepted 01-03, terminated (ARL 41(5)) 02-01
 *  I     08-01     T1     D2          penalty        registered, acceptance review overdue
 *  J     09-01     T2     D1          penalty        accepted 09-02, suspended for mediation (decision clock paused)
 *  K     10-01     T1     D1          penalty        accepted 10-02, decision period extended by 30 days, still within it
 */
export const T1 = 1; // 中仓街道
export const T2 = 12; // 宋庄镇

export interface Fixture { ids: Record<string, string>; d1: number; d2: number; d1Name: string }

export async function buildStatisticsFixture(ds: DataSource): Promise<Fixture> {
  const [{ id: user }] = await ds.query(`SELECT id FROM users WHERE username = 'head'`);
  const deps = await ds.query(`SELECT id, name FROM departments ORDER BY id LIMIT 2`);
  const [d1, d2] = [deps[0].id as number, deps[1].id as number];
  const ids: Record<string, string> = {};
  let seq = 90000;
  const mk = async (k: string, x: { received: string; township: number | null; dep: number; category: string; state: string; procedure?: string | null; accepted?: string; decision?: object; closure?: object; applicantIndex?: string }) => {
    seq += 1;
    const [c] = await ds.query(
      `INSERT INTO cases (case_number, year, seq, state, procedure, township_id, registered_by, channel, receipt_at, respondent_department_id, category, act_type,
                          act_known_date, requests, facts_reasons, query_code_hash, accepted_on, decision, closure)
       VALUES ($1, 2019, $2, $3, $4, $5, $6, 'counter', $7, $8, $9, '行政处罚', '2019-01-01', '撤销', '事实', repeat('0', 64), $10, $11, $12) RETURNING id`,
      [`统测〔2019〕第${seq}号`, seq, x.state, x.procedure === undefined ? 'ordinary' : x.procedure, x.township, user, `${x.received}T10:00:00+08:00`, x.dep, x.category,
        x.accepted ?? null, x.decision ? JSON.stringify(x.decision) : null, x.closure ? JSON.stringify(x.closure) : null],
    );
    ids[k] = c.id;
    await ds.query(`INSERT INTO case_parties (case_id, role, kind, name, id_number_index) VALUES ($1, 'applicant', 'person', $2, $3)`,
      [c.id, `申请人${k}`, x.applicantIndex ?? k.repeat(64)]);
    return c.id as string;
  };
  await mk('A', { received: '2019-03-01', township: T1, dep: d1, category: 'penalty', state: 'served', accepted: '2019-03-05', decision: { type: 'revoke', decidedOn: '2019-04-20' } });
  await mk('B', { received: '2019-03-02', township: T1, dep: d1, category: 'penalty', state: 'archived', accepted: '2019-03-06', decision: { type: 'uphold', decidedOn: '2019-05-01' } });
  await mk('C', { received: '2019-04-01', township: T2, dep: d2, category: 'expropriation', state: 'mediated', accepted: '2019-04-03', closure: { kind: 'mediated', on: '2019-06-01' }, applicantIndex: 'c'.repeat(64) });
  await mk('D', { received: '2019-05-01', township: T2, dep: d2, category: 'expropriation', state: 'terminated', accepted: '2019-05-05', closure: { kind: 'terminated', ground: 1, on: '2019-06-15' } });
  const e = await mk('E', { received: '2019-06-01', township: null, dep: d1, category: 'info_disclosure', state: 'refused', procedure: 'simplified' });
  await ds.query(`INSERT INTO case_events (case_id, type, occurred_at, data) VALUES ($1, 'refuse', '2019-06-05T09:00:00+08:00', '{}')`, [e]);
  await mk('F', { received: '2019-07-01', township: T2, dep: d2, category: 'expropriation', state: 'accepted', accepted: '2019-07-03', applicantIndex: 'c'.repeat(64) });
  await mk('G', { received: '2019-12-20', township: T1, dep: d1, category: 'penalty', state: 'decided', accepted: '2019-12-25', decision: { type: 'confirm_illegal', decidedOn: '2020-01-10' } });
  await mk('H', { received: '2018-12-28', township: T1, dep: d1, category: 'penalty', state: 'terminated', accepted: '2019-01-03', closure: { kind: 'terminated', ground: 5, on: '2019-02-01' } });
  await mk('I', { received: '2019-08-01', township: T1, dep: d2, category: 'penalty', state: 'registered', procedure: null });
  const j = await mk('J', { received: '2019-09-01', township: T2, dep: d1, category: 'penalty', state: 'suspended', accepted: '2019-09-02' });
  await ds.query(`INSERT INTO case_events (case_id, type, data) VALUES ($1, 'suspend', '{"ground": 6, "from": "2019-09-10"}')`, [j]);
  await mk('K', { received: '2019-10-01', township: T1, dep: d1, category: 'penalty', state: 'accepted', accepted: '2019-10-02' });

  const clock = (k: string, rule: string, start: string, due: string, status: string, closedOn: string | null, extension = 0) => ds.query(
    `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, closed_on, extension_days, calendar_version) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)`,
    [ids[k], rule, start, due, status, closedOn, extension]);
  await clock('A', 'decision', '2019-03-05', '2019-05-06', 'met', '2019-04-20');
  await clock('B', 'decision', '2019-03-06', '2019-04-30', 'met', '2019-05-01');
  await clock('C', 'decision', '2019-04-03', '2019-06-03', 'cancelled', '2019-06-01');
  await clock('F', 'decision', '2019-07-03', '2019-09-02', 'running', null);
  await clock('F', 'applicant-correction', '2019-07-03', '2019-08-01', 'running', null);
  await clock('I', 'acceptance-review', '2019-08-01', '2019-08-08', 'running', null);
  await clock('J', 'decision', '2019-09-02', '2019-11-01', 'paused', null);
  await clock('K', 'decision', '2019-10-02', '2020-01-15', 'running', null, 30);

  const lawsuit = (caseId: string | null, origin: string, dep: number | null, no: string, filed: string, hearings: object[]) => ds.query(
    `INSERT INTO liaison_lawsuits (case_id, origin, defendant_department_id, court, court_case_number, filed_on, co_defendant, hearings, head_appeared, recorded_by)
     VALUES ($1, $2, $3, '通州区人民法院', $4, $5, false, $6, $7, $8)`,
    [caseId, origin, dep, no, filed, JSON.stringify(hearings), hearings.some((h: any) => h.headAppeared), user]);
  await lawsuit(ids.A, 'after_reconsideration', null, '（2019）京0112行初1号', '2019-05-10', [{ heldOn: '2019-06-10', kind: 'hearing', headAppeared: true, note: null }]);
  await lawsuit(null, 'direct', d2, '（2019）京0112行初2号', '2019-07-01', [{ heldOn: '2019-08-01', kind: 'hearing', headAppeared: false, note: null }]);
  await lawsuit(null, 'direct', null, '（2019）京0112行初3号', '2019-08-01', []);

  const hearing = async (k: string, held: string, head: boolean | null) => {
    const [h] = await ds.query(`INSERT INTO case_hearings (case_id, kind, held_on, place, status) VALUES ($1, 'listening', $2, '第一会议室', 'held') RETURNING id`, [ids[k], held]);
    if (head !== null) {
      await ds.query(`INSERT INTO case_hearing_attendance (hearing_id, case_id, party_id, side, status, head_attended, recorded_by) VALUES ($1, $2, NULL, 'respondent', 'attended', $3, $4)`,
        [h.id, ids[k], head, user]);
    }
  };
  await hearing('B', '2019-04-10', true);
  await hearing('C', '2019-05-10', false);
  await hearing('D', '2019-05-20', null);
  return { ids, d1, d2, d1Name: deps[0].name };
}
