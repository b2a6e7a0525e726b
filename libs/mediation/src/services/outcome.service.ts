import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService } from '@fuyi/platform';
import { CaseHandlingService, DecisionService } from '@fuyi/cases';
import { MediationErrors } from '../domain/mediation-errors';
import { MediationAction, MediationState } from '../domain/mediation-state';
import { MEDIATION_OUTCOMES, WITHDRAWAL_OUTCOMES, type MediationOutcome } from '../domain/mediation-types';
import { loadVisibleFile, moveFile, type FileRow } from './file-access';

export interface OutcomeInput {
  version: number;
  kind: MediationOutcome;
  summary: string;
  /** Agreement: signed by every party (ARL 73 for a 调解书). */
  signedByAll?: boolean;
  /** Failure with a suspended case: the resumption day (default today). */
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
  constructor(private readonly audit: AuditService, private readonly handling: CaseHandlingService, private readonly decisions: DecisionService) {}

  async record(m: EntityManager, actor: Actor, fileId: string, v: OutcomeInput) {
    if (!MEDIATION_OUTCOMES[v.kind]) throw MediationErrors.invalid('kind', '调解结果不正确');
    const file = await loadVisibleFile(m, actor, fileId, true);
    const today = shanghaiDate(new Date());
    if (v.kind === 'failure' || v.kind === 'backed_out') return this.fail(m, actor, file, v, today);
    if (v.kind === 'agreement' && v.signedByAll !== true) throw MediationErrors.invalid('signedByAll', '调解协议须经各方当事人签字');
    const caseState = await this.caseStateOf(m, file);
    const withdrawal = WITHDRAWAL_OUTCOMES.includes(v.kind);
    const detail = { kind: v.kind, summary: v.summary, recordedBy: actor.userId, recordedOn: today };
    if (caseState === 'registered') {
      throw MediationErrors.caseState('申请尚在受理审查期内，受理（或视为受理）后方可按案中调解结案', caseState);
    }
    if (caseState === 'accepted' || caseState === 'suspended') {
      // The case closes only when the office head seals the 调解书 (ARL 73) or approves the withdrawal (ARL 41(1)).
      const action = withdrawal ? MediationAction.RequestWithdrawal : MediationAction.SignDocument;
      return moveFile(m, this.audit, actor, file, { fileId: file.id, version: v.version, action, set: { outcome: v.kind, outcome_detail: detail }, summary: { outcome: v.kind } });
    }
    if (caseState) throw MediationErrors.caseState('关联的复议案件已结案，不能再记录调解结果', caseState);
    // No case (before filing, court referral): an agreement takes effect on signature; a withdrawal needs no approval.
    const action = withdrawal ? MediationAction.CloseWithoutCase : MediationAction.Settle;
    const moved = await moveFile(m, this.audit, actor, file, { fileId: file.id, version: v.version, action, set: { outcome: v.kind, outcome_on: today, outcome_detail: detail }, summary: { outcome: v.kind, caseFiled: false } });
    return { ...moved, outcome: v.kind };
  }

  /** The office head seals the 调解书 (ARL 73: the case is closed as mediated) or approves the withdrawal (ARL 41(1)). */
  async seal(m: EntityManager, actor: Actor, fileId: string, version: number) {
    const file = await loadVisibleFile(m, actor, fileId, true);
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version, action: MediationAction.Seal, set: { outcome_on: shanghaiDate(new Date()) }, summary: { outcome: file.outcome } });
    const [c] = await m.query('SELECT version FROM cases WHERE id = $1', [file.case_id]);
    const summary = String(file.outcome_detail?.summary ?? '');
    const caseResult = file.state === MediationState.Agreed
      ? await this.decisions.concludeMediation(m, actor, file.case_id!, { version: c.version, signedByAll: true, summary })
      : await this.decisions.terminate(m, actor, file.case_id!, { version: c.version, ground: APPROVED_WITHDRAWAL_GROUND, reason: `经调解，${MEDIATION_OUTCOMES[file.outcome as MediationOutcome]}：${summary}` });
    return { ...moved, caseState: caseResult.state, caseVersion: caseResult.version };
  }

  /** 回访: whether the agreement was performed, with the check date. */
  async followUp(m: EntityManager, actor: Actor, fileId: string, v: { version: number; checkOn: string; performed: boolean; result: string }) {
    const file = await loadVisibleFile(m, actor, fileId, true);
    const followUp = { checkOn: v.checkOn, performed: v.performed, result: v.result, by: actor.userId };
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version: v.version, action: MediationAction.FollowUp, set: { follow_up: followUp }, summary: { checkOn: v.checkOn, performed: v.performed } });
    return { ...moved, followUp };
  }

  /**
   * Failure, or a party backing out before the agreement takes effect: the case goes back to the reconsideration track
   * with the mediation file attached: a consented suspension is resumed (the decision clock moves by the suspended
   * days), a case that ran in parallel simply continues its review.
   */
  private async fail(m: EntityManager, actor: Actor, file: FileRow, v: OutcomeInput, today: string) {
    const detail = { kind: v.kind, summary: v.summary, recordedBy: actor.userId, recordedOn: today };
    const moved = await moveFile(m, this.audit, actor, file, { fileId: file.id, version: v.version, action: MediationAction.Fail, set: { outcome: v.kind, outcome_on: today, outcome_detail: detail }, summary: { outcome: v.kind, caseId: file.case_id } });
    let handBack: Record<string, unknown> | null = null;
    if (file.case_id) {
      const [c] = await m.query('SELECT state, version FROM cases WHERE id = $1', [file.case_id]);
      await m.query(`INSERT INTO case_events (case_id, type, actor_id, data) VALUES ($1, 'mediation_ended', $2, $3)`, [file.case_id, actor.userId, { fileId: file.id, outcome: v.kind }]);
      if (c.state === 'suspended' && file.case_suspended_from) {
        const resumed = await this.handling.resume(m, actor, file.case_id, c.version, v.resumeOn);
        handBack = { caseState: resumed.state, caseVersion: resumed.version, decisionDue: (resumed as { decisionDue?: string }).decisionDue ?? null };
      } else {
        handBack = { caseState: c.state, caseVersion: c.version };
      }
    }
    return { ...moved, outcome: v.kind, ...(handBack ?? {}) };
  }

  private async caseStateOf(m: EntityManager, file: FileRow): Promise<string | null> {
    if (!file.case_id) return null;
    const [c] = await m.query('SELECT state FROM cases WHERE id = $1', [file.case_id]);
    return c.state;
  }
}
