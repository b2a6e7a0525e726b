import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, FULL_PERSONAL_DATA_ROLES, shanghaiDate, type Actor } from '@fuyi/kernel';
import { FieldCipher, maskAddress, maskIdNumber, maskPhone, TimeSource, UnitOfWork, type Row, type SqlRunner } from '@fuyi/platform';
import { CalendarService } from '@fuyi/clocks';
import type { WorkingCalendar } from '@fuyi/deadlines';
import { applicationPeriodOf, lateApplicationOf, type LateApplication } from '../domain/application-period.view';
import { CASE_STATE_LABELS, CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { CASE_OPERATIONS, caseOperationAllowed, type AllowedAction, type CaseOp } from '../domain/case-actions';
import { ownershipRefusal } from '../domain/case-ownership';
import { explainStage, type PublicClock } from '../domain/public-stage';
import { caseScopeOf } from './case-scope';
import { applicationConditions, type ApplicationListState } from './application-list-filter';
import { countLookupAttempt, lookupKeys, lookupSucceeded } from './public-lookup-throttle';
import { seesCaseEvent } from './document-scope';
import { loadAllowedActions, loadCaseFacts } from './case-facts';
import { CaseRiskHooks } from './case-risk-hooks';
import * as Lists from '../stores/case-lists.store';
import { caseByNumber, caseInScope } from '../stores/cases.store';
import { fullPartiesOfCase } from '../stores/parties.store';
import { caseEventsWithDocumentOwner } from '../stores/case-events.store';
import { publicCaseClocks, publicCaseStatus } from '../stores/case-reads.store';

export interface QueueItem {
  caseId: string;
  caseNumber: string;
  state: CaseState;
  stateLabel: string;
  version: number;
  townshipId: number | null;
  township: string | null;
  receiptAt: string;
  acceptanceDue: string | null;
  respondent: string;
  applicants: string;
  /** ARL 20-21: days over and the exceptions to consider; null when the application is in time. */
  lateApplication: LateApplication | null;
  /** What this user may do to the case now (the case resource's `allowedActions`, from the same table). */
  allowedActions: AllowedAction[];
}

/** A case as the detail GET and every change answer it (the response schema `caseResource` in apps/api). */
export interface CaseResource {
  id: string;
  caseNumber: string;
  state: CaseState;
  stateLabel: string;
  version: number;
  allowedActions: AllowedAction[];
  [key: string]: unknown;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

function toQueueItem(r: Lists.QueueRow, calendar: WorkingCalendar, allowed: Map<string, AllowedAction[]>): QueueItem {
  return {
    caseId: r.id, caseNumber: r.case_number, state: r.state as CaseState, stateLabel: CASE_STATE_LABELS[r.state as CaseState], version: r.version,
    townshipId: r.township_id, township: r.township, receiptAt: new Date(r.receipt_at).toISOString(),
    acceptanceDue: r.acceptance_due, respondent: r.respondent, applicants: r.applicants ?? '',
    lateApplication: lateApplicationOf(applicationPeriodOf(calendar, r)), allowedActions: allowed.get(r.id) ?? [],
  };
}

/** Keyset cursor over (receipt_at, id): stable under concurrent inserts, no OFFSET scans. */
function decodeCursor(cursor?: string): [string, string] | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/.test(id)) return [at, id];
  } catch {
    /* fall through */
  }
  throw CaseErrors.invalid('cursor', '分页游标无效');
}

async function page(db: SqlRunner, actor: Actor, rows: Lists.QueueRow[], limit: number, calendar: WorkingCalendar, today: string): Promise<Page<QueueItem>> {
  const shown = rows.slice(0, limit);
  const allowed = await loadAllowedActions(db, actor, shown.map((r) => r.id), today);
  const items = shown.map((r) => toQueueItem(r, calendar, allowed));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.receiptAt, last.caseId])).toString('base64url') : null,
  };
}

