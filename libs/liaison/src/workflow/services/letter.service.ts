import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { DocumentService } from '@fuyi/documents';
import { LETTER_ACTION_LABELS, LETTER_KIND_LABELS, LETTER_MACHINE, LETTER_STATE_LABELS, LetterAction, LetterState, type LetterKind } from '../domain/letter-state';
import { addCaseEvent } from './case-timeline';
import { LiaisonDueDates, opinionFeedbackDue } from './due-dates';
import { LiaisonErrors } from './liaison-errors';
import { LiaisonNotifier } from './liaison-notifier';
import { CopyReportService } from './copy-report.service';
import { moveRow } from './row-move';
import { assertNotFuture, todayOf } from './today';
import * as Letters from '../stores/letters.store';

export interface LetterDraft {
  kind: LetterKind;
  /** From a case (its respondent is the default recipient) or on its own. */
  caseId?: string | null;
  recipientDepartmentId?: number;
  problems: string[];
  recommendations: string[];
}

export interface LetterResult {
  id: string;
  state: LetterState;
  version: number;
  feedbackDue?: string | null;
  feedbackDueProvisional?: boolean;
}

const DOCUMENT_OF: Record<LetterKind, 'opinion-letter' | 'suggestion-letter'> = { opinion: 'opinion-letter', suggestion: 'suggestion-letter' };

/** Opinion letters (ARL 76) and suggestion letters: drafted by a liaison officer, issued by the office head. */
@Injectable()
export class LetterService {
  constructor(
    private readonly audit: AuditService, private readonly documents: DocumentService, private readonly dues: LiaisonDueDates, private readonly time: TimeSource,
    private readonly notifier: LiaisonNotifier, private readonly copies: CopyReportService,
  ) {}

  async create(m: EntityManager, actor: Actor, d: LetterDraft): Promise<LetterResult> {
    const recipient = await this.recipientOf(m, d);
    const created = await Letters.insertDraft(m, {
      kind: d.kind, caseId: d.caseId ?? null, recipientDepartmentId: recipient, problems: d.problems, recommendations: d.recommendations, createdBy: actor.userId,
    });
    const row = { ...created, state: created.state as LetterState };
    await this.record(m, actor, row.id, 'create', { kind: d.kind, ...(d.caseId ? { caseId: d.caseId } : {}) });
    // A draft letter is what the office head approves by issuing it: the head hears of it now, in this transaction.
    const name = await Letters.departmentName(m, recipient);
    const what = `致${name}的${LETTER_KIND_LABELS[d.kind]}`;
    await this.notifier.notify(m, [{
      kind: 'liaison_approval', title: `待审批制发：${what}`, body: `府院联络员已起草${what}，请审批制发。`, caseId: d.caseId ?? null, roles: [Role.OfficeHead],
    }]);
    return row;
  }

  async update(m: EntityManager, actor: Actor, id: string, version: number, d: Omit<LetterDraft, 'kind' | 'caseId'>): Promise<LetterResult> {
    const cur = await Letters.letterColumns(m, id, ['case_id', 'recipient_department_id']);
    if (!cur) throw LiaisonErrors.notFound('letter');
    // Omitted = unchanged: the draft keeps the recipient it has (a case's default applies when drafting only).
    const recipient = d.recipientDepartmentId === undefined ? cur.recipient_department_id : await this.recipientOf(m, { ...d, caseId: cur.case_id });
    const row = await this.move(m, id, version, LetterAction.Edit, {
      recipient_department_id: recipient, problems: JSON.stringify(d.problems), recommendations: JSON.stringify(d.recommendations),
    });
    await this.record(m, actor, id, 'update', { version: row.version });
    return { id, state: row.state, version: row.version };
  }

  /** The office head approves and issues: the letter (.docx) is numbered and stored in the same transaction. */
  async issue(m: EntityManager, actor: Actor, id: string, version: number) {
    const row = await this.move(m, id, version, LetterAction.Issue, { issued_by: actor.userId, issued_on: todayOf(this.time) });
    const ctx = (await Letters.issueContext(m, row.recipient_department_id, row.case_id))!;
    const kind = row.kind as LetterKind;
    const doc = await this.documents.issueFor(m, actor, { kind: 'letter', id, caseId: row.case_id }, DOCUMENT_OF[kind], {
      recipient: ctx.recipient, origin: ctx.case_number ? `办理${ctx.case_number}行政复议案件` : '行政复议工作',
      problems: row.problems, recommendations: row.recommendations,
    });
    if (row.case_id) await addCaseEvent(m, actor, row.case_id, 'letter_issued', { letterId: id, kind });
    await this.record(m, actor, id, 'issue', { version: row.version, documentId: doc.id });
    return { id, state: row.state as LetterState, version: row.version, documentId: doc.id, documentNumber: doc.number };
  }

