import { chineseNumeral, DomainError, shanghaiDate } from '@fuyi/kernel';
import type { SqlRunner } from '@fuyi/platform';
import { DECISION_TYPES, SUSPENSION_GROUNDS, type DecisionType } from '@fuyi/cases';
import { DocumentErrors } from './domain/document-errors';
import type { DocumentData, DocumentType } from './domain/document-types';
import * as Records from './stores/case-records.store';

type Db = SqlRunner;
/** A step recorded as JSON on the case (review outcome, decision, closure, hearing panel). */
type Recorded = Record<string, any> | null;

const missing = (message: string) => new DomainError('DOCUMENT_RECORD_MISSING', message, 'conflict');
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 'ARL 64' → 第六十四条. */
const article = (ref: string) => `第${chineseNumeral(Number(ref.replace(/\D/g, '')))}条`;

/**
 * The facts a document type prints beyond the common ones (caseFacts), read from the record: the review outcome, the
 * recorded suspension and resumption, the approved extension, termination and decision, the scheduled hearing. The
 * request supplies only what the template declares under "request" (e.g. a hearing's time of day): passed in `request`.
 * A step the record does not hold is refused (409 DOCUMENT_RECORD_MISSING), never filled in from the request.
 */
export async function recordFacts(m: Db, caseId: string, type: DocumentType, request: DocumentData): Promise<DocumentData> {
  const c = await Records.caseRecord(m, caseId);
  if (!c) throw DocumentErrors.caseNotFound();
  switch (type) {
    case 'correction-notice': {
      const items = (c.review_outcome as Recorded)?.items;
      if (!Array.isArray(items) || !items.length) throw missing('本案没有记录补正事项，不能出具补正通知书');
      return { items: items.map(String) };
    }
    case 'refusal-decision': {
      const r = c.review_outcome as Recorded;
      if (r?.outcome !== 'refuse' || !r.reason) throw missing('本案没有记录不予受理的理由，不能出具不予受理决定书');
      // ARL 30(2): a body without jurisdiction names the competent one in the refusal.
      return { reason: r.competentBody ? `${r.reason}；有管辖权的行政复议机关为${r.competentBody}` : String(r.reason) };
    }
    case 'hearing-notice':
      return hearingFacts(m, caseId, request);
    case 'suspension-notice': {
      const s = await latestSuspension(m, caseId);
      if (!s) throw missing('本案没有中止记录，不能出具中止行政复议通知书');
      return { suspendedOn: s.from, ground: chineseNumeral(s.ground), reason: s.reason ?? SUSPENSION_GROUNDS[s.ground] };
    }
    case 'resumption-notice': {
      const r = await Records.latestResumption(m, caseId);
      const s = r ? await latestSuspension(m, caseId, r.id) : null;
      if (!r || !s) throw missing('本案没有恢复审理记录，不能出具恢复行政复议审理通知书');
      return { suspendedOn: s.from, resumedOn: r.on };
    }
    case 'extension-notice': {
      const e = await Records.latestExtension(m, caseId);
      if (!e) throw missing('本案没有经批准的延长审理期限记录，不能出具延长审理期限通知书');
      return { reason: e.reason, approvedOn: e.approved_on ?? shanghaiDate(new Date(e.occurred_at)) };
    }
    case 'termination-decision': {
      const t = c.closure as Recorded;
      if (t?.kind !== 'terminated') throw missing('本案没有经批准的终止记录，不能出具终止行政复议决定书');
      return { ground: chineseNumeral(Number(t.ground)), reason: String(t.reason), terminatedOn: String(t.on) };
    }
    case 'decision':
      return decisionFacts({ decision: c.decision as Recorded, requests: c.requests, facts_reasons: c.facts_reasons });
    case 'mediation-document':
      return { requests: c.requests, ...(request.items !== undefined ? { items: request.items } : {}) };
    default:
      return {};
  }
}

/** ARL 64-72: the approved decision word for word, its type and article, and the approval date. */
function decisionFacts(c: { decision: Record<string, any> | null; requests: string; facts_reasons: string }): DocumentData {
  const d = c.decision;
  if (!d?.approvedBy || !d.decidedOn) throw missing('本案的行政复议决定尚未经机构负责人批准，不能出具行政复议决定书');
  const t = DECISION_TYPES[d.type as DecisionType];
  const terms = [
    t.label,
    ...(d.redoPeriodDays ? [`责令被申请人自收到本决定书之日起${d.redoPeriodDays}日内重新作出行政行为`] : []),
    ...(d.compensationYuan != null ? [`被申请人赔偿申请人人民币${d.compensationYuan}元`] : []),
  ];
  return {
    requests: c.requests, applicantClaims: c.facts_reasons,
    decisionText: String(d.summary).split(/\r?\n/).map((p) => p.trim()).filter(Boolean),
    decisionType: terms.join('，'), legalBasis: article(t.article), decidedOn: d.decidedOn,
  };
}

/** ARL 51: the formal hearing the case has scheduled (the latest), with the time of day the record does not hold. */
async function hearingFacts(m: Db, caseId: string, request: DocumentData): Promise<DocumentData> {
  const h = await Records.scheduledHearing(m, caseId);
  if (!h) throw missing('本案尚未安排听证，请先安排听证（合议组、听证日期和地点）再出具听证通知书');
  const time = request.hearingTime;
  if (time !== undefined && (typeof time !== 'string' || !HH_MM.test(time))) throw DocumentErrors.dataInvalid('hearingTime', '听证开始时间格式应为 时:分，如 09:30');
  const panel = h.panel as Record<string, any>;
  return {
    ...(time !== undefined ? { hearingAt: `${h.held_on} ${time}` } : {}),
    hearingPlace: h.place, presidingOfficer: panel.presiding, hearingOfficers: panel.officers, hearingClerk: panel.clerk,
    ...(request.hearingMatters !== undefined ? { hearingMatters: request.hearingMatters } : {}),
  };
}

/** The suspension recorded before `beforeEvent` (the open one when omitted on a suspended case, else the latest). */
async function latestSuspension(m: Db, caseId: string, beforeEvent?: string): Promise<{ from: string; ground: number; reason: string | null } | null> {
  return (await Records.latestSuspension(m, caseId, beforeEvent ?? null)) ?? null;
}
