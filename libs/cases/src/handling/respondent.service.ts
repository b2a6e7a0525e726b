import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { ClockService } from '@fuyi/clocks';
import { CaseErrors } from '../domain/case-errors';
import { ApprovalRequestService } from './approval-requests.service';
import { editCase } from './case-edit';
import { CASE_OPERATIONS, CaseOp } from '../domain/case-actions';
import { recordedDate, withinPeriod } from '../domain/recorded-date';
import { setOrdinaryProcedure } from '../stores/cases.store';
import { openClockStarts } from '../stores/case-reads.store';


/** The respondent's side (ARL 48, 54, 70) and the procedure itself (ARL 55 conversion, ARL 62 extension). */
@Injectable()
export class RespondentService {
  constructor(private readonly audit: AuditService, private readonly clocks: ClockService, private readonly requests: ApprovalRequestService, private readonly time: TimeSource) {}

  /** Copy of the application sent: the copy clock is met, the reply clock runs from the respondent's receipt. */
  async copySent(m: EntityManager, actor: Actor, caseId: string, v: { version: number; sentOn: string; method: string; receivedOn: string }) {
    notFuture(shanghaiDate(this.time.now()), 'sentOn', v.sentOn);
    notFuture(shanghaiDate(this.time.now()), 'receivedOn', v.receivedOn);
    if (v.receivedOn < v.sentOn) throw CaseErrors.invalid('receivedOn', '被申请人收到日期不能早于发送日期');
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.CopySent].states, event: 'copy_sent', data: v, what: '记录发送副本' });
    const simplified = c.procedure === 'simplified';
    await this.clocks.close(m, caseId, simplified ? 'simplified-copy' : 'copy-to-respondent', v.sentOn, 'met');
    const reply = await this.clocks.start(m, caseId, simplified ? 'simplified-reply' : 'respondent-reply', v.receivedOn);
    return { caseId, version: c.version, replyDue: reply.due };
  }

  /** Reply and evidence received (ARL 48): the reply clock is met (or recorded as missed if late, ARL 70). */
  async replyReceived(m: EntityManager, actor: Actor, caseId: string, v: { version: number; receivedOn: string; documents: string[] }) {
    notFuture(shanghaiDate(this.time.now()), 'receivedOn', v.receivedOn);
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.ReplyReceived].states, event: 'reply_received', data: v, what: '记录答复' });
    await this.clocks.close(m, caseId, c.procedure === 'simplified' ? 'simplified-reply' : 'respondent-reply', v.receivedOn, 'met');
    return { caseId, version: c.version };
  }

  /**
   * ARL 62: one extension of at most 30 days, ordinary procedure only, approved by the office head: the approval of the
   * handler's pending request (ApprovalRequestService.requestExtension), never by its submitter. Days and reason are
   * the request's; the approver may restate them, not change them (a different extension is returned and resubmitted).
   */
  async extend(m: EntityManager, actor: Actor, caseId: string, v: { version: number; days?: number; reason?: string; approvedOn?: string }) {
    const request = await this.requests.pendingFor(m, actor, caseId, 'extension');
    const days = Number(request.payload.days);
    const reason = String(request.payload.reason);
    if ((v.days !== undefined && v.days !== days) || (v.reason !== undefined && v.reason !== reason)) {
      throw new DomainError('CASE_REQUEST_MISMATCH', `批准内容与承办人的申请（延长${days}日）不一致；如需改变，请退回申请后由承办人重新提交`, 'conflict', { requested: { days } });
    }
    // Issue 12 items 3 and 13: the approval carries its real date (a paper approval may be back-dated), never before
    // the request and never after the period ran out (ARL 62: only a period still running can be extended).
    const requestedOn = (request.payload.requestedOn as string | undefined) ?? undefined;
    const approvedOn = recordedDate(shanghaiDate(this.time.now()), 'approvedOn', v.approvedOn, { date: requestedOn, label: '延长申请日期' });
    const clock = await this.clocks.dueOn(m, caseId, 'decision', approvedOn);
    withinPeriod('CASE_EXTENSION_PERIOD_EXPIRED', approvedOn, clock?.due, (due) =>
      `审理期限已于${due}届满，不能再批准延长（《行政复议法》第六十二条：延长须在规定期限内批准）`);
    const c = await editCase(m, this.audit, {
      caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.Extend].states, event: 'decision_extended',
      data: { days, reason, requestId: request.id, submittedBy: request.submittedBy, requestedOn: requestedOn ?? null, approvedOn }, what: '延长审理期限',
    });
    if (c.procedure !== 'ordinary') throw new DomainError('CASE_EXTENSION_NOT_ALLOWED', '适用简易程序的案件不得延长审理期限（第六十二条）', 'conflict');
    const extended = await this.clocks.extend(m, caseId, 'decision', days);
    await this.requests.settle(m, actor, request.id, 'approved', undefined, { approvedOn });
    return { caseId, version: c.version, decisionDue: extended.due, approvedOn };
  }

  /**
   * ARL 55: simplified → ordinary, approved by the office head on `approvedOn` (default today). The ordinary periods
   * run from acceptance and the decision clock keeps the suspensions recorded on the simplified one (issue 12 item 2).
   * Refused once the simplified period (ARL 62(2), 30 days) has run out: there is no running simplified case left to
   * convert, and converting would revive a period the law has closed.
   */
  async convertToOrdinary(m: EntityManager, actor: Actor, caseId: string, v: { version: number; reason: string; approvedOn?: string }) {
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.ConvertToOrdinary].states, event: 'procedure_converted', data: v, what: '转为普通程序' });
    if (c.procedure !== 'simplified') throw new DomainError('CASE_NOT_SIMPLIFIED', '该案件未适用简易程序', 'conflict');
    const on = recordedDate(shanghaiDate(this.time.now()), 'approvedOn', v.approvedOn, { date: c.accepted_on, label: '受理日期' });
    const simplified = await this.clocks.dueOn(m, caseId, 'decision-simplified', on);
    withinPeriod('CASE_SIMPLIFIED_PERIOD_EXPIRED', on, simplified?.due, (due) =>
      `简易程序审理期限已于${due}届满，不能再转为普通程序（《行政复议法》第五十五条、第六十二条第二款）`);
    await setOrdinaryProcedure(m, caseId);
    const open = await openClockStarts(m, caseId);
    const startOf = (rule: string) => open.find((k) => k.rule === rule)?.start_date;
    const next: Array<{ rule: 'decision' | 'copy-to-respondent' | 'respondent-reply'; start: string; suspensions?: Array<{ from: string; to?: string }> }> = [
      { rule: 'decision', start: c.accepted_on ?? on, suspensions: simplified?.suspensions ?? [] },
    ];
    if (startOf('simplified-copy')) next.push({ rule: 'copy-to-respondent', start: startOf('simplified-copy')! });
    if (startOf('simplified-reply')) next.push({ rule: 'respondent-reply', start: startOf('simplified-reply')! });
    for (const rule of ['decision-simplified', 'simplified-copy', 'simplified-reply'] as const) await this.clocks.close(m, caseId, rule, on, 'cancelled');
    const started = await this.clocks.startMany(m, caseId, next);
    return { caseId, version: c.version, decisionDue: started[0].due };
  }
}

function notFuture(today: string, field: string, date: string): void {
  if (date > today) throw CaseErrors.invalid(field, '日期不能晚于今天');
}
