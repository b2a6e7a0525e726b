import { UPHOLDING_DECISIONS, type DecisionType } from '@fuyi/cases';

/** How a first-instance administrative lawsuit ended (行政诉讼判决/裁定). */
export const JUDGMENT_KINDS = {
  dismissed_claim: { label: '判决驳回原告诉讼请求', upholds: true },
  revoked: { label: '判决撤销', upholds: false },
  confirmed_illegal: { label: '判决确认违法', upholds: false },
  ordered_performance: { label: '判决履行法定职责', upholds: false },
  changed: { label: '判决变更', upholds: false },
  confirmed_void: { label: '判决确认无效', upholds: false },
  suit_dismissed: { label: '裁定驳回起诉', upholds: true },
  withdrawn: { label: '原告撤诉', upholds: true },
} as const;
export type JudgmentKind = keyof typeof JUDGMENT_KINDS;
export const JUDGMENT_KIND_IDS = Object.keys(JUDGMENT_KINDS) as JudgmentKind[];

/**
 * Who is defendant after reconsideration, ALL 26 paragraph by paragraph:
 * (1) suing the act directly: the agency that made it; (2) after reconsideration, when the body upheld the act the
 * agency and the body are co-defendants, when it changed the act the body alone; (3) when the body made no decision
 * within the period: the agency if the act is sued, the body if its inaction is sued; (4) acts made jointly: the
 * agencies jointly; (5) acts by an entrusted organisation: the entrusting agency; (6) an abolished agency or moved
 * power: the agency that now exercises it.
 * Only (2) "upheld" makes the district a co-defendant. A refusal (不予受理, ARL 30) or a termination (终止, ARL 41,
 * incl. withdrawal) decides nothing on the merits: the applicant sues either the original act (the agency alone,
 * as under (1)/(3)) or the refusal itself (the district alone) — never co-defendant, so those suits record false.
 *
 * ALL 26(2): when the reconsideration body upheld the act — 维持, including 驳回复议请求 (ARL 68, 69) — the
 * body and the original agency are co-defendants; when it changed the act the body alone is defendant. Derived
 * from the case's decision, never typed by the user.
 */
export function isCoDefendant(decisionType: string | null | undefined): boolean {
  return !!decisionType && (UPHOLDING_DECISIONS as readonly string[]).includes(decisionType as DecisionType);
}

/** Case states a lawsuit may follow, and from which day the applicant could sue (null: not recorded on the case). */
export type LawsuitBasis = { coDefendant: boolean; since: string | null; against: 'decision' | 'refusal' | 'termination' };

export function lawsuitBasis(c: { state: string; decisionType?: string | null; decidedOn?: string | null; servedOn?: string | null; closedOn?: string | null }): LawsuitBasis | null {
  // A decision takes effect on service (ARL 75): it can be sued once served (ALL 45), not while merely decided.
  if (['served', 'archived'].includes(c.state)) {
    return c.decidedOn && c.servedOn ? { coDefendant: isCoDefendant(c.decisionType), since: c.servedOn, against: 'decision' } : null;
  }
  if (c.state === 'refused') return { coDefendant: false, since: null, against: 'refusal' };
  if (c.state === 'terminated') return { coDefendant: false, since: c.closedOn ?? null, against: 'termination' };
  return null;
}

export interface Hearing {
  heldOn: string;
  kind: 'hearing' | 'mediation' | 'pronouncement';
  /** 负责人出庭应诉: the agency head (or a deputy in charge) appeared in person. */
  headAppeared: boolean;
  note: string | null;
}

export const HEARING_KIND_LABELS: Record<Hearing['kind'], string> = { hearing: '开庭', mediation: '庭前调解', pronouncement: '宣判' };

/** 负责人出庭应诉 is counted at court hearings (开庭) only, not at pre-trial mediation or pronouncement sessions. */
export const COURT_HEARING_KINDS: readonly Hearing['kind'][] = ['hearing'];

/** The lawsuit counts as "head appeared" when the head appeared at any of its court hearings. */
export const headAppeared = (hearings: readonly Hearing[]): boolean => hearings.some((h) => h.headAppeared && COURT_HEARING_KINDS.includes(h.kind));

/** One entry per session: the same kind on the same day twice is the same hearing entered twice. */
export const hasDuplicateHearing = (hearings: readonly Hearing[]): boolean =>
  new Set(hearings.map((h) => `${h.heldOn}/${h.kind}`)).size !== hearings.length;
