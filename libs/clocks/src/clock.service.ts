import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@fuyi/kernel';
import type { RuleId } from '@fuyi/deadlines';
import { execSql } from '@fuyi/platform';
import { CalendarService } from './calendar.service';
import { computeClock } from './clock-math';

export interface ClockView {
  id: string;
  rule: string;
  start: string;
  due: string;
  status: string;
  provisional: boolean;
  explanation: string[];
  calendarVersion: number;
  closedOn: string | null;
}

/** Starts and closes a case's clocks inside the caller's transaction (the event and its clock move together). */
@Injectable()
export class ClockService {
  constructor(private readonly ds: DataSource, private readonly calendars: CalendarService) {}

  async start(m: EntityManager, caseId: string, rule: RuleId, start: string): Promise<ClockView> {
    const calendar = await this.calendars.current(m);
    const r = computeClock(calendar, { rule, start_date: start, suspensions: [], extension_days: 0 });
    const [row] = await m.query(
      `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, provisional, explanation, calendar_version)
       VALUES ($1,$2,$3,$4,'running',$5,$6,$7) RETURNING *`,
      [caseId, rule, start, r.due, r.provisional, JSON.stringify(r.explanation), calendar.version],
    );
    return toView(row);
  }

  /** Meets (or, if late, misses) or cancels the open clock of a rule; no open clock is a no-op. */
  async close(m: EntityManager, caseId: string, rule: RuleId, on: string, outcome: 'met' | 'cancelled'): Promise<void> {
    await execSql(
      m,
      `UPDATE case_clocks SET status = CASE WHEN $4 = 'cancelled' THEN 'cancelled' WHEN $3::date > due_date THEN 'missed' ELSE 'met' END,
              closed_on = $3, version = version + 1, updated_at = now()
        WHERE case_id = $1 AND rule = $2 AND status IN ('running', 'paused')`,
      [caseId, rule, on, outcome],
    );
  }

  async forCase(caseId: string): Promise<ClockView[]> {
    const rows = await this.ds.query('SELECT * FROM case_clocks WHERE case_id = $1 ORDER BY start_date, rule', [caseId]);
    return rows.map(toView);
  }

  async dueOf(m: EntityManager, caseId: string, rule: RuleId): Promise<string> {
    const [row] = await m.query(`SELECT due_date FROM case_clocks WHERE case_id = $1 AND rule = $2 AND status IN ('running','paused')`, [caseId, rule]);
    if (!row) throw new DomainError('CLOCK_NOT_RUNNING', '该期限未在计算中', 'conflict');
    return row.due_date;
  }
}

function toView(r: any): ClockView {
  return {
    id: r.id, rule: r.rule, start: r.start_date, due: r.due_date, status: r.status, provisional: r.provisional,
    explanation: r.explanation, calendarVersion: r.calendar_version, closedOn: r.closed_on,
  };
}