@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly ds: DataSource, private readonly cipher: FieldCipher, private readonly calendars: CalendarService,
    private readonly riskHooks: CaseRiskHooks, private readonly time: TimeSource, private readonly uow: UnitOfWork,
  ) {}

  /** 区级收件队列: applications awaiting acceptance review from every township, oldest first. */
  async intakeQueue(actor: Actor, limit: number, cursor?: string): Promise<Page<QueueItem>> {
    const after = decodeCursor(cursor);
    const rows = await Lists.intakeQueueRows(this.ds, CaseState.Registered, limit + 1, after);
    return page(this.ds, actor, rows, limit, await this.calendars.current(), shanghaiDate(this.time.now()));
  }

  /** What a township counter received (own township only), newest first. */
  async townshipApplications(actor: Actor, limit: number, cursor?: string, state?: ApplicationListState): Promise<Page<QueueItem>> {
    const after = decodeCursor(cursor);
    const params: unknown[] = [limit + 1];
    const where = applicationConditions(actor, state, params);
    if (after) {
      params.push(...after);
      where.push(`(c.receipt_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await Lists.newestApplicationRows(this.ds, where, params);
    return page(this.ds, actor, rows, limit, await this.calendars.current(), shanghaiDate(this.time.now()));
  }

  /** 404 (not 403) outside the actor's scope, so existence does not leak. */
  async assertVisible(actor: Actor, caseId: string): Promise<void> {
    if (!(await caseInScope(this.ds, caseId, caseScopeOf(actor)))) throw CaseErrors.notFound();
  }

  /**
   * For an operation that is not a state-machine move (issue 18: uploads, the dossier package): the same table as the
   * case's `allowedActions`, so what the console offers is what the server accepts. Throws 403 (role, handler rule) or
   * 409 (state); the caller has checked the case is visible.
   */
  async assertOperation(actor: Actor, caseId: string, op: CaseOp): Promise<void> {
    const facts = (await loadCaseFacts(this.ds, [caseId], shanghaiDate(this.time.now()))).get(caseId);
    if (!facts) throw CaseErrors.notFound();
    if (caseOperationAllowed(op, actor, facts)) return;
    const o = CASE_OPERATIONS[op];
    if (!o.roles.includes(actor.role)) throw new DomainError('CASE_ACTION_FORBIDDEN', `当前角色无权执行"${o.label}"`, 'forbidden');
    const notOwner = o.read ? null : ownershipRefusal(actor, { state: facts.state, handlerId: facts.handlerId });
    if (notOwner) throw notOwner;
    throw new DomainError('CASE_ILLEGAL_TRANSITION', `案件当前状态为"${CASE_STATE_LABELS[facts.state]}"，不能执行"${o.label}"`, 'conflict', { state: facts.state, action: op });
  }

  /**
   * What the acceptance review (ARL 30) must weigh besides the materials: the application period (ARL 20) with the
   * days over and the exceptions of ARL 20(2)/(3), and the absolute caps of ARL 21. Nothing here refuses anything.
   */
  async acceptanceReview(actor: Actor, caseId: string) {
    const c = await Lists.acceptanceReviewRow(this.ds, caseId, caseScopeOf(actor));
    if (!c) throw CaseErrors.notFound();
    const applicationPeriod = applicationPeriodOf(await this.calendars.current(), c);
    return {
      caseId: c.id, caseNumber: c.case_number, state: c.state, stateLabel: CASE_STATE_LABELS[c.state as CaseState], version: c.version,
      receivedOn: applicationPeriod.receivedOn, acceptanceDue: c.acceptance_due, reviewOutcome: c.review_outcome,
      applicationPeriod, lateApplication: lateApplicationOf(applicationPeriod),
    };
  }

  /**
   * The case as it now is (issue 11 item 5): the detail GET answers it, and so does every change to the case, read in
   * the change's own transaction (`manager`), with `allowedActions` for the caller. A change answers with personal data
   * masked (`personalDataMasked`): reading it in full is the audited detail GET (issue 14 item 5), not a side effect.
   */
  detail(actor: Actor, caseId: string, opts: { masked?: boolean } = {}): Promise<CaseResource> {
    return this.uow.read((m) => this.detailIn(m, actor, caseId, opts));
  }

  private async detailIn(q: EntityManager, actor: Actor, caseId: string, opts: { masked?: boolean }): Promise<CaseResource> {
    const c = await Lists.caseDetailRow(q, caseId, caseScopeOf(actor));
    if (!c) throw CaseErrors.notFound();
    const parties = await fullPartiesOfCase(q, caseId);
    const events = (await caseEventsWithDocumentOwner(q, caseId))
      .filter((e) => seesCaseEvent(actor, { type: e.type, data: e.data, documentOwnerKind: e.document_owner_kind }));
    const full = !opts.masked && FULL_PERSONAL_DATA_ROLES.includes(actor.role);
    return {
      id: c.id, caseNumber: c.case_number, state: c.state as CaseState, stateLabel: CASE_STATE_LABELS[c.state as CaseState], version: c.version,
      procedure: c.procedure, simplifiedReason: c.simplified_reason, townshipId: c.township_id, township: c.township, channel: c.channel,
      receiptAt: new Date(c.receipt_at).toISOString(), acceptanceDue: c.acceptance_due, acceptedOn: c.accepted_on, handlerId: c.handler_id,
      respondentDepartmentId: c.respondent_department_id, respondent: c.respondent, category: c.category,
      act: { type: c.act_type, documentNumber: c.act_document_number, date: c.act_date, knownDate: c.act_known_date, project: c.act_project, place: c.act_place },
      requests: c.requests, factsReasons: c.facts_reasons, materials: c.materials, reviewOutcome: c.review_outcome,
      personalDataMasked: !full,
      parties: parties.map((p) => this.partyView(p, full)),
      timeline: events.map((e) => ({ id: e.id, at: new Date(e.occurred_at).toISOString(), type: e.type, actorId: e.actor_id, data: e.data })),
      allowedActions: (await loadAllowedActions(q, actor, [c.id], shanghaiDate(this.time.now()))).get(c.id) ?? [],
      risks: await this.riskHooks.risksOf(q, caseId),
    };
  }

  /**
   * A change's answer: the case as it now is, plus what the change itself produced (a due date it started, the id of
   * what it created, a warning); the case's own keys are the resource's.
   */
  async afterChange<T extends object>(m: EntityManager, actor: Actor, caseId: string, result: T): Promise<CaseResource & Omit<T, 'caseId' | 'caseNumber' | 'state' | 'version'>> {
    const { caseId: _id, caseNumber: _n, state: _s, version: _v, ...produced } = result as Record<string, unknown>;
    return { ...(await this.detailIn(m, actor, caseId, { masked: true })), ...produced } as never;
  }

  private partyView(p: Row<'case_parties'>, full: boolean) {
    const id = this.cipher.decrypt(p.id_number_enc);
    const phone = this.cipher.decrypt(p.phone_enc);
    const address = this.cipher.decrypt(p.address_enc);
    return {
      id: p.id, role: p.role, kind: p.kind, name: p.name,
      idNumber: full ? id : maskIdNumber(id), phone: full ? phone : maskPhone(phone), address: full ? address : maskAddress(address),
      creditCode: p.credit_code, legalRepresentative: p.legal_representative,
    };
  }

  /**
   * Public status for the applicant: the stage explained in plain Chinese with the next legal step and its due date
   * (domain/public-stage.ts), read from the views public_case_status and public_case_clocks (migration Sunshine), which
   * hold no personal and no sealed field. A wrong code and an unknown number answer alike (404), and so do their delays
   * (429 with Retry-After): see public-lookup-throttle.ts (issue 14 item 10).
   */
  async publicStatus(caseNumber: string, queryCode: string, clientIp: string) {
    const keys = lookupKeys(caseNumber, clientIp);
    await countLookupAttempt(this.uow, keys);
    const c = await caseByNumber(this.ds, caseNumber);
    // The code is hashed for an unknown number too, so that both cost the same time.
    const expected = this.cipher.blindIndex(queryCode.toUpperCase(), `query-code:${caseNumber}`);
    if (!c || c.query_code_hash !== expected) throw CaseErrors.statusLookupFailed();
    await lookupSucceeded(this.ds, keys);
    const [status, rows] = await Promise.all([publicCaseStatus(this.ds, c.id), publicCaseClocks(this.ds, c.id)]);
    const s = status!; // the view shows every case: this one was just found
    const clocks = rows as PublicClock[]; // the view holds the open clocks only (running or paused)
    const stage = explainStage({ state: s.state as CaseState, procedure: s.procedure, suspensionGround: s.suspension_ground, clocks });
    return {
      caseNumber: s.case_number, ...stage,
      receivedOn: s.received_on, acceptedOn: s.accepted_on,
      acceptanceDue: clocks.find((k: PublicClock) => k.rule === 'acceptance-review')?.dueDate ?? null,
      lastUpdated: new Date(s.updated_at).toISOString(),
    };
  }
}
