import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { Notifier } from '@fuyi/notifications';
import { CASE_STATE_LABELS, CaseHandlingService, CaseLocks, CaseTimeline, CONSENT_SUSPENSION_GROUND, DecisionService, type CaseState } from '@fuyi/cases';
import { isFilesSuspension, mayHandBackSuspendedCase, outcomeRefusalFor } from '../domain/case-link';
import { MediationErrors } from '../domain/mediation-errors';
import { MediationAction, MediationState, nextMediationState } from '../domain/mediation-state';
import { MEDIATION_OUTCOMES, WITHDRAWAL_OUTCOMES, type MediationOutcome } from '../domain/mediation-types';
import { capacitiesOf, checkVersion, filedCaseOf, loadVisibleFile, moveFile, type FileRow } from './file-access';
import { linkedCase } from '../stores/references.store';

export interface OutcomeInput {
  version: number;
  kind: MediationOutcome;
  summary: string;
  /** Agreement: signed by every party (ARL 73 for a 调解书). */
  signedByAll?: boolean;
  /** Failure with a suspended case: the resumption day; only the day the outcome is recorded (today), the default. */
  resumeOn?: string;
}

/** ARL 41(1): the applicant withdraws and the office approves the withdrawal. */
const APPROVED_WITHDRAWAL_GROUND = 1;

/**
 * Outcomes (issue #5 item 5) and their links back to the reconsideration track, each in the same transaction as the
 * mediation event, through the cases library's services.
 */
@Injectable()
export class OutcomeService {
  constructor(
    private readonly audit: AuditService,
    private readonly handling: CaseHandlingService,
    private readonly decisions: DecisionService,
    private readonly notifier: Notifier,
    private readonly time: TimeSource,
  ) {}

  async record(m: EntityManager, actor: Actor, fileId: string, v: OutcomeInput) {
    if (!MEDIATION_OUTCOMES[v.kind]) throw MediationErrors.invalid('kind', '调解结果不正确');
    const loaded = await loadVisibleFile(m, actor, fileId, true);
    checkVersion(loaded, v.version); // a stale request is a conflict (409) before its own input rules (400)
    // The applicant may have filed after a pre-filing referral: the file then takes the case path (linked in this move).
    const filed = await filedCaseOf(m, loaded);
    const file = filed ? { ...loaded, case_id: filed } : loaded;
    const link = filed ? { case_id: filed } : {};
    const today = shanghaiDate(this.time.now());
    if (v.kind === 'failure' || v.kind === 'backed_out') return this.fail(m, actor, file, v, today, link);
    if (v.kind === 'agreement' && v.signedByAll !== true) throw MediationErrors.invalid('signedByAll', '调解协议须经各方当事人签字');
    const caseState = await this.caseStateOf(m, file);
    const withdrawal = WITHDRAWAL_OUTCOMES.includes(v.kind);
    const detail = { kind: v.kind, summary: v.summary, recordedBy: actor.userId, recordedOn: today };
    if (caseState === 'accepted' || caseState === 'suspended') {
      // The case closes only when the office head seals the 调解书 (ARL 73) or approves the withdrawal (ARL 41(1)).
      const action = withdrawal ? MediationAction.RequestWithdrawal : MediationAction.SignDocument;
      const moved = await moveFile(m, this.audit, actor, file, { fileId: file.id, version: v.version, action, set: { outcome: v.kind, outcome_detail: detail, ...link }, summary: { outcome: v.kind, linkedCaseId: filed } });
      return { ...moved, outcome: v.kind, caseId: file.case_id };
    }
    if (caseState) throw MediationErrors.caseState(outcomeRefusalFor(caseState, CASE_STATE_LABELS[caseState as CaseState] ?? caseState), caseState);
    // No case (before filing, court referral): an agreement takes effect on signature; a withdrawal needs no approval.
    const action = withdrawal ? MediationAction.CloseWithoutCase : MediationAction.Settle;
    const moved = await moveFile(m, this.audit, actor, file, { fileId: file.id, version: v.version, action, set: { outcome: v.kind, outcome_on: today, outcome_detail: detail }, summary: { outcome: v.kind, caseFiled: false } });
    return { ...moved, outcome: v.kind };
  }

