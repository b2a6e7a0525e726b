import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { DocumentService } from '@fuyi/documents';
import { NOTICE_ACTION_LABELS, NOTICE_MACHINE, NOTICE_STATE_LABELS, NoticeAction, NoticeState } from '../domain/risk-notice-state';
import { LiaisonDueDates, noticeResponseDue } from './due-dates';
import { LiaisonErrors } from './liaison-errors';
import { LiaisonNotifier } from './liaison-notifier';
import { checkNoticeReferences, checkNoticeText, writeNoticeParts, type NoticeDraft } from './notice-writer';
import { ClusterErrors } from '../../clusters/cluster-errors';
import { moveRow } from './row-move';
import * as RiskNotices from '../stores/risk-notices.store';
import * as GroupDisputes from '../../clusters/stores/group-disputes.store';
import { assertNotFuture, todayOf } from './today';

export interface NoticeResult {
  id: string;
  state: NoticeState;
  version: number;
}

/** Risk notices (风险提示函): drafted by a liaison officer, approved by the office head, sent, answered, closed. */
@Injectable()
export class RiskNoticeService {
  constructor(
    private readonly audit: AuditService,
    private readonly documents: DocumentService,
    private readonly dues: LiaisonDueDates,
    private readonly time: TimeSource,
    private readonly notifier: LiaisonNotifier,
  ) {}

  /**
   * A draft; `clusterId` when drafted from a group-dispute cluster's suggestion: only an open cluster is a lead to act
   * on (a dismissed or merged one answers CLUSTER_NOT_OPEN, 409). Its row is share-locked so a dismissal waits for
   * the draft (and the draft for the dismissal): the two cannot cross.
   */
  async create(m: EntityManager, actor: Actor, d: NoticeDraft & { clusterId?: string }): Promise<NoticeResult> {
    checkNoticeText(d);
    await checkNoticeReferences(m, d);
    if (d.clusterId) {
      const state = await GroupDisputes.shareLockState(m, d.clusterId);
      if (!state) throw LiaisonErrors.unknownCluster();
      if (state !== 'open') throw ClusterErrors.notOpenForNotice(state);
    }
    const row = await RiskNotices.insertDraft(m, {
      title: d.title, summary: d.summary, reasons: d.reasons, suggestions: d.suggestions,
      responseDays: d.responseDays ?? this.dues.defaultResponseDays, createdBy: actor.userId, clusterId: d.clusterId ?? null,
    });
    await writeNoticeParts(m, row.id, d);
    await this.record(m, actor, row.id, 'create', { departments: d.departmentIds.length, ...(d.clusterId ? { clusterId: d.clusterId } : {}) });
    return { ...row, state: row.state as NoticeState };
  }

  async update(m: EntityManager, actor: Actor, id: string, version: number, d: NoticeDraft): Promise<NoticeResult> {
    checkNoticeText(d);
    await checkNoticeReferences(m, d);
    const row = await this.move(m, id, version, NoticeAction.Edit, {
      title: d.title, summary: d.summary, reasons: JSON.stringify(d.reasons), suggestions: JSON.stringify(d.suggestions),
      response_days: d.responseDays ?? this.dues.defaultResponseDays,
    });
    await writeNoticeParts(m, id, d);
    await this.record(m, actor, id, 'update', { version: row.version });
    return { id, state: row.state, version: row.version };
  }

  /** The office head hears of it in the inbox, in the same transaction. */
  async submit(m: EntityManager, actor: Actor, id: string, version: number): Promise<NoticeResult> {
    const row = await this.move(m, id, version, NoticeAction.Submit, { rejection_note: null });
    await this.record(m, actor, id, NoticeAction.Submit, { version: row.version });
    await this.notifier.notify(m, [{
      kind: 'liaison_approval', title: `待审批：风险提示函《${row.title}》`.slice(0, 200), caseId: null, roles: [Role.OfficeHead],
      body: `府院联络员已提交风险提示函《${row.title}》，请审批（批准或退回修改）。`,
    }]);
    return { id, state: row.state, version: row.version };
  }

  approve(m: EntityManager, actor: Actor, id: string, version: number) {
    return this.step(m, actor, id, version, NoticeAction.Approve, { approved_by: actor.userId });
  }

  /** Back to draft from 'submitted', or from 'approved' when the approved text still cannot be sent. */
  reject(m: EntityManager, actor: Actor, id: string, version: number, note: string) {
    return this.step(m, actor, id, version, NoticeAction.Reject, { rejection_note: note, approved_by: null });
  }

  /**
   * Sends to every department; the .docx notice is issued in the same transaction. Each department's due date counts
   * from the day it receives the notice: until its 签收 is recorded, the sending day is assumed (delivered by hand
   * the same day); acknowledge() restarts it from the 签收 date.
   */
  async send(m: EntityManager, actor: Actor, id: string, version: number): Promise<NoticeResult & { dueOn: string; dueProvisional: boolean; documentId: string; documentNumber: string }> {
    const today = todayOf(this.time);
    const row = await this.move(m, id, version, NoticeAction.Send, { sent_on: today });
    const due = noticeResponseDue(await this.dues.calendar(m), today, row.response_days);
    const recipients = await RiskNotices.sendToRecipients(m, id, today, due);
    const doc = await this.documents.issueFor(m, actor, { kind: 'risk-notice', id }, 'risk-notice', {
      recipients, summary: row.summary, reasons: row.reasons, suggestions: row.suggestions, dueOn: due.due,
    });
    await this.record(m, actor, id, 'send', { version: row.version, dueOn: due.due, documentId: doc.id });
    return { id, state: row.state, version: row.version, dueOn: due.due, dueProvisional: due.provisional, documentId: doc.id, documentNumber: doc.number };
  }

