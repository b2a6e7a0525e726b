import { Injectable } from '@nestjs/common';
import { decodeKeysetCursor, keysetPage, type Actor, type Role } from '@fuyi/kernel';
import { allowedLawsuitActions } from '../domain/lawsuit-actions';
import { DocumentService } from '@fuyi/documents';
import { TimeSource, UnitOfWork, type SqlRunner } from '@fuyi/platform';
import { LETTER_STATE_LABELS, type LetterState } from '../domain/letter-state';
import { NOTICE_STATE_LABELS, type NoticeState } from '../domain/risk-notice-state';
import { JUDGMENT_KINDS, type JudgmentKind } from '../domain/litigation';
import { LiaisonErrors } from './liaison-errors';
import { todayOf } from './today';
import { allowedLetterActions, allowedNoticeActions } from '../domain/liaison-actions';
import * as Lawsuits from '../stores/lawsuits.store';
import * as Letters from '../stores/letters.store';
import * as RiskNotices from '../stores/risk-notices.store';

/** Reads of the liaison workflow: details, lists, a case's litigation. The caller has checked the role. */
@Injectable()
export class LiaisonQueriesService {
  constructor(private readonly uow: UnitOfWork, private readonly documents: DocumentService, private readonly time: TimeSource) {}

  /** A risk notice as it now is, read on its own (the detail GET, the files' owner check). */
  notice(id: string, actor: Pick<Actor, 'role'>) {
    return this.uow.read((m) => this.noticeIn(m, id, actor));
  }

  /**
   * A risk notice as it now is (issue 11 item 5): the detail GET answers it, and so does every step on it, read in the
   * step's own transaction (`m`), with `allowedActions` for the caller.
   */
  async noticeIn(m: SqlRunner, id: string, actor: Pick<Actor, 'role'>) {
    const n = await RiskNotices.notice(m, id);
    if (!n) throw LiaisonErrors.notFound('notice');
    const recipients = await RiskNotices.recipients(m, id, todayOf(this.time));
    const links = await RiskNotices.links(m, id);
    return {
      ...n, stateLabel: NOTICE_STATE_LABELS[n.state as NoticeState], recipients, links, documents: await this.documents.listFor('risk-notice', id, m),
      allowedActions: allowedNoticeActions(actor.role, n.state as NoticeState, {
        allAcknowledged: recipients.every((r) => r.acknowledgedOn !== null), allResponded: recipients.every((r) => r.responseOn !== null),
      }),
    };
  }

  /** A letter as it now is, read on its own, like `notice`. */
  letter(id: string, actor: Pick<Actor, 'role'>) {
    return this.uow.read((m) => this.letterIn(m, id, actor));
  }

  /** A letter as it now is, in the caller's transaction, like `noticeIn`. */
  async letterIn(m: SqlRunner, id: string, actor: Pick<Actor, 'role'>) {
    const l = await Letters.letter(m, id);
    if (!l) throw LiaisonErrors.notFound('letter');
    return {
      ...l, stateLabel: LETTER_STATE_LABELS[l.state as LetterState], documents: await this.documents.listFor('letter', id, m),
      allowedActions: allowedLetterActions(actor.role, l.state as LetterState),
    };
  }

  /** One lawsuit with what `role` may record on it (domain/lawsuit-actions.ts). */
  async lawsuit(id: string, role: Role) {
    const l = await this.uow.read((m) => Lawsuits.lawsuit(m, id));
    if (!l) throw LiaisonErrors.notFound('lawsuit');
    const today = todayOf(this.time);
    return {
      ...withJudgmentLabel(l), defenceOverdue: !l.defenceSubmittedOn && !!l.defenceDue && l.defenceDue < today,
      allowedActions: allowedLawsuitActions(role, { ...l, today }),
    };
  }

  /** GET /cases/:id/litigation: the lawsuit window of the case (ALL 45) and the lawsuits recorded against it. */
  async caseLitigation(caseId: string) {
    const c = await this.uow.read((m) => Lawsuits.caseLawsuitWindow(m, caseId));
    const lawsuits = await this.uow.read((m) => Lawsuits.caseLawsuits(m, caseId));
    const today = todayOf(this.time);
    const clock = c?.clock ?? null;
    const letters = await this.uow.read((m) => Letters.caseLetters(m, caseId));
    return {
      caseId, caseNumber: c?.case_number ?? null, decisionType: c?.decision_type ?? null,
      lawsuitWindow: clock ? { start: clock.start, due: clock.due, open: clock.status === 'running' && clock.due >= today } : null,
      lawsuits: lawsuits.map(withJudgmentLabel), letters,
    };
  }

  /** Newest first, a page at a time ({items, nextCursor}). */
  async listNotices(state: string | undefined, limit: number, cursor?: string) {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.uow.read((m) => RiskNotices.noticeList(m, state ?? null, limit + 1, after ? { at: after.at, id: after.id } : null));
    return keysetPage(rows, limit, (r) => r.created_at, (r) => r.id, ({ created_at: _, ...r }) => r);
  }

  /** Newest first, a page at a time ({items, nextCursor}). */
  async listLetters(state: string | undefined, limit: number, cursor?: string) {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.uow.read((m) => Letters.letterList(m, state ?? null, limit + 1, after ? { at: after.at, id: after.id } : null));
    return keysetPage(rows, limit, (r) => r.created_at, (r) => r.id, ({ created_at: _, ...r }) => r);
  }
}

function withJudgmentLabel<L extends { judgmentKind: string | null }>(l: L) {
  const j = l.judgmentKind ? JUDGMENT_KINDS[l.judgmentKind as JudgmentKind] : null;
  return { ...l, judgmentLabel: j?.label ?? null, upholdsDecision: j ? j.upholds : null };
}
