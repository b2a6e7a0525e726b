import type { SqlRunner } from '@fuyi/platform';
import * as Consultations from '../stores/consultations.store';

type Db = SqlRunner;

/** Consultations belong to the cases library; other libraries change a consultation only through these functions. */
export const ConsultationRecords = {
  /** Locks a consultation (e.g. two counters referring it to mediation at once get one file); null when none. */
  async lockForUpdate(m: Db, consultationId: string): Promise<{ townshipId: number | null; caseId: string | null; respondentDepartmentId: number | null } | null> {
    const c = await Consultations.lockConsultation(m, consultationId);
    return c ? { townshipId: c.township_id, caseId: c.case_id, respondentDepartmentId: c.respondent_department_id } : null;
  },

  /**
   * Shows a mediation file's latest application-period warning (ARL 20) on the consultation the applicant came to,
   * where the township counter sees it (GET /consultations).
   */
  async showMediationWarning(m: Db, consultationId: string, warning: Record<string, unknown>): Promise<void> {
    await Consultations.setMediationWarning(m, consultationId, warning);
  },
};
