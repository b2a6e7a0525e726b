import type { EntityManager } from 'typeorm';
import { DomainError, type Actor } from '@fuyi/kernel';
import { checkAttendance, type AttendanceInput } from '../domain/attendance';
import type { HearingKind } from '../entities/case-hearing.entity';
import * as Hearings from '../stores/hearings.store';
import { partiesOfCase } from '../stores/parties.store';

export const AttendanceErrors = {
  hearingNotFound: () => new DomainError('HEARING_NOT_FOUND', '听取意见或听证记录不存在', 'not_found'),
  notHeld: (heldOn: string) =>
    new DomainError('HEARING_NOT_HELD', `该听取意见或听证（${heldOn}）尚未举行，请在举行并记录笔录后登记出席情况`, 'conflict', { heldOn }),
};

/**
 * Replaces the attendance of a held hearing, in the caller's transaction (after its version check). The hearing must
 * have taken place: held (minutes recorded) and not dated in the future.
 */
export async function writeAttendance(m: EntityManager, actor: Actor, caseId: string, hearingId: string, input: AttendanceInput, today: string) {
  const h = await Hearings.lockHearing(m, caseId, hearingId);
  if (!h) throw AttendanceErrors.hearingNotFound();
  if (h.status !== 'held' || h.held_on > today) throw AttendanceErrors.notHeld(h.held_on);
  const parties = await partiesOfCase(m, caseId);
  const checked = checkAttendance(h.kind as HearingKind, input, parties);
  const rows: Hearings.AttendanceRow[] = [
    ...checked.parties.map((a) => ({
      party_id: a.party.id, side: a.party.role, status: a.status, represented_by: a.representedBy?.trim() || null, head_attended: null, head_name: null,
    })),
    ...(checked.respondent
      ? [{
        party_id: null, side: 'respondent', status: checked.respondent.status, represented_by: checked.respondent.representedBy?.trim() || null,
        head_attended: checked.respondent.headAttended, head_name: checked.respondent.headName?.trim() || null,
      }]
      : []),
  ];
  await Hearings.replaceAttendance(m, hearingId, caseId, actor.userId, rows);
  return {
    parties: checked.parties.length,
    respondent: checked.respondent?.status ?? null,
    respondentHeadAttended: checked.respondent ? checked.respondent.headAttended : null,
  };
}
