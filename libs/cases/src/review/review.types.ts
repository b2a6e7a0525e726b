import type { Procedure } from '../entities';

/** `decidedOn`: the decision's real date when entered afterwards from the paper file (issue 12 item 13). */
export type ReviewDecision =
  | { outcome: 'accept'; version: number; procedure: Procedure; simplifiedReason?: string; note?: string; decidedOn?: string }
  | { outcome: 'request_correction'; version: number; items: string[]; note?: string; decidedOn?: string }
  | { outcome: 'refuse'; version: number; reason: string; competentBody?: string; decidedOn?: string };

export interface TransitionResult {
  acceptanceDue?: string;
  decisionDue?: string;
  caseId: string;
  caseNumber: string;
  state: string;
  version: number;
}
