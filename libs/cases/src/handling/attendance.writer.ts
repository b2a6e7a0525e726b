import type { EntityManager } from 'typeorm';
import { DomainError, type Actor } from '@fuyi/kernel';
import { checkAttendance, type AttendanceInput } from '../domain/attendance';
import type { HearingKind } from '../entities/case-hearing.entity';

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
  const [h] = await m.query('SELECT kind, status, held_on FROM case_hearings WHERE id = $1 AND case_id = $2 FOR UPDATE', [hearingId, caseId]);
  if (!h) throw AttendanceErrors.hearingNotFound();
  if (h.status !== 'held' || h.held_on > today) throw AttendanceErrors.notHeld(h.held_on);
  const parties = await m.query('SELECT id, role, name FROM case_parties WHERE case_id = $1 ORDER BY role, position', [caseId]);
  const checked = checkAttendance(h.kind as HearingKind, input, parties);
  await m.query('DELETE FROM case_hearing_attendance WHERE hearing_id = $1', [hearingId]);
  const rows = [
    ...checked.parties.map((a) => [a.party.id, a.party.role, a.status, a.representedBy?.trim() || null, null, null]),
    ...(checked.respondent
      ? [[null, 'respondent', checked.respondent.status, checked.respondent.representedBy?.trim() || null, checked.respondent.headAttended, checked.respondent.headName?.trim() || null]]
      : []),
  ];
  await m.query(
    `INSERT INTO case_hearing_attendance (hearing_id, case_id, party_id, side, status, represented_by, head_attended, head_name, recorded_by)
     SELECT $1, $2, party_id, side, status, represented_by, head_attended, head_name, $3
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[]) AS t(party_id, side, status, represented_by, head_attended, head_name)`,
    [hearingId, caseId, actor.userId, ...[0, 1, 2, 3, 4, 5].map((k) => rows.map((r) => r[k]))],
  );
  return {
    parties: checked.parties.length,
    respondent: checked.respondent?.status ?? null,
    respondentHeadAttended: checked.respondent ? checked.respondent.headAttended : null,
  };
}