  /** The office head seals the 调解书 (ARL 73: the case is closed as mediated) or approves the withdrawal (ARL 41(1)). */
  async seal(m: EntityManager, actor: Actor, fileId: string, version: number) {
    const file = await loadVisibleFile(m, actor, fileId, true);
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version, action: MediationAction.Seal, set: { outcome_on: shanghaiDate(this.time.now()) }, summary: { outcome: file.outcome } });
    const c = await linkedCase(m, file.case_id!);
    const summary = String(file.outcome_detail?.summary ?? '');
    const caseResult = file.state === MediationState.Agreed
      ? await this.decisions.concludeMediation(m, actor, file.case_id!, { version: c.version, signedByAll: true, summary })
      : await this.decisions.terminateAsSubmitted(m, actor, file.case_id!, {
        version: c.version, ground: APPROVED_WITHDRAWAL_GROUND, reason: `经调解，${MEDIATION_OUTCOMES[file.outcome as MediationOutcome]}：${summary}`,
        submittedBy: (file.outcome_detail?.recordedBy as string | undefined) ?? null, // four eyes: whoever recorded the withdrawal
      });
    return { ...moved, caseState: caseResult.state, caseVersion: caseResult.version };
  }

  /**
   * 回访: whether the agreement was performed, with the check date: only for a file closed by agreement (a withdrawal
   * leaves nothing to perform), on a day between the outcome and today.
   */
  async followUp(m: EntityManager, actor: Actor, fileId: string, v: { version: number; checkOn: string; performed: boolean; result: string }) {
    const file = await loadVisibleFile(m, actor, fileId, true);
    checkVersion(file, v.version);
    nextMediationState(file.state, MediationAction.FollowUp, await capacitiesOf(m, actor, fileId));
    if (file.outcome !== 'agreement') {
      throw new DomainError('MEDIATION_NO_AGREEMENT', '回访针对调解协议的履行情况；本案以撤回或放弃结案，没有需要履行的协议', 'conflict', { state: file.state, outcome: file.outcome });
    }
    const today = shanghaiDate(this.time.now());
    if (v.checkOn > today) throw MediationErrors.invalid('checkOn', '回访日期不能晚于今天');
    if (file.outcome_on && v.checkOn < file.outcome_on) throw MediationErrors.invalid('checkOn', `回访日期不能早于调解结案日期（${file.outcome_on}）`);
    const followUp = { checkOn: v.checkOn, performed: v.performed, result: v.result, by: actor.userId };
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version: v.version, action: MediationAction.FollowUp, set: { follow_up: followUp }, summary: { checkOn: v.checkOn, performed: v.performed } });
    return { ...moved, followUp };
  }

  /**
   * Failure, or a party backing out before the agreement takes effect: the case goes back to the reconsideration track
   * with the mediation file attached: the file's own consented suspension (ground 6, from the day the file recorded) is
   * resumed as of today by the mediator on the file or the office head (the decision clock moves by the suspended
   * days); any other suspension, or a failure recorded by a coordinator not on the file, is left to the handler, who
   * is told; a case that ran in parallel simply continues its review.
   */
  private async fail(m: EntityManager, actor: Actor, file: FileRow, v: OutcomeInput, today: string, link: Record<string, unknown>) {
    if (v.resumeOn !== undefined && v.resumeOn !== today) throw MediationErrors.invalid('resumeOn', '恢复审理日期为记录调解结果的当日，不能提前或推后');
    const capacities = await capacitiesOf(m, actor, file.id);
    const detail = { kind: v.kind, summary: v.summary, recordedBy: actor.userId, recordedOn: today };
    const moved = await moveFile(m, this.audit, actor, file, { fileId: file.id, version: v.version, action: MediationAction.Fail, set: { outcome: v.kind, outcome_on: today, outcome_detail: detail, ...link }, summary: { outcome: v.kind, caseId: file.case_id } });
    if (!file.case_id) return { ...moved, outcome: v.kind };
    const c = (await CaseLocks.forUpdate(m, file.case_id))!; // the file's case: its row cannot be deleted
    await CaseTimeline.append(m, { caseId: file.case_id, type: 'mediation_ended', actorId: actor.userId, data: { fileId: file.id, outcome: v.kind } });
    if (c.state !== 'suspended') return { ...moved, outcome: v.kind, caseId: file.case_id, caseState: c.state, caseVersion: c.version };
    const open = await this.handling.openSuspension(m, file.case_id);
    if (isFilesSuspension(open, file.case_suspended_from, CONSENT_SUSPENSION_GROUND) && mayHandBackSuspendedCase(capacities)) {
      const resumed = await this.handling.resume(m, actor, file.case_id, c.version);
      return { ...moved, outcome: v.kind, caseId: file.case_id, caseState: resumed.state, caseVersion: resumed.version, decisionDue: (resumed as { decisionDue?: string }).decisionDue ?? null, caseResumed: true };
    }
    if (c.handlerId) {
      await this.notifier.toUsers(m, [c.handlerId], {
        kind: 'mediation_ended', title: '调解已终结', body: '该案关联的调解已终结（未达成协议），案件仍处于中止状态，请依法决定是否恢复审理。', caseId: file.case_id,
      });
    }
    return { ...moved, outcome: v.kind, caseId: file.case_id, caseState: c.state, caseVersion: c.version, caseResumed: false };
  }

  private async caseStateOf(m: EntityManager, file: FileRow): Promise<string | null> {
    if (!file.case_id) return null;
    return (await linkedCase(m, file.case_id)).state;
  }
}
