import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, JobName, OutboxService, TimeSource } from '@fuyi/platform';
import { CaseAction } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { ClockService } from '@fuyi/clocks';
import { assertInScope, caseScopeOf } from '../queries/case-scope';
import { applyTransition } from './case-transitions';
import { recordedDate, withinPeriod } from '../domain/recorded-date';
import type { ReviewDecision, TransitionResult } from './review.types';
import { caseExists } from '../stores/cases.store';
import { correctionRequested } from '../stores/case-events.store';
import { correctionLapsed, reviewDates } from '../stores/case-reads.store';

/** 受理审查 (ARL 30-31): accept, ask for correction (all items at once), or refuse. */
@Injectable()
export class AcceptanceService {
  constructor(private readonly audit: AuditService, private readonly outbox: OutboxService, private readonly clocks: ClockService, private readonly time: TimeSource) {}

  async decide(m: EntityManager, actor: Actor, caseId: string, d: ReviewDecision): Promise<TransitionResult> {
    const base = { caseId, expectedVersion: d.version, actor, scope: caseScopeOf(actor) };
    await assertInScope(m, actor, caseId); // before the date guards, which name the review's due dates
    const { on: today, reviewDue } = await this.decisionDate(m, caseId, d);
    let result: TransitionResult;
    switch (d.outcome) {
      case 'accept':
        if (d.procedure === 'simplified' && !d.simplifiedReason?.trim()) {
          throw CaseErrors.invalid('simplifiedReason', '适用简易程序须说明理由（《行政复议法》第五十三条）');
        }
        {
          // ARL 30(3): not refused within the review period = accepted as of its last day. An acceptance recorded later
          // confirms that legal acceptance; it does not move it, so the copy and decision clocks run from the due date.
          const deemedOn = reviewDue && today > reviewDue ? reviewDue : null;
          const acceptedOn = deemedOn ?? today;
          result = await applyTransition(m, this.audit, {
            ...base, action: CaseAction.Accept,
            set: {
              procedure: d.procedure, simplified_reason: d.procedure === 'simplified' ? d.simplifiedReason : null,
              accepted_on: acceptedOn, handler_id: actor.userId,
              review_outcome: { outcome: 'accept', note: d.note ?? null, ...(deemedOn ? { deemedAcceptedOn: deemedOn, decidedOn: today } : {}) },
            },
            event: { procedure: d.procedure, ...(deemedOn ? { deemedAcceptedOn: deemedOn, decidedOn: today } : {}) },
          });
          await this.clocks.close(m, caseId, 'acceptance-review', acceptedOn, 'met');
          await this.clocks.close(m, caseId, 'correction-notice', acceptedOn, 'cancelled');
          // ARL 48/54 (copy to respondent) and ARL 62 (decision) run from acceptance.
          const simplified = d.procedure === 'simplified';
          await this.clocks.startMany(m, caseId, [
            { rule: simplified ? 'simplified-copy' : 'copy-to-respondent', start: acceptedOn },
            { rule: simplified ? 'decision-simplified' : 'decision', start: acceptedOn },
          ]);
        }
        break;
      case 'request_correction':
        result = await applyTransition(m, this.audit, {
          ...base, action: CaseAction.RequestCorrection,
          set: { review_outcome: { outcome: 'request_correction', items: d.items, note: d.note ?? null } },
          event: { items: d.items.length },
        });
        await this.clocks.close(m, caseId, 'correction-notice', today, 'met');
        await this.clocks.close(m, caseId, 'acceptance-review', today, 'cancelled');
        // ARL 31: the applicant has 10 days from receiving the notice (the notice date until service is recorded).
        await this.clocks.start(m, caseId, 'applicant-correction', today);
        break;
      case 'refuse':
        result = await applyTransition(m, this.audit, {
          ...base, action: CaseAction.Refuse,
          set: { review_outcome: { outcome: 'refuse', reason: d.reason, competentBody: d.competentBody ?? null } },
          event: { competentBody: d.competentBody ?? null },
        });
        await this.clocks.close(m, caseId, 'acceptance-review', today, 'met');
        await this.clocks.close(m, caseId, 'correction-notice', today, 'cancelled');
        break;
    }
    await this.outbox.add(m, { name: JobName.CaseReviewed, data: { caseId, outcome: d.outcome } });
    return result;
  }

