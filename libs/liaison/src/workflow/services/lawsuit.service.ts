import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { CaseLocks } from '@fuyi/cases';
import { hasDuplicateHearing, headAppeared, JUDGMENT_KINDS, lawsuitBasis, type Hearing, type JudgmentKind } from '../domain/litigation';
import { addCaseEvent } from './case-timeline';
import { LiaisonErrors } from './liaison-errors';
import { moveRow } from './row-move';
import { assertNotFuture, todayOf } from './today';
import * as Lawsuits from '../stores/lawsuits.store';

export interface LawsuitFiling {
  caseId: string;
  court: string;
  courtCaseNumber: string;
  filedOn: string;
}

const NO_STATES: Record<string, string> = { open: '审理中' };

export type HearingEdit = { version: number } & Partial<Hearing>;

/** 行政应诉: lawsuits after reconsideration (ALL 45), their hearings, the head's appearance and the judgment. */
@Injectable()
export class LawsuitService {
  constructor(private readonly audit: AuditService, private readonly time: TimeSource) {}

  /**
   * Records a lawsuit against a served decision, a refusal or a termination (lawsuitBasis); the district is
   * co-defendant only when its decision upheld the act (ALL 26(2), see litigation.ts). A lawsuit brought because the decision period expired without a decision (ALL 45, second case) has no decision
   * to derive from and is refused here (LIAISON_NO_SERVED_DECISION): the office follows it as an inaction suit
   * outside this register for now.
   */
  async record(m: EntityManager, actor: Actor, f: LawsuitFiling) {
    assertNotFuture(this.time, 'filedOn', f.filedOn);
    const c = await CaseLocks.forUpdate(m, f.caseId);
    if (!c) throw LiaisonErrors.unknownSubject('caseId');
    const servedOn = await CaseLocks.lastServedOn(m, f.caseId);
    const basis = lawsuitBasis({ state: c.state, decisionType: c.decision?.type, decidedOn: c.decision?.decidedOn, servedOn, closedOn: c.closedOn });
    if (!basis) throw LiaisonErrors.noServedDecision(c.state);
    if (basis.since && f.filedOn < basis.since) throw LiaisonErrors.invalid('filedOn', '起诉日期不能早于复议决定（终止决定）送达或作出日期');
    if (await Lawsuits.courtNumberTaken(m, f.court, f.courtCaseNumber)) throw LiaisonErrors.lawsuitDuplicate();
    const coDefendant = basis.coDefendant;
    const row = await Lawsuits.insertCaseLawsuit(m, {
      caseId: f.caseId, court: f.court, courtCaseNumber: f.courtCaseNumber, filedOn: f.filedOn, coDefendant, recordedBy: actor.userId,
    });
    await addCaseEvent(m, actor, f.caseId, 'lawsuit_recorded', { lawsuitId: row.id, coDefendant, against: basis.against });
    await this.audited(m, actor, row.id, 'record', { caseId: f.caseId, coDefendant, against: basis.against });
    return { id: row.id, version: row.version, caseId: f.caseId, caseNumber: c.caseNumber, coDefendant, against: basis.against };
  }

  async update(m: EntityManager, actor: Actor, id: string, v: { version: number; court: string; courtCaseNumber: string }) {
    if (await Lawsuits.courtNumberTaken(m, v.court, v.courtCaseNumber, id)) throw LiaisonErrors.lawsuitDuplicate();
    const row = await this.move(m, id, v.version, { court: v.court, court_case_number: v.courtCaseNumber }, '修改');
    await this.audited(m, actor, id, 'update', { version: row.version });
    return { id, version: row.version };
  }

  /** A hearing; 负责人出庭应诉 can only be recorded for a hearing already held. The same session twice is refused. */
  async addHearing(m: EntityManager, actor: Actor, id: string, v: { version: number } & Hearing) {
    const cur = await this.current(m, id);
    const hearing: Hearing = { heldOn: v.heldOn, kind: v.kind, headAppeared: v.headAppeared, note: v.note ?? null };
    return this.saveHearings(m, actor, id, v.version, cur, [...cur.hearings, hearing], hearing, '登记开庭');
  }

