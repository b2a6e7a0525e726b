import type { EntityManager } from 'typeorm';
import { ConsultationRecords } from '@fuyi/cases';
import type { Notifier } from '@fuyi/notifications';
import { latestApplicationWarning, type FileWarning } from '../domain/warnings';
import { fileAudience } from '../stores/assignments.store';

type Db = Pick<EntityManager, 'query'>;

export interface FileNotice {
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
}

/**
 * Tells the mediators currently on a file and, with `referrer`, whoever referred it (the counter or clerk in touch with
 * the applicant; also reaches a file still in the pool), in-app and on every channel. Returns how many were told.
 */
export async function notifyFileMediators(m: EntityManager, notifier: Notifier, fileId: string, n: FileNotice, referrer = false): Promise<number> {
  const ids = await fileAudience(m, fileId, referrer);
  return (await notifier.toUsers(m, ids, n)).length;
}

/**
 * The applicant's record: the latest application-period warning of a pre-filing file is copied onto the consultation
 * the applicant came to, where the township counter sees it (GET /consultations).
 */
export async function showOnConsultation(m: Db, consultationId: string | null, warnings: readonly FileWarning[]): Promise<void> {
  const w = latestApplicationWarning(warnings);
  if (!consultationId || !w) return;
  await ConsultationRecords.showMediationWarning(m, consultationId, { ...w });
}
