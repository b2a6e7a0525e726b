import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isIsoDate, type IsoDate } from '@fuyi/kernel';
import { DIGEST_HORIZON_DAYS, DIGEST_KIND, digestBody, digestTitle } from './digest-text';
import { Notifier } from './notifier';

/**
 * The 08:30 daily digest (Asia/Shanghai, working days only): one notification per active user with something to
 * report. Safe to run again, by several workers at once: one digest per user and day whatever happens.
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly ds: DataSource,
    private readonly notifier: Notifier,
  ) {}

  /**
   * @param calendarIsWorkingDay the caller's answer from the working-day calendar for `today`
   * @returns how many digests were created
   */
  async runDaily(today: IsoDate, calendarIsWorkingDay: boolean): Promise<number> {
    if (!isIsoDate(today)) throw new RangeError(`not a YYYY-MM-DD date: ${today}`);
    if (!calendarIsWorkingDay) return 0;
    const title = digestTitle(today);
    return this.ds.transaction(async (m) => {
      // Without a unique index on digests, NOT EXISTS alone would let two concurrent runs both insert: serialise them per day.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`fuyi.digest:${today}`]);
      const counts: Array<{ user_id: string; unread: number; due_soon: number; overdue: number }> = await m.query(
        `SELECT u.id AS user_id,
                (SELECT count(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL AND n.kind <> $2)::int AS unread,
                coalesce(k.due_soon, 0)::int AS due_soon, coalesce(k.overdue, 0)::int AS overdue
           FROM users u
           LEFT JOIN (SELECT coalesce(c.handler_id, c.registered_by) AS user_id,
                             count(*) FILTER (WHERE k.due_date >= $1::date) AS due_soon,
                             count(*) FILTER (WHERE k.due_date < $1::date) AS overdue
                        FROM case_clocks k JOIN cases c ON c.id = k.case_id
                       WHERE k.status = 'running' AND k.due_date <= $1::date + $4::int
                       GROUP BY 1) k ON k.user_id = u.id
          WHERE u.active
            AND NOT EXISTS (SELECT 1 FROM notifications d WHERE d.user_id = u.id AND d.kind = $2 AND d.title = $3)`,
        [today, DIGEST_KIND, title, DIGEST_HORIZON_DAYS],
      );
      const due = counts
        .map((r) => ({ userId: r.user_id, body: digestBody({ unread: r.unread, dueSoon: r.due_soon, overdue: r.overdue }) }))
        .filter((d): d is { userId: string; body: string } => d.body !== null);
      if (!due.length) return 0;
      // The advisory lock and the NOT EXISTS above make it one digest per user and day; sent on every channel.
      const ids = await this.notifier.notify(m, due.map((d) => ({ userId: d.userId, kind: DIGEST_KIND, title, body: d.body })));
      return ids.length;
    });
  }
}
