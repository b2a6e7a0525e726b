import type { TestDatabase } from './test-database';

/**
 * n cases registered by `userId` (so the 'handler' of each is that user), each with one running clock of a rule without
 * a legal effect (copy-to-respondent: reminders only) and one pending 'due' reminder milestone for its handler.
 * fireAt: SQL expression for fire_at (default: a minute ago = due now).
 */
export async function insertDueReminders(db: TestDatabase, n: number, userId: string, fireAt = `now() - interval '1 minute'`): Promise<void> {
  await db.owner.query(
    `INSERT INTO cases (id, case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type,
                        act_known_date, requests, facts_reasons, query_code_hash)
     SELECT gen_random_uuid(), '通复〔2026〕第' || lpad(g::text, 7, '0') || '号', 2026, g, 'accepted', $2::uuid, 'counter',
            now(), 1, 'penalty', '行政处罚决定', '2026-11-01', '请求', '理由', repeat('0', 64)
       FROM generate_series(1, $1::int) g`,
    [n, userId],
  );
  await db.owner.query(
    `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, calendar_version)
     SELECT id, 'copy-to-respondent', '2026-11-20', '2026-11-27', 'running', 1 FROM cases`,
  );
  await db.owner.query(
    `INSERT INTO clock_milestones (clock_id, case_id, clock_version, key, kind, recipient_role, fire_at)
     SELECT k.id, k.case_id, k.version, 'due', 'reminder', 'handler', ${fireAt} FROM case_clocks k`,
  );
}
