import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, Role } from '@fuyi/kernel';
import { AuditService, UnitOfWork, type DeadlineEffect } from '@fuyi/platform';
import { ClockService } from '@fuyi/clocks';
import { Notifier } from '@fuyi/notifications';
import { CaseAction } from '../domain/case-state';
import { applyTransition } from '../review/case-transitions';
import { CaseTimeline } from '../timeline/case-timeline';
import { caseUser, lockCaseOfClock, type CaseOfClock } from '../stores/cases.store';

type LapsedClock = CaseOfClock;

const NOTICES: Record<Exclude<DeadlineEffect, 'deemed-accepted'>, { state?: string; event: string; title: string; body: string }> = {
  'correction-lapsed': {
    state: 'correction_requested', event: 'correction_lapsed', title: '补正期限已届满',
    body: '申请人未在补正期限内补正，请核实有无正当理由并确认是否视为放弃行政复议申请（《行政复议法》第三十一条）。',
  },
  'suspension-cap-reached': {
    event: 'suspension_cap_reached', title: '中止已满60日',
    body: '因第三十九条第一款第一、二、四项中止满60日，请审查是否终止行政复议（《行政复议法》第四十一条）。',
  },
  'reply-missed': {
    event: 'respondent_reply_missed', title: '被申请人逾期未答复',
    body: '被申请人未在期限内提出书面答复、提交证据和依据，视为该行政行为没有证据、依据（《行政复议法》第七十条）。',
  },
};

/**
 * What the law makes happen when a clock lapses. Runs from a worker job (one per effect milestone); it checks the
 * case still is where the effect applies, so a repeated or late job is harmlessly 'skipped'.
 */
@Injectable()
export class DeadlineEffectsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clocks: ClockService,
    private readonly notifier: Notifier,
  ) {}

  async apply(clockId: string, effect: DeadlineEffect): Promise<'done' | 'skipped'> {
    return this.uow.run(async (m) => {
      const k = await lockCaseOfClock(m, clockId);
      if (!k || k.status !== 'running') return 'skipped';
      if (effect === 'deemed-accepted') return this.deemAccepted(m, k);
      const notice = NOTICES[effect];
      if (notice.state && k.state !== notice.state) return 'skipped';
      await this.clocks.close(m, k.case_id, k.rule as never, addDays(k.due_date, 1), 'met'); // after the due day: recorded as missed
      await CaseTimeline.append(m, { caseId: k.case_id, type: notice.event, data: { rule: k.rule, due: k.due_date } });
      await this.audit.record(m, { action: `case.${notice.event}`, subjectType: 'case', subjectId: k.case_id, actor: null, summary: { rule: k.rule, due: k.due_date } });
      await this.notifyCase(m, k, notice.title, `${k.case_number}：${notice.body}`, 'deadline_effect');
      return 'done';
    });
  }

  /** ARL 30: not refused within five working days = accepted. The decision and copy clocks run from that day. */
  private async deemAccepted(m: EntityManager, k: LapsedClock): Promise<'done' | 'skipped'> {
    if (k.state !== 'registered') return 'skipped';
    await applyTransition(m, this.audit, {
      caseId: k.case_id, action: CaseAction.DeemAccepted, expectedVersion: k.version, actor: null, scope: { kind: 'district' },
      set: { procedure: 'ordinary', accepted_on: k.due_date, review_outcome: { outcome: 'deemed_accepted', due: k.due_date } },
      event: { acceptanceDue: k.due_date },
    });
    // Issue 12 item 13: the review period ended with the effect the law gives it (accepted as of its last day), which is
    // not a missed deadline: the clock is closed on its due date.
    await this.clocks.close(m, k.case_id, 'acceptance-review', k.due_date, 'met');
    await this.clocks.close(m, k.case_id, 'correction-notice', k.due_date, 'cancelled');
    await this.clocks.startMany(m, k.case_id, [
      { rule: 'copy-to-respondent', start: k.due_date },
      { rule: 'decision', start: k.due_date },
    ]);
    await this.notifyCase(m, k, '案件已视为受理', `${k.case_number}：受理审查期限（${k.due_date}）届满未作出不予受理决定，依《行政复议法》第三十条视为受理，请及时办理。`, 'deemed_accepted', Role.OfficeHead);
    return 'done';
  }

  /** The case's handler (or its registering clerk) and, optionally, every active user of one more role. */
  private async notifyCase(m: EntityManager, k: LapsedClock, title: string, body: string, kind: string, alsoRole?: Role): Promise<void> {
    const c = await caseUser(m, k.case_id);
    const others = alsoRole ? await this.notifier.usersOf(m, [alsoRole]) : [];
    await this.notifier.toUsers(m, [...(c?.user_id ? [c.user_id] : []), ...others], { kind, title, body, caseId: k.case_id });
  }
}