  /** 签收 by one department; the notice becomes 'acknowledged' when the last one has. */
  acknowledge(m: EntityManager, actor: Actor, id: string, v: { version: number; departmentId: number; on?: string }) {
    return this.recipientStep(m, actor, id, v, NoticeAction.Acknowledge, (on) => RiskNotices.acknowledgeRecipient(m, id, v.departmentId, on), '签收');
  }

  /** One department's written response (also its acknowledgement when none was recorded). */
  respond(m: EntityManager, actor: Actor, id: string, v: { version: number; departmentId: number; on?: string; response: string }) {
    return this.recipientStep(m, actor, id, v, NoticeAction.Respond, (on) => RiskNotices.recordRecipientResponse(m, id, v.departmentId, on, v.response), '回复');
  }

  close(m: EntityManager, actor: Actor, id: string, version: number, note: string | undefined) {
    return this.step(m, actor, id, version, NoticeAction.Close, { closed_on: todayOf(this.time), closing_note: note ?? null });
  }

  private async recipientStep(
    m: EntityManager, actor: Actor, id: string, v: { version: number; departmentId: number; on?: string }, action: NoticeAction,
    write: (on: string) => Promise<number>, what: string,
  ): Promise<NoticeResult> {
    const on = v.on ?? todayOf(this.time);
    assertNotFuture(this.time, 'on', on);
    // Lock the notice and check its version and state before touching a recipient: nothing half-written.
    const cur = await RiskNotices.lockStateAndVersion(m, id);
    if (!cur) throw LiaisonErrors.notFound('notice');
    if (cur.version !== v.version) throw LiaisonErrors.versionConflict('notice', v.version, cur.version);
    if (!NOTICE_MACHINE.allows(cur.state as NoticeState, action)) throw this.illegal(cur.state as NoticeState, action);
    const r = await RiskNotices.recipientSentOn(m, id, v.departmentId);
    if (!r) throw LiaisonErrors.recipientNotFound();
    if (on < r.sent_on!) throw LiaisonErrors.invalid('on', '日期不能早于发函日期');
    const affected = await write(on);
    if (!affected) throw LiaisonErrors.recipientAlready(what);
    if (action === NoticeAction.Acknowledge) await this.restartDue(m, id, v.departmentId, on);
    // bool_and over the notice's recipients: a sent notice has at least one (a draft names its departments), so not null.
    const p = (await RiskNotices.recipientProgress(m, id)) as { allAcknowledged: boolean; allResponded: boolean };
    const next = NOTICE_MACHINE.decide(cur.state as NoticeState, action, { ctx: p });
    // Locked and checked above: the conditional update cannot be refused, but it is the one way a version moves.
    const row = await moveRow<NoticeResult>(m, {
      subject: 'notice', id, expectedVersion: v.version, from: [cur.state], set: { state: next }, what: NOTICE_ACTION_LABELS[action], labels: NOTICE_STATE_LABELS,
    });
    await this.record(m, actor, id, action, { departmentId: v.departmentId, on, version: row.version });
    return { id, state: row.state, version: row.version };
  }

  /** The rule's day zero is 有关部门收到之日: the 签收 date replaces the assumed one (unless already answered). */
  private async restartDue(m: EntityManager, id: string, departmentId: number, receivedOn: string): Promise<void> {
    const due = noticeResponseDue(await this.dues.calendar(m), receivedOn, await RiskNotices.responseDays(m, id));
    await RiskNotices.restartRecipientDue(m, id, departmentId, receivedOn, due);
  }

  private async step(m: EntityManager, actor: Actor, id: string, version: number, action: NoticeAction, set: Record<string, unknown>): Promise<NoticeResult> {
    const row = await this.move(m, id, version, action, set);
    await this.record(m, actor, id, action, { version: row.version });
    return { id, state: row.state, version: row.version };
  }

  private move(m: EntityManager, id: string, version: number, action: NoticeAction, set: Record<string, unknown>) {
    const from = NOTICE_MACHINE.sources(action);
    const to = NOTICE_MACHINE.decide(from[0], action, { ctx: { allAcknowledged: true, allResponded: true } });
    return moveRow<any>(m, {
      subject: 'notice', id, expectedVersion: version, from, set: { ...set, state: to }, what: NOTICE_ACTION_LABELS[action], labels: NOTICE_STATE_LABELS,
    });
  }

  private illegal(state: NoticeState, action: NoticeAction) {
    return LiaisonErrors.illegalTransition('notice', state, NOTICE_STATE_LABELS[state], NOTICE_ACTION_LABELS[action]);
  }

  private record(m: EntityManager, actor: Actor, id: string, action: string, summary: Record<string, unknown>) {
    return this.audit.record(m, { action: `liaison.notice.${action}`, subjectType: 'risk-notice', subjectId: id, actor, summary });
  }
}
