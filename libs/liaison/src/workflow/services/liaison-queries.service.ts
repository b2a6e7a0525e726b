import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeKeysetCursor, keysetPage, type Actor, type Role } from '@fuyi/kernel';
import { allowedLawsuitActions } from '../domain/lawsuit-actions';
import { DocumentService } from '@fuyi/documents';
import { TimeSource } from '@fuyi/platform';
import { LETTER_STATE_LABELS, type LetterState } from '../domain/letter-state';
import { NOTICE_STATE_LABELS, type NoticeState } from '../domain/risk-notice-state';
import { JUDGMENT_KINDS, type JudgmentKind } from '../domain/litigation';
import { LiaisonErrors } from './liaison-errors';
import { todayOf } from './today';
import { allowedLetterActions, allowedNoticeActions } from '../domain/liaison-actions';

const LAWSUIT_COLUMNS = `l.id, l.case_id AS "caseId", c.case_number AS "caseNumber", l.court, l.court_case_number AS "courtCaseNumber",
  l.filed_on AS "filedOn", l.co_defendant AS "coDefendant", l.hearings, l.head_appeared AS "headAppeared", l.judgment_kind AS "judgmentKind",
  l.judgment_on AS "judgmentOn", l.judgment_summary AS "judgmentSummary", l.version, l.origin,
  l.defendant_department_id AS "defendantDepartmentId", CASE WHEN l.origin = 'direct' THEN coalesce(dd.name, '区人民政府') END AS defendant,
  l.plaintiffs, l.act, l.complaint_received_on AS "complaintReceivedOn", l.defence_due AS "defenceDue",
  l.defence_due_provisional AS "defenceDueProvisional", l.defence_due_explanation AS "defenceDueExplanation", l.defence_submitted_on AS "defenceSubmittedOn"`;
/** A direct suit (行政应诉 without a case) has no case row; its defendant is a department or the district government. */
const LAWSUIT_FROM = 'liaison_lawsuits l LEFT JOIN cases c ON c.id = l.case_id LEFT JOIN departments dd ON dd.id = l.defendant_department_id';

/** Reads of the liaison workflow: details, lists, a case's litigation. The caller has checked the role. */
@Injectable()
export class LiaisonQueriesService {
  constructor(private readonly ds: DataSource, private readonly documents: DocumentService, private readonly time: TimeSource) {}

  /**
   * A risk notice as it now is (issue 11 item 5): the detail GET answers it, and so does every step on it, read in the
   * step's own transaction (`m`), with `allowedActions` for the caller.
   */
  async notice(id: string, actor: Pick<Actor, 'role'>, m: Pick<EntityManager, 'query'> = this.ds) {
    const [n] = await m.query(
      `SELECT id, title, summary, reasons, suggestions, response_days AS "responseDays", state, version, rejection_note AS "rejectionNote",
              sent_on AS "sentOn", closed_on AS "closedOn", closing_note AS "closingNote", created_at AS "createdAt", cluster_id AS "clusterId"
         FROM liaison_risk_notices WHERE id = $1`,
      [id],
    );
    if (!n) throw LiaisonErrors.notFound('notice');
    const recipients = await m.query(
      `SELECT r.department_id AS "departmentId", d.name AS department, r.sent_on AS "sentOn", r.due_from AS "dueFrom", r.due_on AS "dueOn", r.due_provisional AS "dueProvisional",
              r.due_explanation AS "dueExplanation",
              r.acknowledged_on AS "acknowledgedOn", r.response_on AS "responseOn", r.response,
              (r.response_on IS NULL AND r.due_on < $2) AS overdue
         FROM liaison_notice_recipients r JOIN departments d ON d.id = r.department_id WHERE r.notice_id = $1 ORDER BY d.id`,
      [id, todayOf(this.time)],
    );
    const links = await m.query(
      `SELECT l.subject_kind AS kind, l.subject_id AS id, c.case_number AS "caseNumber"
         FROM liaison_notice_links l LEFT JOIN cases c ON l.subject_kind = 'case' AND c.id = l.subject_id WHERE l.notice_id = $1`,
      [id],
    );
    return {
      ...n, stateLabel: NOTICE_STATE_LABELS[n.state as NoticeState], recipients, links, documents: await this.documents.listFor('risk-notice', id, m),
      allowedActions: allowedNoticeActions(actor.role, n.state as NoticeState, {
        allAcknowledged: recipients.every((r: any) => r.acknowledgedOn !== null), allResponded: recipients.every((r: any) => r.responseOn !== null),
      }),
    };
  }

  /** A letter as it now is, like `notice`. */
  async letter(id: string, actor: Pick<Actor, 'role'>, m: Pick<EntityManager, 'query'> = this.ds) {
    const [l] = await m.query(
      `SELECT l.id, l.kind, l.case_id AS "caseId", c.case_number AS "caseNumber", l.recipient_department_id AS "recipientDepartmentId",
              d.name AS recipient, l.problems, l.recommendations, l.state, l.version, l.issued_on AS "issuedOn", l.received_on AS "receivedOn",
              l.feedback_due AS "feedbackDue", l.feedback_due_provisional AS "feedbackDueProvisional",
              l.feedback_due_explanation AS "feedbackDueExplanation", l.feedback_on AS "feedbackOn", l.feedback, l.corrections_reported AS "correctionsReported",
              l.escalated_at AS "escalatedAt", l.closed_on AS "closedOn"
         FROM liaison_letters l JOIN departments d ON d.id = l.recipient_department_id LEFT JOIN cases c ON c.id = l.case_id WHERE l.id = $1`,
      [id],
    );
    if (!l) throw LiaisonErrors.notFound('letter');
    return {
      ...l, stateLabel: LETTER_STATE_LABELS[l.state as LetterState], documents: await this.documents.listFor('letter', id, m),
      allowedActions: allowedLetterActions(actor.role, l.state as LetterState),
    };
  }

