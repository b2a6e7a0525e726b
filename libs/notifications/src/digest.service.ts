import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isIsoDate, type IsoDate } from '@fuyi/kernel';
import { UnitOfWork } from '@fuyi/platform';
import { DIGEST_HORIZON_DAYS, DIGEST_KIND, digestBody, digestTitle } from './digest-text';
import { Notifier } from './notifier';
import * as Notifications from './stores/notifications.store';

/**
 * The 08:30 daily digest (Asia/Shanghai, working days only): one notification per active user with something to
 * report. Safe to run again, by several workers at once: one digest per user and day whatever happens.
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifier: Notifier,
  ) {}

  /** Whether the digest of `day` has been written (for at least one user): the worker's catch-up after 08:30 asks. */
  async writtenOn(day: IsoDate): Promise<boolean> {
    return Notifications.digestWritten(this.ds, DIGEST_KIND, digestTitle(day));
  }

  /**
   * @param calendarIsWorkingDay the caller's answer from the working-day calendar for `today`
   * @returns how many digests were created
   */
  async runDaily(today: IsoDate, calendarIsWorkingDay: boolean): Promise<number> {
    if (!isIsoDate(today)) throw new RangeError(`not a YYYY-MM-DD date: ${today}`);
    if (!calendarIsWorkingDay) return 0;
    const title = digestTitle(today);
    return this.uow.run(async (m) => {
      // Without a unique index on digests, NOT EXISTS alone would let two concurrent runs both insert: serialise them per day.
      await Notifications.lockDigestDay(m, today);
      const counts = await Notifications.digestCounts(m, today, DIGEST_KIND, title, DIGEST_HORIZON_DAYS);
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
