import type { MediationCategory, MediationSource, PartyRole } from '../domain/mediation-types';

export interface MediationPartyInput {
  role: PartyRole;
  name: string;
  idNumber?: string;
  phone?: string;
}

export interface ReferralInput {
  source: MediationSource;
  category: MediationCategory;
  applicantWants: string;
  townshipId?: number;
  respondentDepartmentId?: number;
  /** intake: the consultation the applicant came to. */
  consultationId?: string;
  /** intake: the applicant agrees to try mediation before filing. */
  applicantConsent?: boolean;
  /** intake: when the applicant learned of the act (ARL 20 period). */
  actKnownDate?: string;
  /** window / case: the application or accepted case. */
  caseId?: string;
  /** case: the case's version (its suspension is part of the referral). */
  caseVersion?: number;
  /** case (ARL 39(1)(6)): both must agree to suspend. */
  consent?: { applicant: boolean; respondent: boolean };
  suspendFrom?: string;
  courtReference?: string;
  parties?: MediationPartyInput[];
}