  /** The recipient's receipt starts the 60-day feedback period of an opinion letter (ARL 76). */
  async receive(m: EntityManager, actor: Actor, id: string, v: { version: number; receivedOn: string }): Promise<LetterResult> {
    assertNotFuture(this.time, 'receivedOn', v.receivedOn);
    const cur = await Letters.letterColumns(m, id, ['kind', 'issued_on']);
    if (!cur) throw LiaisonErrors.notFound('letter');
    if (cur.issued_on && v.receivedOn < cur.issued_on) throw LiaisonErrors.invalid('receivedOn', '收到日期不能早于制发日期');
    const due = cur.kind === 'opinion' ? opinionFeedbackDue(await this.dues.calendar(m), v.receivedOn) : null;
    const row = await this.move(m, id, v.version, LetterAction.Receive, {
      received_on: v.receivedOn, feedback_due: due?.due ?? null, feedback_due_provisional: due?.provisional ?? false,
      feedback_due_explanation: due ? JSON.stringify(due.explanation) : null,
    });
    await this.record(m, actor, id, 'receive', { version: row.version, receivedOn: v.receivedOn, feedbackDue: due?.due ?? null });
    // ARL 79(2): an opinion letter from a case against a district department, now in force, is copied to its superior.
    if (row.kind === 'opinion' && row.case_id) await this.copies.letterEffective(m, actor, { letterId: id, caseId: row.case_id, receivedOn: v.receivedOn });
    return { id, state: row.state, version: row.version, feedbackDue: due?.due ?? null, feedbackDueProvisional: due?.provisional ?? false };
  }

  /** ARL 76: the corrections the recipient reports; on time when on or before the due date. */
  async feedback(m: EntityManager, actor: Actor, id: string, v: { version: number; feedbackOn: string; feedback: string; corrections: string[] }) {
    assertNotFuture(this.time, 'feedbackOn', v.feedbackOn);
    const cur = await Letters.letterColumns(m, id, ['received_on']);
    if (cur?.received_on && v.feedbackOn < cur.received_on) throw LiaisonErrors.invalid('feedbackOn', '反馈日期不能早于收到日期');
    const row = await this.move(m, id, v.version, LetterAction.Feedback, {
      feedback_on: v.feedbackOn, feedback: v.feedback, corrections_reported: JSON.stringify(v.corrections),
    });
    const onTime = !row.feedback_due || v.feedbackOn <= row.feedback_due;
    if (row.case_id) await addCaseEvent(m, actor, row.case_id, 'letter_feedback', { letterId: id, onTime });
    await this.record(m, actor, id, 'feedback', { version: row.version, feedbackOn: v.feedbackOn, onTime });
    return { id, state: row.state as LetterState, version: row.version, onTime };
  }

  async close(m: EntityManager, actor: Actor, id: string, version: number): Promise<LetterResult> {
    const row = await this.move(m, id, version, LetterAction.Close, { closed_on: todayOf(this.time) });
    await this.record(m, actor, id, 'close', { version: row.version });
    return { id, state: row.state, version: row.version };
  }

  private async recipientOf(m: EntityManager, d: Pick<LetterDraft, 'caseId' | 'recipientDepartmentId'>): Promise<number> {
    if (d.caseId) {
      const c = await Letters.caseRespondent(m, d.caseId);
      if (!c) throw LiaisonErrors.unknownSubject('caseId');
      if (d.recipientDepartmentId === undefined) return c.respondent_department_id;
    }
    if (d.recipientDepartmentId === undefined) throw LiaisonErrors.invalid('recipientDepartmentId', '请选择受文部门');
    if (!(await Letters.departmentExists(m, d.recipientDepartmentId))) throw LiaisonErrors.unknownDepartment('recipientDepartmentId');
    return d.recipientDepartmentId;
  }

  private move(m: EntityManager, id: string, version: number, action: LetterAction, set: Record<string, unknown>) {
    const from = LETTER_MACHINE.sources(action);
    return moveRow<any>(m, {
      subject: 'letter', id, expectedVersion: version, from, set: { ...set, state: LETTER_MACHINE.decide(from[0], action) },
      what: LETTER_ACTION_LABELS[action], labels: LETTER_STATE_LABELS,
    });
  }

  private record(m: EntityManager, actor: Actor, id: string, action: string, summary: Record<string, unknown>) {
    return this.audit.record(m, { action: `liaison.letter.${action}`, subjectType: 'letter', subjectId: id, actor, summary });
  }
}
