import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService } from '@fuyi/platform';
import { ClockService } from '@fuyi/clocks';
import { CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { ApprovalRequestService } from './approval-requests.service';
import { editCase } from './case-edit';

const HEARING = [CaseState.Accepted, CaseState.Suspended] as const;

/** The respondent's side (ARL 48, 54, 70) and the procedure itself (ARL 55 conversion, ARL 62 extension). */
@Injectable()
export class RespondentService {
  constructor(private readonly audit: AuditService, private readonly clocks: ClockService, private readonly requests: ApprovalRequestService) {}

  /** Copy of the application sent: the copy clock is met, the reply clock runs from the respondent's receipt. */
  async copySent(m: EntityManager, actor: Actor, caseId: string, v: { version: number; sentOn: string; method: string; receivedOn: string }) {
    notFuture('sentOn', v.sentOn);
    notFuture('receivedOn', v.receivedOn);
    if (v.receivedOn < v.sentOn) throw CaseErrors.invalid('receivedOn', '被申请人收到日期不能早于发送日期');
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: HEARING, event: 'copy_sent', data: v, what: '记录发送副本' });
    const simplified = c.procedure === 'simplified';
    await this.clocks.close(m, caseId, simplified ? 'simplified-copy' : 'copy-to-respondent', v.sentOn, 'met');
    const reply = await this.clocks.start(m, caseId, simplified ? 'simplified-reply' : 'respondent-reply', v.receivedOn);
    return { caseId, version: c.version, replyDue: reply.due };
  }

  /** Reply and evidence received (ARL 48): the reply clock is met (or recorded as missed if late, ARL 70). */
  async replyReceived(m: EntityManager, actor: Actor, caseId: string, v: { version: number; receivedOn: string; documents: string[] }) {
    notFuture('receivedOn', v.receivedOn);
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: HEARING, event: 'reply_received', data: v, what: '记录答复' });
    await this.clocks.close(m, caseId, c.procedure === 'simplified' ? 'simplified-reply' : 'respondent-reply', v.receivedOn, 'met');
    return { caseId, version: c.version };
  }

  /**
   * ARL 62: one extension of at most 30 days, ordinary procedure only, approved by the office head: the approval of the
   * handler's pending request (ApprovalRequestService.requestExtension), never by its submitter. Days and reason are
   * the request's; the approver may restate them, not change them (a different extension is returned and resubmitted).
   */
  async extend(m: EntityManager, actor: Actor, caseId: string, v: { version: number; days?: number; reason?: string }) {
    const request = await this.requests.pendingFor(m, actor, caseId, 'extension');
    const days = Number(request.payload.days);
    const reason = String(request.payload.reason);
    if ((v.days !== undefined && v.days !== days) || (v.reason !== undefined && v.reason !== reason)) {
      throw new DomainError('CASE_REQUEST_MISMATCH', `批准内容与承办人的申请（延长${days}日）不一致；如需改变，请退回申请后由承办人重新提交`, 'conflict', { requested: { days } });
    }
    const c = await editCase(m, this.audit, {
      caseId, expectedVersion: v.version, actor, allowed: HEARING, event: 'decision_extended', data: { days, reason, requestId: request.id, submittedBy: request.submittedBy }, what: '延长审理期限',
    });
    if (c.procedure !== 'ordinary') throw new DomainError('CASE_EXTENSION_NOT_ALLOWED', '适用简易程序的案件不得延长审理期限（第六十二条）', 'conflict');
    const clock = await this.clocks.extend(m, caseId, 'decision', days);
    await this.requests.settle(m, actor, request.id, 'approved');
    return { caseId, version: c.version, decisionDue: clock.due };
  }

  /** ARL 55: simplified → ordinary, by the office head; the ordinary periods run from acceptance. */
  async convertToOrdinary(m: EntityManager, actor: Actor, caseId: string, v: { version: number; reason: string }) {
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: [CaseState.Accepted], event: 'procedure_converted', data: v, what: '转为普通程序' });
    if (c.procedure !== 'simplified') throw new DomainError('CASE_NOT_SIMPLIFIED', '该案件未适用简易程序', 'conflict');
    await m.query(`UPDATE cases SET procedure = 'ordinary' WHERE id = $1`, [caseId]);
    const today = shanghaiDate(new Date());
    const open = await m.query(`SELECT rule, start_date FROM case_clocks WHERE case_id = $1 AND status IN ('running', 'paused')`, [caseId]);
    const startOf = (rule: string) => open.find((k: any) => k.rule === rule)?.start_date as string | undefined;
    const next: Array<{ rule: 'decision' | 'copy-to-respondent' | 'respondent-reply'; start: string }> = [{ rule: 'decision', start: c.accepted_on ?? today }];
    if (startOf('simplified-copy')) next.push({ rule: 'copy-to-respondent', start: startOf('simplified-copy')! });
    if (startOf('simplified-reply')) next.push({ rule: 'respondent-reply', start: startOf('simplified-reply')! });
    for (const rule of ['decision-simplified', 'simplified-copy', 'simplified-reply'] as const) await this.clocks.close(m, caseId, rule, today, 'cancelled');
    const started = await this.clocks.startMany(m, caseId, next);
    return { caseId, version: c.version, decisionDue: started[0].due };
  }
}

function notFuture(field: string, date: string): void {
  if (date > shanghaiDate(new Date())) throw CaseErrors.invalid(field, '日期不能晚于今天');
}
