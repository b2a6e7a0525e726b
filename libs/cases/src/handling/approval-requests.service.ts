import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource, type SqlRunner } from '@fuyi/platform';
import { CaseErrors } from '../domain/case-errors';
import { sameApproverRefusal } from '../domain/case-ownership';
import { TERMINATION_GROUNDS } from '../domain/decision-types';
import { CAPPED_SUSPENSION_GROUNDS } from '../domain/suspension-grounds';
import type { ApprovalRequestKind } from '../entities';
import { caseScopeOf } from '../queries/case-scope';
import * as Requests from '../stores/approval-requests.store';
import { caseInScope } from '../stores/cases.store';
import { openSuspensionGround } from '../stores/case-events.store';
import { decisionExtended, latestSuspensionCap, runningDecisionDue } from '../stores/case-reads.store';
import { editCase } from './case-edit';
import { recordedDate, withinPeriod } from '../domain/recorded-date';
import { CASE_OPERATIONS, CaseOp } from '../domain/case-actions';
import { CaseNotifier } from './case-notifier';


export const APPROVAL_REQUEST_LABELS: Record<ApprovalRequestKind, string> = { extension: '延长审理期限申请', termination: '终止行政复议申请' };

export interface PendingRequest {
  id: string;
  kind: ApprovalRequestKind;
  payload: Record<string, any>;
  submittedBy: string;
}

export interface ApprovalRequestView {
  id: string;
  kind: ApprovalRequestKind;
  status: string;
  payload: Record<string, unknown>;
  submittedBy: string;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  returnReason: string | null;
}

/**
 * The handler's side of an extension (ARL 62) or a termination (ARL 41): submitted for the office head's approval,
 * the head told (issue #12 item 9), approved by someone other than the submitter (item 6) through
 * RespondentService.extend / DecisionService.terminate, or returned with a reason.
 */
@Injectable()
export class ApprovalRequestService {
  constructor(private readonly audit: AuditService, private readonly notifier: CaseNotifier, private readonly time: TimeSource) {}

