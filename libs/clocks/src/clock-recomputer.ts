import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { RULES, type RuleId } from '@fuyi/deadlines';
import { computeClock, type ClockFacts } from './clock-math';
import { MilestoneWriter } from './milestone-writer';

const BATCH = 5000;

interface OpenClock extends ClockFacts {
  id: string;
  case_id: string;
  due_date: string;
  provisional: boolean;
}

/**
 * After a calendar change, recomputes the open clocks whose span touches the changed days.
 * Changed clocks get the new due date, explanation and calendar version; the case timeline records
 * old and new dates, and the case's handler gets a notification. Bulk statements, one batch at a time.
 */
@Injectable()
export class ClockRecomputer {
  constructor(private readonly milestones: MilestoneWriter) {}

  async recompute(m: EntityManager, calendar: WorkingCalendar, range: { from: string; to: string }): Promise<number> {
    let changed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: OpenClock[] = await m.query(
        `SELECT id, case_id, rule, start_date, due_date, provisional, suspensions, extension_days FROM case_clocks
          WHERE status IN ('running', 'paused') AND id > $3
            AND LEAST(start_date, due_date) <= $2 AND (GREATEST(start_date, due_date) >= $1 OR status = 'paused')
          ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
        [range.from, range.to, after],
      );
      if (!rows.length) return changed;
      after = rows[rows.length - 1].id;
      const moved = rows
        .map((c) => ({ c, r: computeClock(calendar, c, false) }))
        .filter(({ c, r }) => r.due !== c.due_date || r.provisional !== c.provisional)
        .map(({ c }) => ({ c, r: computeClock(calendar, c, true) })); // explanations only for what changed
      if (moved.length) {
        await this.persist(m, calendar.version, moved);
        await this.milestones.replace(m, calendar, moved.map(({ c }) => c.id));
      }
      changed += moved.length;
    }
  }

  private async persist(m: EntityManager, version: number, moved: Array<{ c: OpenClock; r: ReturnType<typeof computeClock> }>): Promise<void> {
    const ids = moved.map(({ c }) => c.id);
    await m.query(
      `UPDATE case_clocks k SET due_date = u.due, provisional = u.prov, explanation = u.expl, calendar_version = $5, version = k.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::date[], $3::boolean[], $4::jsonb[]) AS u(id, due, prov, expl) WHERE k.id = u.id`,
      [ids, moved.map(({ r }) => r.due), moved.map(({ r }) => r.provisional), moved.map(({ r }) => JSON.stringify(r.explanation)), version],
    );
    const events = moved.map(({ c, r }) => JSON.stringify({ clockId: c.id, rule: c.rule, oldDue: c.due_date, newDue: r.due, calendarVersion: version }));
    await m.query(
      `INSERT INTO case_events (case_id, type, data) SELECT cid, 'clock_recomputed', d FROM unnest($1::uuid[], $2::jsonb[]) AS t(cid, d)`,
      [moved.map(({ c }) => c.case_id), events],
    );
    await m.query(
      `INSERT INTO notifications (user_id, kind, title, body, case_id)
       SELECT coalesce(c.handler_id, c.registered_by), 'clock_recomputed', '工作日历调整，期限已重新计算',
              c.case_number || ' ' || t.label || '：' || t.old_due || ' → ' || t.new_due, c.id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(cid, label, old_due, new_due) JOIN cases c ON c.id = t.cid`,
      [moved.map(({ c }) => c.case_id), moved.map(({ c }) => RULES[c.rule as RuleId]?.label ?? c.rule), moved.map(({ c }) => c.due_date), moved.map(({ r }) => r.due)],
    );
  }
}
