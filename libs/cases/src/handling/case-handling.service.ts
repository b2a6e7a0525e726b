import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, conditionalUpdate, TimeSource } from '@fuyi/platform';
import { ClockService } from '@fuyi/clocks';
import { CaseAction, type CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { CAPPED_SUSPENSION_GROUNDS, CONSENT_SUSPENSION_GROUND, SUSPENSION_GROUNDS } from '../domain/suspension-grounds';
import { caseScopeOf } from '../queries/case-scope';
import { applyTransition } from '../review/case-transitions';
import { CaseNotifier } from './case-notifier';
import { CASE_OPERATIONS, CaseOp } from '../domain/case-actions';
import type { TransitionResult } from '../review/review.types';
import { CaseTimeline } from '../timeline/case-timeline';
import { caseProcedure } from '../stores/cases.store';
import { openSuspension } from '../stores/case-events.store';
import { handlerWorkloads, userForAssignment } from '../stores/case-reads.store';

export interface SuspensionInput {
  version: number;
  ground: number;
  from?: string;
  reason?: string;
  consent?: { applicant: boolean; respondent: boolean };
}

const HANDLER_ROLES = ['reconsideration_clerk', 'section_chief'];

/** Handling an accepted case: assignment to a handler, suspension and resumption (ARL 39) with their clocks. */
@Injectable()
export class CaseHandlingService {
  constructor(private readonly audit: AuditService, private readonly clocks: ClockService, private readonly notifier: CaseNotifier, private readonly time: TimeSource) {}

  /** 分案: the section chief or office head names the handler; reassignment keeps clocks and history. */
  async assign(m: EntityManager, actor: Actor, caseId: string, version: number, handlerId: string): Promise<TransitionResult> {
    const handler = await userForAssignment(m, handlerId);
    if (!handler || !handler.active || !HANDLER_ROLES.includes(handler.role)) {
      throw CaseErrors.invalid('handlerId', '承办人须为在岗的复议承办人或科长');
    }
    const row = await conditionalUpdate<{ case_number: string; state: CaseState; version: number }>(
      m,
      { table: 'cases', id: caseId, expectedVersion: version, inStates: CASE_OPERATIONS[CaseOp.Assign].states, set: { handler_id: handlerId }, returning: 'case_number, state, version' },
      {
        notFound: () => CaseErrors.notFound(),
        versionConflict: (expected, current) => CaseErrors.versionConflict(expected, current),
        wrongState: (state) => new DomainError('CASE_ILLEGAL_TRANSITION', '只有已受理或中止中的案件可以分配承办人', 'conflict', { state }),
      },
    );
    await CaseTimeline.append(m, { caseId, type: 'assigned', actorId: actor.userId, data: { handlerId } });
    await this.audit.record(m, { actor, action: 'case.assign', subjectType: 'case', subjectId: caseId, summary: { handlerId, version: row.version } });
    // Issue #12 item 9: the handler hears of the assignment (not when assigning themselves).
    if (handlerId !== actor.userId) {
      await this.notifier.toUser(m, handlerId, caseId, {
        kind: 'case_assigned', title: '新分配的案件', body: `${row.case_number}已分配由您承办，请及时办理。`,
      });
    }
    return { caseId, caseNumber: row.case_number, state: row.state, version: row.version };
  }

  /**
   * Proposes handlers by workload: each open case counts 1, plus up to 1 more the nearer its next due date
   * (a case due today weighs 2, one due in 20 days or more ~1). Optionally restricted to one section.
   */
  async proposeHandlers(m: EntityManager, section?: string): Promise<Array<{ userId: string; displayName: string; section: string | null; openCases: number; load: number }>> {
    const rows = await handlerWorkloads(m, HANDLER_ROLES, section ?? null);
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, section: r.section, openCases: r.open_cases, load: Number(r.load.toFixed(2)) }));
  }

  /** 中止 (ARL 39): pauses the decision clock; grounds (1)(2)(4) also start the 60-day cap of ARL 41. */
  async suspend(m: EntityManager, actor: Actor, caseId: string, input: SuspensionInput): Promise<TransitionResult & { warning?: { code: string; message: string } }> {
    if (!SUSPENSION_GROUNDS[input.ground]) throw CaseErrors.invalid('ground', '中止事由应为《行政复议法》第三十九条第一款第一至十项之一');
    if (input.ground === CONSENT_SUSPENSION_GROUND && !(input.consent?.applicant && input.consent?.respondent)) {
      throw CaseErrors.invalid('consent', '因调解、和解中止须经申请人和被申请人同意（第三十九条第一款第六项）');
    }
    const today = shanghaiDate(this.time.now());
    const from = input.from ?? today;
    if (from > today) throw CaseErrors.invalid('from', '中止日期不能晚于今天');
    // ARL 39 "行政复议期间" is while the case is pending, not within the decision period: its grounds (e.g. 39(1)(1), the
    // applicant died) apply to an overdue case too. The suspension is recorded (and the ARL 41 cap starts) but gives the
    // period nothing back: the engine leaves the due date as it was and says so; the caller is warned.
    const rule = await this.decisionRule(m, caseId);
    const clock = await this.clocks.dueOn(m, caseId, rule, from);
    const late = clock && from > clock.due ? clock.due : null;
    const result = await applyTransition(m, this.audit, {
      caseId, expectedVersion: input.version, actor, scope: caseScopeOf(actor), action: CaseAction.Suspend,
      event: { ground: input.ground, from, reason: input.reason ?? null, consent: input.consent ?? null, ...(late ? { afterPeriodEnded: late } : {}) },
    });
    await this.clocks.pause(m, caseId, rule, from);
    if (CAPPED_SUSPENSION_GROUNDS.includes(input.ground)) await this.clocks.start(m, caseId, 'suspension-cap', from);
    if (late) {
      return {
        ...result, decisionDue: late,
        warning: { code: 'CASE_SUSPENDED_AFTER_PERIOD', message: `审理期限已于${late}届满，中止已记录，但不延长已届满的审理期限（本案已逾期）` },
      };
    }
    return result;
  }

  /** 恢复审理: the decision clock runs again; the suspended days are not counted (domain.md §4). */
  async resume(m: EntityManager, actor: Actor, caseId: string, version: number, on?: string): Promise<TransitionResult> {
    const today = shanghaiDate(this.time.now());
    const day = on ?? today;
    if (day > today) throw CaseErrors.invalid('on', '恢复日期不能晚于今天');
    if (actor.role === Role.Mediator) await this.checkMediatorResume(m, caseId, on, today);
    // A mediator sees no cases (case-scope.ts); the mediation centre resumes only the case linked to the mediator's file.
    const scope = actor.role === Role.Mediator ? ({ kind: 'district' } as const) : caseScopeOf(actor);
    const result = await applyTransition(m, this.audit, {
      caseId, expectedVersion: version, actor, scope, action: CaseAction.Resume, event: { on: day },
    });
    const clock = await this.clocks.resume(m, caseId, await this.decisionRule(m, caseId), day);
    await this.clocks.close(m, caseId, 'suspension-cap', day, 'cancelled');
    return { ...result, decisionDue: clock.due };
  }

  /** The open suspension of a suspended case (ground and first day, from its timeline); null otherwise. */
  async openSuspension(m: EntityManager, caseId: string): Promise<{ ground: number; from: string } | null> {
    return (await openSuspension(m, caseId)) ?? null;
  }

  /**
   * ARL 39(1)(6): a mediator (mediation centre) may resume only a suspension for mediation (ground 6), and only as of
   * the day they hand it back; any other suspension (e.g. ground 1 with its ARL 41 cap) is the handler's to resume.
   */
  private async checkMediatorResume(m: EntityManager, caseId: string, on: string | undefined, today: string): Promise<void> {
    if (on !== undefined && on !== today) throw CaseErrors.invalid('on', '调解员恢复审理的日期只能是当日');
    const open = await this.openSuspension(m, caseId);
    if (open && open.ground !== CONSENT_SUSPENSION_GROUND) {
      throw new DomainError('CASE_RESUME_NOT_MEDIATION', '该案件不是因调解中止，应由复议机构人员恢复审理', 'forbidden');
    }
  }

  private async decisionRule(m: EntityManager, caseId: string): Promise<'decision' | 'decision-simplified'> {
    const c = await caseProcedure(m, caseId);
    return c?.procedure === 'simplified' ? 'decision-simplified' : 'decision';
  }
}