  /** ARL 62: ordinary procedure only; "情况复杂" is the reason the head weighs. */
  async requestExtension(m: EntityManager, actor: Actor, caseId: string, v: { version: number; days: number; reason: string; requestedOn?: string }) {
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.RequestExtension].states, event: 'extension_requested', data: { days: v.days, reason: v.reason, requestedOn: v.requestedOn ?? null }, what: '申请延长审理期限' });
    if (c.procedure !== 'ordinary') throw new DomainError('CASE_EXTENSION_NOT_ALLOWED', '适用简易程序的案件不得延长审理期限（第六十二条）', 'conflict');
    if (await decisionExtended(m, caseId)) throw new DomainError('CLOCK_ALREADY_EXTENDED', '审理期限已延长过一次，不能再次延长（第六十二条）', 'conflict');
    // Issue 12 item 3: the request's own date (a paper request may be entered afterwards), within the running period.
    const requestedOn = recordedDate(shanghaiDate(this.time.now()), 'requestedOn', v.requestedOn, { date: c.accepted_on, label: '受理日期' });
    const clock = await runningDecisionDue(m, caseId);
    withinPeriod('CASE_EXTENSION_PERIOD_EXPIRED', requestedOn, clock?.due_date, (due) =>
      `审理期限已于${due}届满，不能再申请延长（《行政复议法》第六十二条：延长须在规定期限内批准）`);
    const requestId = await this.submit(m, actor, caseId, 'extension', { days: v.days, reason: v.reason, requestedOn });
    await this.notifier.toRole(m, Role.OfficeHead, caseId, {
      kind: 'approval_requested', title: '待审批：延长审理期限',
      body: `${c.case_number}：承办人申请将审理期限延长${v.days}日，请审批（《行政复议法》第六十二条）。`,
    }, actor.userId);
    return { caseId, version: c.version, requestId };
  }

  /** ARL 41: the ground is one of its five items; the reason is what the termination decision will print. */
  async requestTermination(m: EntityManager, actor: Actor, caseId: string, v: { version: number; ground: number; reason: string; requestedOn?: string }) {
    if (!TERMINATION_GROUNDS[v.ground]) throw CaseErrors.invalid('ground', '终止事由应为《行政复议法》第四十一条第一至五项之一');
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.RequestTermination].states, event: 'termination_requested', data: { ground: v.ground, reason: v.reason, requestedOn: v.requestedOn ?? null }, what: '申请终止行政复议' });
    // Issue 12 item 13: a paper request carries its date, not before acceptance nor in the future.
    const requestedOn = recordedDate(shanghaiDate(this.time.now()), 'requestedOn', v.requestedOn, { date: c.accepted_on, label: '受理日期' });
    if (v.ground === 5) await this.assertSuspensionCapReached(m, caseId, requestedOn);
    const requestId = await this.submit(m, actor, caseId, 'termination', { ground: v.ground, reason: v.reason, requestedOn });
    await this.notifier.toRole(m, Role.OfficeHead, caseId, {
      kind: 'approval_requested', title: '待审批：终止行政复议',
      body: `${c.case_number}：承办人申请终止行政复议（《行政复议法》第四十一条第${v.ground}项），请审批。`,
    }, actor.userId);
    return { caseId, version: c.version, requestId };
  }

  /**
   * ARL 41(1)(5): termination because a suspension on ARL 39(1)(1), (2) or (4) has lasted 60 days with its cause still
   * there. The case must be suspended on one of those grounds and its 60-day cap (the suspension-cap clock) past, both
   * when the handler asks and when the head approves (the case may have resumed in between).
   */
  async assertSuspensionCapReached(m: EntityManager, caseId: string, on: string): Promise<void> {
    const open = await openSuspensionGround(m, caseId);
    const cap = await latestSuspensionCap(m, caseId);
    if (!open || !CAPPED_SUSPENSION_GROUNDS.includes(open.ground) || !cap || cap.due_date >= on) {
      throw new DomainError(
        'CASE_TERMINATION_GROUND_NOT_MET',
        cap && open && CAPPED_SUSPENSION_GROUNDS.includes(open.ground)
          ? `因第三十九条第一款第一、二、四项中止尚未满六十日（${cap.due_date}届满），不能依第四十一条第一款第五项终止`
          : '依《行政复议法》第四十一条第一款第五项终止，须本案正因第三十九条第一款第一、二、四项中止且已满六十日',
        'conflict',
      );
    }
  }

  /** The office head sends a pending request back; the submitter is told why. */
  async returnRequest(m: EntityManager, actor: Actor, caseId: string, kind: ApprovalRequestKind, v: { version: number; reason: string }) {
    const pending = await this.pendingFor(m, actor, caseId, kind, false);
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[kind === 'extension' ? CaseOp.ReturnExtension : CaseOp.ReturnTermination].states, event: `${kind}_request_returned`, data: { requestId: pending.id, reason: v.reason }, what: `退回${APPROVAL_REQUEST_LABELS[kind]}` });
    await this.settle(m, actor, pending.id, 'returned', v.reason);
    await this.notifier.toUser(m, pending.submittedBy, caseId, {
      kind: 'approval_returned', title: `已退回：${APPROVAL_REQUEST_LABELS[kind]}`, body: `${c.case_number}：${APPROVAL_REQUEST_LABELS[kind]}已被退回，请查看退回理由。`,
    });
    return { caseId, version: c.version, requestId: pending.id };
  }

  /**
   * The pending request the office head is about to decide, locked; 409 when there is none, 403 when approving one's own
   * (four eyes; returning one's own is withdrawing it, which is fine).
   */
  async pendingFor(m: EntityManager, actor: Actor, caseId: string, kind: ApprovalRequestKind, approving = true): Promise<PendingRequest> {
    if (!(await caseInScope(m, caseId, caseScopeOf(actor)))) throw CaseErrors.notFound();
    const r = await Requests.lockPendingRequest(m, caseId, kind);
    if (!r) {
      throw new DomainError('CASE_REQUEST_NOT_PENDING', `本案没有待审批的${APPROVAL_REQUEST_LABELS[kind]}；须由承办人先提交申请`, 'conflict', { kind });
    }
    const same = approving && sameApproverRefusal(actor, r.submitted_by, APPROVAL_REQUEST_LABELS[kind]);
    if (same) throw same;
    return { id: r.id, kind: r.kind as ApprovalRequestKind, payload: r.payload, submittedBy: r.submitted_by };
  }

  /** `extra` (e.g. the approval date) is kept with the request's payload. */
  async settle(m: EntityManager, actor: Actor, requestId: string, status: 'approved' | 'returned', reason?: string, extra?: Record<string, unknown>): Promise<void> {
    await Requests.settleRequest(m, requestId, { status, decidedBy: actor.userId, reason: reason ?? null, extra: extra ?? {} });
  }

  /** The case was decided or closed: a request still pending has nothing left to decide. */
  async cancelPending(m: EntityManager, actor: Actor, caseId: string): Promise<void> {
    await Requests.cancelPendingRequests(m, caseId, actor.userId);
  }

  async list(m: SqlRunner, caseId: string): Promise<ApprovalRequestView[]> {
    const rows = await Requests.requestsOfCase(m, caseId);
    return rows.map((r) => ({
      id: r.id, kind: r.kind as ApprovalRequestKind, status: r.status, payload: r.payload, submittedBy: r.submitted_by, submittedAt: new Date(r.submitted_at).toISOString(),
      decidedBy: r.decided_by, decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null, returnReason: r.return_reason,
    }));
  }

  private async submit(m: EntityManager, actor: Actor, caseId: string, kind: ApprovalRequestKind, payload: Record<string, unknown>): Promise<string> {
    if (await Requests.hasPendingRequest(m, caseId, kind)) throw new DomainError('CASE_REQUEST_ALREADY_PENDING', `本案已有待审批的${APPROVAL_REQUEST_LABELS[kind]}，请等待审批结果`, 'conflict', { kind });
    return Requests.submitRequest(m, { case_id: caseId, kind, payload, submitted_by: actor.userId });
  }
}
