import type { Procedure } from '../entities';

export type ReviewDecision =
  | { outcome: 'accept'; version: number; procedure: Procedure; simplifiedReason?: string; note?: string }
  | { outcome: 'request_correction'; version: number; items: string[]; note?: string }
  | { outcome: 'refuse'; version: number; reason: string; competentBody?: string };

export interface TransitionResult {
  acceptanceDue?: string;
  decisionDue?: string;
  caseId: string;
  caseNumber: string;
  state: string;
  version: number;
}
