import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/** Consultations belong to the cases library; other libraries change a consultation only through these functions. */
export const ConsultationRecords = {
  /** Locks a consultation (e.g. two counters referring it to mediation at once get one file); null when none. */
  async lockForUpdate(m: Db, consultationId: string): Promise<{ townshipId: number | null; caseId: string | null; respondentDepartmentId: number | null } | null> {
    const [c]: Array<{ township_id: number | null; case_id: string | null; respondent_department_id: number | null }> = await m.query(
      'SELECT township_id, case_id, respondent_department_id FROM consultations WHERE id = $1 FOR UPDATE',
      [consultationId],
    );
    return c ? { townshipId: c.township_id, caseId: c.case_id, respondentDepartmentId: c.respondent_department_id } : null;
  },

  /**
   * Shows a mediation file's latest application-period warning (ARL 20) on the consultation the applicant came to,
   * where the township counter sees it (GET /consultations).
   */
  async showMediationWarning(m: Db, consultationId: string, warning: Record<string, unknown>): Promise<void> {
    await m.query('UPDATE consultations SET mediation_warning = $2 WHERE id = $1', [consultationId, JSON.stringify(warning)]);
  },
};