  /**
   * Issue 12 item 13: the review decision's real date, between the receipt (or the correction's arrival, which starts
   * a fresh review) and today. ARL 30(2): a refusal only within the review period; ARL 31: the correction notice
   * within five working days of receipt. An acceptance after the period is not forbidden (the application was deemed
   * accepted, ARL 30(3)), so only its lower bound applies; `decide` then dates the acceptance on the period's last day.
   */
  private async decisionDate(m: EntityManager, caseId: string, d: ReviewDecision): Promise<{ on: string; reviewDue: string | null }> {
    const c = await reviewDates(m, caseId);
    if (!c) return { on: recordedDate(shanghaiDate(this.time.now()), 'decidedOn', d.decidedOn), reviewDue: null }; // not found: the transition says so
    const from = c.review_start && c.review_start > c.received ? { date: c.review_start, label: '收到补正材料之日' } : { date: c.received, label: '收到申请之日' };
    const on = recordedDate(shanghaiDate(this.time.now()), 'decidedOn', d.decidedOn, from);
    if (d.outcome === 'refuse') {
      withinPeriod('CASE_REVIEW_PERIOD_EXPIRED', on, c.review_due, (due) =>
        `受理审查期限已于${due}届满，逾期未作出不予受理决定的视为受理（《行政复议法》第三十条），不能再决定不予受理`);
    }
    if (d.outcome === 'request_correction') {
      // ARL 31: the notice lists everything at once; after the correction arrived the review decides, it does not ask again.
      if (await correctionRequested(m, caseId)) throw new DomainError('CASE_CORRECTION_ALREADY_NOTIFIED', '补正通知应一次性载明需要补正的事项（《行政复议法》第三十一条），本案已通知过补正，不能再次要求补正', 'conflict');
      withinPeriod('CASE_CORRECTION_NOTICE_EXPIRED', on, c.notice_due, (due) =>
        `补正通知应自收到申请之日起五日内发出（《行政复议法》第三十一条），期限已于${due}届满`);
    }
    return { on, reviewDue: c.review_due ?? null };
  }

  /** ARL 31: the correction period lapsed without good reason; a clerk confirms the application is abandoned. */
  async confirmAbandoned(m: EntityManager, actor: Actor, caseId: string, version: number): Promise<TransitionResult> {
    if (!(await correctionLapsed(m, caseId))) {
      if (await caseExists(m, caseId)) throw new DomainError('CASE_CORRECTION_NOT_LAPSED', '补正期限尚未届满，不能确认视为放弃申请（《行政复议法》第三十一条）', 'conflict');
    }
    const result = await applyTransition(m, this.audit, {
      caseId, expectedVersion: version, actor, scope: caseScopeOf(actor), action: CaseAction.Abandon, event: {},
    });
    await this.clocks.close(m, caseId, 'applicant-correction', shanghaiDate(this.time.now()), 'cancelled');
    return result;
  }

  /** Correction materials received: the acceptance review starts again with a fresh 5 working days (policy). */
  async receiveCorrection(m: EntityManager, actor: Actor, caseId: string, version: number, receivedOn?: string): Promise<TransitionResult> {
    const on = receivedOn ?? shanghaiDate(this.time.now());
    if (on > shanghaiDate(this.time.now())) throw CaseErrors.invalid('receivedOn', '补正材料收到日期不能晚于今天');
    const result = await applyTransition(m, this.audit, {
      caseId, expectedVersion: version, actor, scope: caseScopeOf(actor), action: CaseAction.ReceiveCorrection, event: { receivedOn: on },
    });
    await this.clocks.close(m, caseId, 'applicant-correction', on, 'met');
    // Policy (ARL 31): a fresh 5-working-day acceptance review from the day the correction arrived.
    const acceptanceDue = (await this.clocks.start(m, caseId, 'acceptance-review', on)).due;
    return { ...result, acceptanceDue } as TransitionResult;
  }
}
