import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, JobName, OutboxService } from '@fuyi/platform';
import { CaseAction } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { ClockService } from '@fuyi/clocks';
import { caseScopeOf } from '../queries/case-scope';
import { applyTransition } from './case-transitions';
import type { ReviewDecision, TransitionResult } from './review.types';

/** 受理审查 (ARL 30-31): accept, ask for correction (all items at once), or refuse. */
@Injectable()
export class AcceptanceService {
  constructor(private readonly audit: AuditService, private readonly outbox: OutboxService, private readonly clocks: ClockService) {}

  async decide(m: EntityManager, actor: Actor, caseId: string, d: ReviewDecision): Promise<TransitionResult> {
    const base = { caseId, expectedVersion: d.version, actor, scope: caseScopeOf(actor) };
    const today = shanghaiDate(new Date());
    let result: TransitionResult;
    switch (d.outcome) {
      case 'accept':
        if (d.procedure === 'simplified' && !d.simplifiedReason?.trim()) {
          throw CaseErrors.invalid('simplifiedReason', '适用简易程序须说明理由（《行政复议法》第五十三条）');
        }
        result = await applyTransition(m, this.audit, {
          ...base, action: CaseAction.Accept,
          set: {
            procedure: d.procedure, simplified_reason: d.procedure === 'simplified' ? d.simplifiedReason : null,
            accepted_on: today, handler_id: actor.userId, review_outcome: { outcome: 'accept', note: d.note ?? null },
          },
          event: { procedure: d.procedure },
        });
        await this.clocks.close(m, caseId, 'acceptance-review', today, 'met');
        await this.clocks.close(m, caseId, 'correction-notice', today, 'cancelled');
        // ARL 48/54 (copy to respondent) and ARL 62 (decision) run from acceptance.
        const simplified = d.procedure === 'simplified';
        await this.clocks.startMany(m, caseId, [
          { rule: simplified ? 'simplified-copy' : 'copy-to-respondent', start: today },
          { rule: simplified ? 'decision-simplified' : 'decision', start: today },
        ]);
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

  /** ARL 31: the correction period lapsed without good reason; a clerk confirms the application is abandoned. */
  async confirmAbandoned(m: EntityManager, actor: Actor, caseId: string, version: number): Promise<TransitionResult> {
    const [lapsed] = await m.query(`SELECT 1 FROM case_clocks WHERE case_id = $1 AND rule = 'applicant-correction' AND status = 'missed'`, [caseId]);
    if (!lapsed) {
      const [exists] = await m.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
      if (exists) throw new DomainError('CASE_CORRECTION_NOT_LAPSED', '补正期限尚未届满，不能确认视为放弃申请（《行政复议法》第三十一条）', 'conflict');
    }
    const result = await applyTransition(m, this.audit, {
      caseId, expectedVersion: version, actor, scope: caseScopeOf(actor), action: CaseAction.Abandon, event: {},
    });
    await this.clocks.close(m, caseId, 'applicant-correction', shanghaiDate(new Date()), 'cancelled');
    return result;
  }

  /** Correction materials received: the acceptance review starts again with a fresh 5 working days (policy). */
  async receiveCorrection(m: EntityManager, actor: Actor, caseId: string, version: number, receivedOn?: string): Promise<TransitionResult> {
    const on = receivedOn ?? shanghaiDate(new Date());
    if (on > shanghaiDate(new Date())) throw CaseErrors.invalid('receivedOn', '补正材料收到日期不能晚于今天');
    const result = await applyTransition(m, this.audit, {
      caseId, expectedVersion: version, actor, scope: caseScopeOf(actor), action: CaseAction.ReceiveCorrection, event: { receivedOn: on },
    });
    await this.clocks.close(m, caseId, 'applicant-correction', on, 'met');
    // Policy (ARL 31): a fresh 5-working-day acceptance review from the day the correction arrived.
    const acceptanceDue = (await this.clocks.start(m, caseId, 'acceptance-review', on)).due;
    return { ...result, acceptanceDue } as TransitionResult;
  }
}
