import { randomUUID } from 'node:crypto';
import { applyClockRuleChange, SUSPENSION_RULE_CHANGE } from '@fuyi/clocks';
import { caseClockMoveListeners } from '@fuyi/cases';
import { Notifier } from '@fuyi/notifications';
import { loadConfig } from '@fuyi/platform';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The test deployment's settings, as the apps read them (Notifier.standalone takes its channels from them). */
const NOTIFY = loadConfig(process.env);

/**
 * Issue 12 item 1: the open clocks the replaced suspension rule computed move once, like after a calendar change:
 * new due date and explanation, old and new dates on the timeline, the handler told, the change recorded; a second
 * run changes nothing.
 */
describe('clock-rule change: suspension rolled forward once', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function caseWithClock(number: string, clock: { rule: string; start: string; due: string; status: string; suspensions: unknown[] }) {
    const [u] = await db.ds.query(`SELECT id FROM users WHERE role = 'reconsideration_clerk' AND active LIMIT 1`);
    const [d] = await db.ds.query(`SELECT id FROM departments LIMIT 1`);
    const id = randomUUID();
    const seq = Number(number.match(/(\d+)号/)![1]);
    await db.owner.query(
      `INSERT INTO cases (id, case_number, year, seq, state, registered_by, handler_id, channel, receipt_at, respondent_department_id, category,
                          act_type, act_known_date, requests, facts_reasons, query_code_hash)
       VALUES ($1, $2, 2026, $4, 'suspended', $3, $3, 'counter', now(), $5, 'penalty', '行政处罚', '2026-01-05', '撤销', '事实', repeat('x', 64))`,
      [id, number, u.id, 9000 + seq, d.id],
    );
    await db.owner.query(
      `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, calendar_version, suspensions) VALUES ($1, $2, $3, $4, $5, 1, $6)`,
      [id, clock.rule, clock.start, clock.due, clock.status, JSON.stringify(clock.suspensions)],
    );
    return { id, userId: u.id as string };
  }

  it('moves what the old rule got wrong, records it, tells the handler; idempotent', async () => {
    // Old rule: 05-01 → 05-06, + 7 = 05-13. Law: 05-01 + 7 = 05-08.
    const a = await caseWithClock('测试〔2026〕1号', { rule: 'decision', start: '2026-03-02', due: '2026-05-13', status: 'running', suspensions: [{ from: '2026-03-10', to: '2026-03-17' }] });
    // Old rule: 12-12 → 12-14, + 4 = 12-18. Law: 12-12 + 4 = 12-16.
    const b = await caseWithClock('测试〔2026〕2号', { rule: 'decision', start: '2026-10-13', due: '2026-12-18', status: 'paused', suspensions: [{ from: '2026-12-01', to: '2026-12-05' }] });
    // Both rules agree (day 60 Mon 2026-11-02 is a working day; + 5 = Sat 11-07 → Mon 11-09): untouched.
    const c = await caseWithClock('测试〔2026〕3号', { rule: 'decision', start: '2026-09-03', due: '2026-11-09', status: 'running', suspensions: [{ from: '2026-09-10', to: '2026-09-15' }] });
    // Closed clocks are history: untouched.
    await caseWithClock('测试〔2026〕4号', { rule: 'decision', start: '2026-03-02', due: '2026-05-13', status: 'met', suspensions: [{ from: '2026-03-10', to: '2026-03-17' }] });
    await db.owner.query(`DELETE FROM clock_rule_changes`); // the migration already ran on the empty template

    const first = await db.owner.transaction((m) => applyClockRuleChange(m, SUSPENSION_RULE_CHANGE, caseClockMoveListeners(Notifier.standalone(db.ds, NOTIFY)), { now: () => new Date() }));
    expect(first).toMatchObject({ applied: true, clocksRecomputed: 2 });
    expect(first.examples).toEqual(expect.arrayContaining([
      { caseNumber: '测试〔2026〕1号', rule: 'decision', oldDue: '2026-05-13', newDue: '2026-05-08' },
      { caseNumber: '测试〔2026〕2号', rule: 'decision', oldDue: '2026-12-18', newDue: '2026-12-16' },
    ]));
    const due = async (id: string) => (await db.ds.query(`SELECT due_date, explanation FROM case_clocks WHERE case_id = $1`, [id]))[0];
    expect((await due(a.id)).due_date).toBe('2026-05-08');
    expect((await due(a.id)).explanation.join('\n')).toContain('期间最后一日由第60日2026-05-01后移7日至2026-05-08');
    expect((await due(b.id)).due_date).toBe('2026-12-16');
    expect((await due(c.id)).due_date).toBe('2026-11-09');
    const [event] = await db.ds.query(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'clock_recomputed'`, [a.id]);
    expect(event.data).toMatchObject({ oldDue: '2026-05-13', newDue: '2026-05-08', ruleChange: SUSPENSION_RULE_CHANGE.id });
    // Both cases are the same clerk's: one notice lists both moves (not one message per clock).
    const notes = await db.ds.query(`SELECT user_id, title, body, case_id FROM notifications WHERE user_id = $1 AND kind = 'clock_recomputed'`, [a.userId]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ user_id: a.userId, title: '期限计算规则更正，期限已重新计算', case_id: null });
    expect(notes[0].body).toContain('测试〔2026〕1号 行政复议决定期限：2026-05-13 → 2026-05-08');
    expect(notes[0].body).toContain('2026-12-18 → 2026-12-16');
    const [row] = await db.ds.query(`SELECT clocks_recomputed FROM clock_rule_changes WHERE id = $1`, [SUSPENSION_RULE_CHANGE.id]);
    expect(row.clocks_recomputed).toBe(2);

    const again = await db.owner.transaction((m) => applyClockRuleChange(m, SUSPENSION_RULE_CHANGE, caseClockMoveListeners(Notifier.standalone(db.ds, NOTIFY)), { now: () => new Date() }));
    expect(again).toMatchObject({ applied: false, clocksRecomputed: 2 });
    expect(await db.ds.query(`SELECT 1 FROM case_events WHERE type = 'clock_recomputed'`)).toHaveLength(2);
  });
});
