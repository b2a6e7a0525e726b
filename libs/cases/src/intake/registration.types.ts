import type { Channel, PartyKind } from '../entities';
import type { LateApplication } from '../domain/application-period.view';

export interface PartyInput {
  kind: PartyKind;
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  creditCode?: string;
  legalRepresentative?: string;
}

export interface RegistrationInput {
  applicants: PartyInput[];
  agent?: PartyInput;
  respondentDepartmentId: number;
  category: string;
  /** project and place (of the land or structure, never the applicant's address) let detection find group disputes. */
  act: { type: string; documentNumber?: string; date?: string; knownDate: string; project?: string; place?: string };
  requests: string;
  factsReasons: string;
  channel: Channel;
  /** Stamped receipt time at the counter (ISO 8601); defaults to now. */
  receivedAt?: string;
  /**
   * Posted applications (channel 'post'): the postmark date. ARL 88(1) → CPL 85(4): a document posted before the period
   * expires is on time, so the application date for ARL 20 is the postmark; the review periods still run from receipt.
   */
  postmarkedOn?: string;
  /** Only district staff may set it; a township clerk always registers for its own township. */
  townshipId?: number | null;
  materials: Array<{ name: string; copies: number }>;
  consultationId?: string;
}

export interface Receipt {
  title: string;
  caseNumber: string;
  queryCode: string;
  receivedAt: string;
  receivingOffice: string;
  applicants: string[];
  respondent: string;
  materials: Array<{ name: string; copies: number }>;
  acceptanceDue: string;
  notice: string;
  /** ARL 20-21: set when the application came after the 60-day period or the absolute cap; never a refusal. */
  lateApplication: (LateApplication & { notice: string }) | null;
}

export interface RegistrationResult {
  caseId: string;
  caseNumber: string;
  queryCode: string;
  version: number;
  state: string;
  acceptanceDue: string;
  receipt: Receipt;
}
