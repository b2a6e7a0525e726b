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
 * ALL 26(2): when the reconsideration body upheld the act — 维持, including 驳回复议请求 (ARL 68, 69) — the
 * body and the original agency are co-defendants; when it changed the act the body alone is defendant. Derived
 * from the case's decision, never typed by the user.
 */
export function isCoDefendant(decisionType: string | null | undefined): boolean {
  return !!decisionType && (UPHOLDING_DECISIONS as readonly string[]).includes(decisionType as DecisionType);
}

export interface Hearing {
  heldOn: string;
  kind: 'hearing' | 'mediation' | 'pronouncement';
  /** 负责人出庭应诉: the agency head (or a deputy in charge) appeared in person. */
  headAppeared: boolean;
  note: string | null;
}

export const HEARING_KIND_LABELS: Record<Hearing['kind'], string> = { hearing: '开庭', mediation: '庭前调解', pronouncement: '宣判' };

/** The lawsuit counts as "head appeared" when the head appeared at any of its hearings. */
export const headAppeared = (hearings: readonly Hearing[]): boolean => hearings.some((h) => h.headAppeared);
