import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource, execSql } from '@fuyi/platform';
import { DocumentService } from '@fuyi/documents';
import { NOTICE_ACTION_LABELS, NOTICE_MACHINE, NOTICE_STATE_LABELS, NoticeAction, NoticeState } from '../domain/risk-notice-state';
import { LiaisonDueDates, noticeResponseDue } from './due-dates';
import { LiaisonErrors } from './liaison-errors';
import { LiaisonNotifier } from './liaison-notifier';
import { checkNoticeReferences, checkNoticeText, writeNoticeParts, type NoticeDraft } from './notice-writer';
import { ClusterErrors } from '../../clusters/cluster-errors';
import { moveRow } from './row-move';
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
      const [g] = await m.query('SELECT state FROM group_disputes WHERE id = $1 FOR SHARE', [d.clusterId]);
      if (!g) throw LiaisonErrors.unknownCluster();
      if (g.state !== 'open') throw ClusterErrors.notOpenForNotice(g.state);
    }
    const [row] = await m.query(
      `INSERT INTO liaison_risk_notices (title, summary, reasons, suggestions, response_days, state, created_by, cluster_id)
       VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7) RETURNING id, state, version`,
      [d.title, d.summary, JSON.stringify(d.reasons), JSON.stringify(d.suggestions), d.responseDays ?? this.dues.defaultResponseDays, actor.userId, d.clusterId ?? null],
    );
    await writeNoticeParts(m, row.id, d);
    await this.record(m, actor, row.id, 'create', { departments: d.departmentIds.length, ...(d.clusterId ? { clusterId: d.clusterId } : {}) });
    return row;
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
    const { rows: recipients } = await execSql<{ name: string }>(
      m,
      `UPDATE liaison_notice_recipients r SET sent_on = $2, due_from = $2, due_on = $3, due_provisional = $4, due_explanation = $5 FROM departments d
        WHERE r.notice_id = $1 AND d.id = r.department_id RETURNING d.name`,
      [id, today, due.due, due.provisional, JSON.stringify(due.explanation)],
    );
    const doc = await this.documents.issueFor(m, actor, { kind: 'risk-notice', id }, 'risk-notice', {
      recipients: recipients.map((r) => r.name), summary: row.summary, reasons: row.reasons, suggestions: row.suggestions, dueOn: due.due,
    });
    await this.record(m, actor, id, 'send', { version: row.version, dueOn: due.due, documentId: doc.id });
    return { id, state: row.state, version: row.version, dueOn: due.due, dueProvisional: due.provisional, documentId: doc.id, documentNumber: doc.number };
  }

  /** 签收 by one department; the notice becomes 'acknowledged' when the last one has. */
  acknowledge(m: EntityManager, actor: Actor, id: string, v: { version: number; departmentId: number; on?: string }) {
    return this.recipientStep(m, actor, id, v, NoticeAction.Acknowledge, 'acknowledged_on IS NULL', 'acknowledged_on = $3', [], '签收');
  }

  /** One department's written response (also its acknowledgement when none was recorded). */
  respond(m: EntityManager, actor: Actor, id: string, v: { version: number; departmentId: number; on?: string; response: string }) {
    return this.recipientStep(m, actor, id, v, NoticeAction.Respond, 'response_on IS NULL',
      'response_on = $3, response = $4, acknowledged_on = coalesce(acknowledged_on, $3)', [v.response], '回复');
  }

  close(m: EntityManager, actor: Actor, id: string, version: number, note: string | undefined) {
    return this.step(m, actor, id, version, NoticeAction.Close, { closed_on: todayOf(this.time), closing_note: note ?? null });
  }

  private async recipientStep(
    m: EntityManager, actor: Actor, id: string, v: { version: number; departmentId: number; on?: string }, action: NoticeAction,
    pending: string, assignment: string, extra: unknown[], what: string,
  ): Promise<NoticeResult> {
    const on = v.on ?? todayOf(this.time);
    assertNotFuture(this.time, 'on', on);
    // Lock the notice and check its version and state before touching a recipient: nothing half-written.
    const [cur] = await m.query('SELECT state, version FROM liaison_risk_notices WHERE id = $1 FOR UPDATE', [id]);
    if (!cur) throw LiaisonErrors.notFound('notice');
    if (cur.version !== v.version) throw LiaisonErrors.versionConflict('notice', v.version, cur.version);
    if (!NOTICE_MACHINE.allows(cur.state, action)) throw this.illegal(cur.state, action);
    const [r] = await m.query('SELECT sent_on FROM liaison_notice_recipients WHERE notice_id = $1 AND department_id = $2', [id, v.departmentId]);
    if (!r) throw LiaisonErrors.recipientNotFound();
    if (on < r.sent_on) throw LiaisonErrors.invalid('on', '日期不能早于发函日期');
    const { affected } = await execSql(
      m,
      `UPDATE liaison_notice_recipients SET ${assignment} WHERE notice_id = $1 AND department_id = $2 AND ${pending} RETURNING id`,
      [id, v.departmentId, on, ...extra],
    );
    if (!affected) throw LiaisonErrors.recipientAlready(what);
    if (action === NoticeAction.Acknowledge) await this.restartDue(m, id, v.departmentId, on);
    const [p] = await m.query(
      `SELECT bool_and(acknowledged_on IS NOT NULL) AS "allAcknowledged", bool_and(response_on IS NOT NULL) AS "allResponded"
         FROM liaison_notice_recipients WHERE notice_id = $1`,
      [id],
    );
    const next = NOTICE_MACHINE.decide(cur.state, action, { ctx: p });
    // Locked and checked above: the conditional update cannot be refused, but it is the one way a version moves.
    const row = await moveRow<NoticeResult>(m, {
      subject: 'notice', id, expectedVersion: v.version, from: [cur.state], set: { state: next }, what: NOTICE_ACTION_LABELS[action], labels: NOTICE_STATE_LABELS,
    });
    await this.record(m, actor, id, action, { departmentId: v.departmentId, on, version: row.version });
    return { id, state: row.state, version: row.version };
  }

  /** The rule's day zero is 有关部门收到之日: the 签收 date replaces the assumed one (unless already answered). */
  private async restartDue(m: EntityManager, id: string, departmentId: number, receivedOn: string): Promise<void> {
    const [n] = await m.query('SELECT response_days FROM liaison_risk_notices WHERE id = $1', [id]);
    const due = noticeResponseDue(await this.dues.calendar(m), receivedOn, n.response_days);
    await m.query(
      `UPDATE liaison_notice_recipients SET due_from = $3, due_on = $4, due_provisional = $5, due_explanation = $6
        WHERE notice_id = $1 AND department_id = $2 AND response_on IS NULL`,
      [id, departmentId, receivedOn, due.due, due.provisional, JSON.stringify(due.explanation)],
    );
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