  /**
   * Corrects hearing `index` (0-based, in date order as shown) of the version the client read: a hearing entered in
   * advance is marked "head appeared" once held, or moved to its new date.
   */
  async updateHearing(m: EntityManager, actor: Actor, id: string, index: number, v: HearingEdit) {
    const cur = await this.current(m, id);
    if (cur.version !== v.version) throw LiaisonErrors.versionConflict('lawsuit', v.version, cur.version);
    const old = cur.hearings[index];
    if (!old) throw LiaisonErrors.hearingNotFound();
    const { version: _v, ...edit } = v;
    const hearing: Hearing = { ...old, ...Object.fromEntries(Object.entries(edit).filter(([, x]) => x !== undefined)) };
    return this.saveHearings(m, actor, id, v.version, cur, cur.hearings.map((h, i) => (i === index ? hearing : h)), hearing, '修改开庭记录');
  }

  async judgment(m: EntityManager, actor: Actor, id: string, v: { version: number; kind: JudgmentKind; on: string; summary: string }) {
    assertNotFuture(this.time, 'on', v.on);
    const cur = await this.current(m, id);
    if (cur.judgment_kind) throw LiaisonErrors.judgmentRecorded();
    if (v.on < cur.filed_on) throw LiaisonErrors.invalid('on', '裁判日期不能早于起诉日期');
    const row = await this.move(m, id, v.version, { judgment_kind: v.kind, judgment_on: v.on, judgment_summary: v.summary }, '登记裁判结果');
    const upholds = JUDGMENT_KINDS[v.kind].upholds;
    if (row.case_id) await addCaseEvent(m, actor, row.case_id, 'lawsuit_judged', { lawsuitId: id, kind: v.kind, upholds });
    await this.audited(m, actor, id, 'judgment', { version: row.version, kind: v.kind });
    return { id, version: row.version, judgmentKind: v.kind, upholdsDecision: upholds };
  }

  private async saveHearings(
    m: EntityManager, actor: Actor, id: string, version: number, cur: { filed_on: string; judgment_on: string | null }, list: Hearing[], h: Hearing, what: string,
  ) {
    if (h.heldOn < cur.filed_on) throw LiaisonErrors.invalid('heldOn', '开庭日期不能早于起诉日期');
    // The judgment ends the first instance: no session after it (one held before it may still be entered late).
    if (cur.judgment_on && h.heldOn > cur.judgment_on) throw LiaisonErrors.hearingAfterJudgment(cur.judgment_on);
    if (h.headAppeared && h.heldOn > todayOf(this.time)) throw LiaisonErrors.invalid('headAppeared', '尚未开庭，不能登记负责人出庭');
    if (hasDuplicateHearing(list)) throw LiaisonErrors.hearingDuplicate();
    const hearings = [...list].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
    const row = await this.move(m, id, version, { hearings: JSON.stringify(hearings), head_appeared: headAppeared(hearings) }, what);
    await this.audited(m, actor, id, 'hearing', { version: row.version, heldOn: h.heldOn, headAppeared: h.headAppeared });
    return { id, version: row.version, hearings, headAppeared: row.head_appeared };
  }

  private async current(m: EntityManager, id: string) {
    const cur = await Lawsuits.lockForJudgment(m, id);
    if (!cur) throw LiaisonErrors.notFound('lawsuit');
    return cur;
  }

  private move(m: EntityManager, id: string, version: number, set: Record<string, unknown>, what: string) {
    return moveRow<any>(m, { subject: 'lawsuit', id, expectedVersion: version, from: null, set, what, labels: NO_STATES });
  }

  private audited(m: EntityManager, actor: Actor, id: string, action: string, summary: Record<string, unknown>) {
    return this.audit.record(m, { action: `liaison.lawsuit.${action}`, subjectType: 'lawsuit', subjectId: id, actor, summary });
  }
}