  /** One lawsuit with what `role` may record on it (domain/lawsuit-actions.ts). */
  async lawsuit(id: string, role: Role) {
    const [l] = await this.ds.query(`SELECT ${LAWSUIT_COLUMNS} FROM ${LAWSUIT_FROM} WHERE l.id = $1`, [id]);
    if (!l) throw LiaisonErrors.notFound('lawsuit');
    const today = todayOf(this.time);
    return {
      ...withJudgmentLabel(l), defenceOverdue: !l.defenceSubmittedOn && !!l.defenceDue && l.defenceDue < today,
      allowedActions: allowedLawsuitActions(role, { ...l, today }),
    };
  }

  /** GET /cases/:id/litigation: the lawsuit window of the case (ALL 45) and the lawsuits recorded against it. */
  async caseLitigation(caseId: string) {
    const [c] = await this.ds.query(
      `SELECT c.case_number, c.decision->>'type' AS decision_type,
              (SELECT json_build_object('start', k.start_date, 'due', k.due_date, 'status', k.status) FROM case_clocks k
                WHERE k.case_id = c.id AND k.rule = 'lawsuit' ORDER BY k.start_date DESC LIMIT 1) AS clock
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    const lawsuits = await this.ds.query(`SELECT ${LAWSUIT_COLUMNS} FROM ${LAWSUIT_FROM} WHERE l.case_id = $1 ORDER BY l.filed_on`, [caseId]);
    const today = todayOf(this.time);
    const clock = c?.clock ?? null;
    const letters = await this.ds.query(`SELECT id, kind, state, feedback_due AS "feedbackDue", feedback_due_provisional AS "feedbackDueProvisional" FROM liaison_letters WHERE case_id = $1 ORDER BY created_at`, [caseId]);
    return {
      caseId, caseNumber: c?.case_number ?? null, decisionType: c?.decision_type ?? null,
      lawsuitWindow: clock ? { start: clock.start, due: clock.due, open: clock.status === 'running' && clock.due >= today } : null,
      lawsuits: lawsuits.map(withJudgmentLabel), letters,
    };
  }

  /** Newest first, a page at a time ({items, nextCursor}). */
  async listNotices(state: string | undefined, limit: number, cursor?: string) {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.ds.query(
      `SELECT n.created_at, n.id, n.title, n.state, n.version, n.sent_on AS "sentOn", min(r.due_on) FILTER (WHERE r.response_on IS NULL) AS "nextDue",
              coalesce(bool_or(r.due_provisional) FILTER (WHERE r.response_on IS NULL), false) AS "dueProvisional", count(r.*)::int AS recipients, count(r.response_on)::int AS responded
         FROM liaison_risk_notices n LEFT JOIN liaison_notice_recipients r ON r.notice_id = n.id
        WHERE ($1::text IS NULL OR n.state = $1) AND ($3::timestamptz IS NULL OR (date_trunc('milliseconds', n.created_at), n.id) < ($3::timestamptz, $4::uuid))
        GROUP BY n.id ORDER BY date_trunc('milliseconds', n.created_at) DESC, n.id DESC LIMIT $2`,
      [state ?? null, limit + 1, after?.at ?? null, after?.id ?? null],
    );
    return keysetPage(rows, limit, (r: any) => r.created_at, (r: any) => r.id, ({ created_at: _, ...r }: any) => r);
  }

  /** Newest first, a page at a time ({items, nextCursor}). */
  async listLetters(state: string | undefined, limit: number, cursor?: string) {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.ds.query(
      `SELECT l.created_at, l.id, l.kind, l.state, l.version, l.case_id AS "caseId", d.name AS recipient, l.feedback_due AS "feedbackDue",
              l.feedback_due_provisional AS "feedbackDueProvisional", l.escalated_at AS "escalatedAt"
         FROM liaison_letters l JOIN departments d ON d.id = l.recipient_department_id
        WHERE ($1::text IS NULL OR l.state = $1) AND ($3::timestamptz IS NULL OR (date_trunc('milliseconds', l.created_at), l.id) < ($3::timestamptz, $4::uuid))
        ORDER BY date_trunc('milliseconds', l.created_at) DESC, l.id DESC LIMIT $2`,
      [state ?? null, limit + 1, after?.at ?? null, after?.id ?? null],
    );
    return keysetPage(rows, limit, (r: any) => r.created_at, (r: any) => r.id, ({ created_at: _, ...r }: any) => r);
  }
}

function withJudgmentLabel(l: any) {
  const j = l.judgmentKind ? JUDGMENT_KINDS[l.judgmentKind as JudgmentKind] : null;
  return { ...l, judgmentLabel: j?.label ?? null, upholdsDecision: j ? j.upholds : null };
}
