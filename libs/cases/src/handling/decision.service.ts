import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, FieldCipher, TimeSource } from '@fuyi/platform';
import { ClockService } from '@fuyi/clocks';
import { CaseAction, CaseState, nextState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { DECISION_TYPES, REPLY_MISSED_DECISIONS, TERMINATION_GROUNDS, type DecisionType } from '../domain/decision-types';
import { caseScopeOf } from '../queries/case-scope';
import { applyTransition } from '../review/case-transitions';
import type { TransitionResult } from '../review/review.types';
import { sameApproverRefusal } from '../domain/case-ownership';
import { hearingRefusal } from '../domain/hearing-rules';
import { ApprovalRequestService } from './approval-requests.service';
import { assertActsOn, editCase } from './case-edit';
import { recordedDate } from '../domain/recorded-date';
import { CaseNotifier } from './case-notifier';
import { ParticipationService } from './participation.service';
import { DecisionEffectHooks } from '../effects/decision-effect-hooks';
import { CASE_OPERATIONS, CaseOp } from '../domain/case-actions';
import { anonymise } from '../domain/anonymise';
import * as Cases from '../stores/cases.store';
import * as Parties from '../stores/parties.store';
import * as Publications from '../stores/publications.store';
import { attendingHeads } from '../stores/hearings.store';
import { submittedDay } from '../stores/approval-requests.store';
import { missedReply, openLawsuitClock } from '../stores/case-reads.store';

export interface DecisionDraft {
  version: number;
  type: DecisionType;
  summary: string;
  /** Revocation with an order to redo (ARL 64): the respondent's own period, in days. */
  redoPeriodDays?: number;
  compensationYuan?: number;
  /**
   * ARL 70's exception: the act concerns a third party's lawful rights and the third party provided evidence. What the
   * record says about it (which party, which evidence); needed to uphold or reject after the respondent missed its reply.
   */
  thirdPartyEvidence?: string;
  /** Issue 12 item 13: the submission's real date when entered afterwards from the paper file. */
  submittedOn?: string;
}

const OPEN_CLOCKS = ['decision', 'decision-simplified', 'copy-to-respondent', 'simplified-copy', 'respondent-reply', 'simplified-reply', 'suspension-cap'] as const;

/** Deciding and closing a case: the decision and its approval, service, termination, mediation, archive, publication. */
@Injectable()
export class DecisionService {
  constructor(
    private readonly audit: AuditService,
    private readonly clocks: ClockService,
    private readonly effects: DecisionEffectHooks,
    private readonly participation: ParticipationService,
    private readonly requests: ApprovalRequestService,
    private readonly notifier: CaseNotifier,
    private readonly cipher: FieldCipher,
    private readonly time: TimeSource,
  ) {}

  /** The handler submits the decision for the office head's approval, who is told (issue #12 item 9). */
  async submit(m: EntityManager, actor: Actor, caseId: string, d: DecisionDraft): Promise<TransitionResult> {
    if (!DECISION_TYPES[d.type]) throw CaseErrors.invalid('type', '决定类型不正确');
    if (d.redoPeriodDays !== undefined && !['revoke', 'partial_revoke'].includes(d.type)) {
      throw CaseErrors.invalid('redoPeriodDays', '只有撤销决定可以责令重新作出行政行为（第六十四条）');
    }
    // Who, the stage, a stale version, then the law: a clerk who is not the handler, or a request on a closed case,
    // learns that rather than the case's hearing status.
    await assertActsOn(m, actor, caseId);
    const c = (await Cases.caseForDecision(m, caseId))!;
    nextState(c.state as CaseState, CaseAction.SubmitDecision, actor.role);
    if (c.version !== d.version) throw CaseErrors.versionConflict(d.version, c.version);
    const submittedOn = recordedDate(shanghaiDate(this.time.now()), 'submittedOn', d.submittedOn, { date: c.accepted_on, label: '受理日期' });
    await this.assertHeard(m, caseId);
    await this.assertReplyRule(m, caseId, d);
    const result = await this.transition(m, actor, caseId, d.version, CaseAction.SubmitDecision, {
      set: { decision: { type: d.type, summary: d.summary, redoPeriodDays: d.redoPeriodDays ?? null, compensationYuan: d.compensationYuan ?? null, thirdPartyEvidence: d.thirdPartyEvidence ?? null, submittedBy: actor.userId, submittedOn } },
      event: { type: d.type, submittedOn },
    });
    await this.notifier.toRole(m, Role.OfficeHead, caseId, {
      kind: 'approval_requested', title: '待审批：行政复议决定',
      body: `${result.caseNumber}：承办人提交了行政复议决定（${DECISION_TYPES[d.type].label}），请审批。`,
    }, actor.userId);
    return result;
  }

  /**
   * The office head approves: the decision is made (the decision clock is met); it takes effect on service (ARL 75).
   * Never by its submitter (four eyes), and never before the parties were heard (checked again: a group-dispute cluster
   * may have formed since the submission).
   */
  async approve(m: EntityManager, actor: Actor, caseId: string, version: number, approvedOn?: string): Promise<TransitionResult> {
    const c = await Cases.pendingDecision(m, caseId);
    // Issue 12 item 13: a paper approval entered afterwards carries its date (not before the submission, not in the
    // future); the decision is made that day and the decision clock is met (or missed) on it.
    const submitted = c?.decision?.submittedOn as string | undefined;
    const today = recordedDate(shanghaiDate(this.time.now()), 'approvedOn', approvedOn, submitted ? { date: submitted, label: '决定提交日期' } : { date: c?.accepted_on, label: '受理日期' });
    // Four eyes on a decision awaiting approval; any other state is the transition's refusal (409) below.
    const same = c && sameApproverRefusal(actor, c.decision?.submittedBy, '行政复议决定');
    if (same) throw same;
    if (c) await this.assertHeard(m, caseId);
    const result = await this.transition(m, actor, caseId, version, CaseAction.ApproveDecision, {
      set: { decision: { ...(c?.decision ?? {}), approvedBy: actor.userId, decidedOn: today } }, event: { decidedOn: today },
    });
    for (const rule of OPEN_CLOCKS) await this.clocks.close(m, caseId, rule, today, rule.startsWith('decision') ? 'met' : 'cancelled');
    await this.requests.cancelPending(m, actor, caseId);
    return result;
  }

  returnForRevision(m: EntityManager, actor: Actor, caseId: string, version: number, reason: string): Promise<TransitionResult> {
    return this.transition(m, actor, caseId, version, CaseAction.ReturnDecision, { event: { reason } });
  }

  /**
   * 送达 of the decision on one party. When every applicant has been served the case moves to 'served' and the
   * 15-day lawsuit window (ALL 45) runs from the latest applicant's service.
   */
  async recordService(m: EntityManager, actor: Actor, caseId: string, v: { version: number; partyId: string; method: string; servedOn: string }) {
    if (v.servedOn > shanghaiDate(this.time.now())) throw CaseErrors.invalid('servedOn', '送达日期不能晚于今天');
    const c = await editCase(m, this.audit, {
      caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.RecordService].states,
      event: 'served', data: { partyId: v.partyId, method: v.method, servedOn: v.servedOn }, what: '记录送达',
    });
    const party = await Parties.partyOfCase(m, caseId, v.partyId);
    if (!party) throw CaseErrors.invalid('partyId', '该当事人不属于本案');
    const decidedOn = c.decision?.decidedOn as string | undefined;
    if (decidedOn && v.servedOn < decidedOn) throw CaseErrors.invalid('servedOn', '送达日期不能早于决定作出日期');
    const inserted = await Parties.recordService(m, { case_id: caseId, party_id: v.partyId, method: v.method, served_on: v.servedOn, recorded_by: actor.userId });
    if (!inserted) throw new DomainError('CASE_PARTY_ALREADY_SERVED', '该当事人已记录送达', 'conflict');
    const service = await Parties.applicantService(m, caseId);
    const pending = service.pending;
    if (c.state !== CaseState.Decided || pending > 0) return { caseId, version: c.version, state: c.state, applicantsPending: pending };
    // Every applicant served (a case has at least one applicant, registration requires it): the latest service is a day.
    const last = service.last!;
    const done = await applyTransition(m, this.audit, {
      caseId, expectedVersion: c.version, actor, scope: caseScopeOf(actor), action: CaseAction.CompleteService, event: { lastServedOn: last },
    });
    const lawsuit = await this.clocks.start(m, caseId, 'lawsuit', last);
    // Served on every applicant: the decision is in force (ARL 75); e.g. ARL 79(2) copies it to the respondent's superior.
    await this.effects.run(m, actor, { caseId, effectiveOn: last });
    return { ...done, applicantsPending: 0, lawsuitDue: lawsuit.due };
  }

  /**
   * ARL 41: the office head approves the handler's pending termination request (ApprovalRequestService); ground and
   * reason are the request's (restating them is allowed, changing them is not).
   */
  async terminate(m: EntityManager, actor: Actor, caseId: string, v: { version: number; ground?: number; reason?: string; approvedOn?: string }) {
    const request = await this.requests.pendingFor(m, actor, caseId, 'termination');
    // Issue 12 item 13: a paper approval carries its date, never before the handler's request nor in the future.
    const submitted = await submittedDay(m, request.id);
    const approvedOn = recordedDate(shanghaiDate(this.time.now()), 'approvedOn', v.approvedOn, { date: request.payload.requestedOn ?? submitted, label: '终止申请日期' });
    const ground = Number(request.payload.ground);
    const reason = String(request.payload.reason);
    if ((v.ground !== undefined && v.ground !== ground) || (v.reason !== undefined && v.reason !== reason)) {
      throw new DomainError('CASE_REQUEST_MISMATCH', `批准内容与承办人的申请（第四十一条第${ground}项）不一致；如需改变，请退回申请后由承办人重新提交`, 'conflict', { requested: { ground } });
    }
    // ARL 41(1)(5): still suspended on ground 1, 2 or 4 past its 60 days when approved, not only when requested.
    if (ground === 5) await this.requests.assertSuspensionCapReached(m, caseId, approvedOn);
    await this.requests.settle(m, actor, request.id, 'approved', undefined, { approvedOn }); // before the closure cancels whatever else is pending
    return this.terminateAsSubmitted(m, actor, caseId, { version: v.version, ground, reason, submittedBy: request.submittedBy, requestId: request.id, on: approvedOn });
  }

  /**
   * ARL 41: termination on one of its grounds (incl. an approved withdrawal), by the office head, of what someone else
   * submitted: the handler's request, or the withdrawal the mediator recorded on the linked mediation file.
   */
  async terminateAsSubmitted(m: EntityManager, actor: Actor, caseId: string, v: { version: number; ground: number; reason: string; submittedBy: string | null; requestId?: string; on?: string }) {
    if (!TERMINATION_GROUNDS[v.ground]) throw CaseErrors.invalid('ground', '终止事由应为《行政复议法》第四十一条第一至五项之一');
    const same = sameApproverRefusal(actor, v.submittedBy, '终止行政复议申请');
    if (same) throw same;
    const on = v.on ?? shanghaiDate(this.time.now());
    const closure = { kind: 'terminated', ground: v.ground, reason: v.reason, on, approvedBy: actor.userId, submittedBy: v.submittedBy };
    const result = await this.transition(m, actor, caseId, v.version, CaseAction.Terminate, {
      set: { closure }, event: { ground: v.ground, ...(v.requestId ? { requestId: v.requestId } : {}) },
    });
    await this.closeAll(m, actor, caseId, on);
    return result;
  }

  /** ARL 73: a 调解书 takes effect once signed by all parties and sealed; it closes the case. */
  async concludeMediation(m: EntityManager, actor: Actor, caseId: string, v: { version: number; signedByAll: boolean; summary: string }) {
    if (!v.signedByAll) throw CaseErrors.invalid('signedByAll', '调解书须经各方当事人签字后方可结案（第七十三条）');
    const result = await this.transition(m, actor, caseId, v.version, CaseAction.ConcludeMediation, {
      set: { closure: { kind: 'mediated', summary: v.summary, on: shanghaiDate(this.time.now()) } }, event: {},
    });
    await this.closeAll(m, actor, caseId);
    return result;
  }

  /** 归档 after service and the lawsuit window (domain.md §3.13). */
  async archive(m: EntityManager, actor: Actor, caseId: string, version: number): Promise<TransitionResult> {
    const open = await openLawsuitClock(m, caseId);
    if (open && open.due_date >= shanghaiDate(this.time.now())) {
      throw new DomainError('CASE_LAWSUIT_WINDOW_OPEN', `起诉期限（${open.due_date}）尚未届满，暂不能归档`, 'conflict', { lawsuitDue: open.due_date });
    }
    const result = await this.transition(m, actor, caseId, version, CaseAction.Archive, { event: {} });
    if (open) await this.clocks.close(m, caseId, 'lawsuit', open.due_date, 'met');
    return result;
  }

  /**
   * ARL 79: decisions are published. The text is the decision anonymised (domain/anonymise.ts): every natural person in
   * the record (applicants, third parties, agents, legal representatives, the heads who attended) as surname + 某, their
   * addresses, and by pattern any ID number, phone, address or plate number; organisations kept. The public list reads
   * only decision_publications; publishing again replaces the live text.
   */
  async publish(m: EntityManager, actor: Actor, caseId: string, version: number): Promise<{ caseId: string; version: number; publicationId: string; text: string }> {
    const c = await editCase(m, this.audit, {
      caseId, expectedVersion: version, actor, allowed: CASE_OPERATIONS[CaseOp.Publish].states, event: 'decision_published', data: {}, what: '公开决定书',
    });
    const parties = await Parties.partiesForPublication(m, caseId);
    const heads = await attendingHeads(m, caseId);
    const x = (await Cases.publicationFacts(m, caseId))!;
    const type = DECISION_TYPES[c.decision?.type as DecisionType]?.label ?? '';
    const raw = `${c.case_number} 行政复议决定书（${type}）\n被申请人：${x.respondent}\n${String(c.decision?.summary ?? '')}`;
    const text = anonymise(raw, {
      persons: [...parties.filter((p) => p.kind === 'person').map((p) => p.name), ...parties.map((p) => p.legal_representative ?? ''), ...heads.map((h) => h.head_name)],
      addresses: parties.map((p) => this.cipher.decrypt(p.address_enc) ?? ''),
    });
    const decidedOn = (c.decision?.decidedOn as string | undefined) ?? null;
    const year = Number((decidedOn ?? shanghaiDate(this.time.now())).slice(0, 4));
    const live = await Publications.replaceLiveText(m, caseId, text, actor.userId);
    const row = live ?? await Publications.publish(m, {
      case_id: caseId, case_number: c.case_number, respondent_department_id: x.respondent_department_id, category: x.category,
      decision_type: String(c.decision?.type ?? ''), year, decided_on: decidedOn, text, published_by: actor.userId,
    });
    await Cases.setPublishedText(m, caseId, text);
    return { caseId, version: c.version, publicationId: row.id, text };
  }

  /** Withdrawal of a publication (e.g. a court annulled the decision, or personal data slipped through): who, when, why. */
  async withdrawPublication(m: EntityManager, actor: Actor, caseId: string, v: { version: number; reason: string }) {
    const c = await editCase(m, this.audit, {
      caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.WithdrawPublication].states,
      event: 'decision_publication_withdrawn', data: { reason: v.reason }, what: '撤回公开的决定书',
    });
    const withdrawn = await Publications.withdrawLive(m, caseId, actor.userId, v.reason);
    if (!withdrawn) throw new DomainError('CASE_NOT_PUBLISHED', '该案决定书未公开或已撤回公开', 'conflict');
    await Cases.setPublishedText(m, caseId, null);
    return { caseId, version: c.version, publicationId: withdrawn.id, withdrawnAt: new Date(withdrawn.withdrawn_at).toISOString() };
  }

  /**
   * ARL 70 (follow-up d of issue 12): a respondent that did not reply and submit its evidence in time (ARL 48, 54) has
   * an act treated as without evidence: the body revokes, confirms illegal or void, or orders performance (the list in
   * REPLY_MISSED_DECISIONS), never upholds it, rejects the request or changes it, unless the act concerns a third party's lawful rights and the third party
   * provided evidence, which the record must then say (on a case with a third party).
   */
  private async assertReplyRule(m: EntityManager, caseId: string, d: DecisionDraft): Promise<void> {
    if (REPLY_MISSED_DECISIONS.includes(d.type)) return;
    const today = shanghaiDate(this.time.now());
    const missed = await missedReply(m, caseId, today);
    if (!missed) return;
    const third = await Parties.hasThirdParty(m, caseId);
    if (third && d.thirdPartyEvidence?.trim()) return;
    throw new DomainError(
      'CASE_REPLY_MISSED',
      `被申请人未在期限（${missed.due_date}）内提出书面答复、提交证据和依据，视为该行政行为没有证据、依据，不能作出${DECISION_TYPES[d.type].label}决定（《行政复议法》第七十条）；` +
        '行政行为涉及第三人合法权益且第三人提供证据的，请记录第三人提供的证据',
      'conflict',
      { replyDue: missed.due_date },
    );
  }

  /** ARL 49-50: refuses (409) a decision before the parties were heard or the record says why they could not be. */
  private async assertHeard(m: EntityManager, caseId: string): Promise<void> {
    const refusal = hearingRefusal(await this.participation.requirements(m, caseId));
    if (refusal) throw refusal;
  }

  /** The case is closed: its clocks stop and nothing still awaits approval on it. */
  private async closeAll(m: EntityManager, actor: Actor, caseId: string, on = shanghaiDate(this.time.now())): Promise<void> {
    for (const rule of OPEN_CLOCKS) await this.clocks.close(m, caseId, rule, on, 'cancelled');
    await this.requests.cancelPending(m, actor, caseId);
  }

  private transition(m: EntityManager, actor: Actor, caseId: string, version: number, action: CaseAction, x: { set?: Record<string, unknown>; event: Record<string, unknown> }) {
    return applyTransition(m, this.audit, { caseId, expectedVersion: version, actor, scope: caseScopeOf(actor), action, set: x.set, event: x.event });
  }
}
