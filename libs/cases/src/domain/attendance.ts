import { DomainError } from '@fuyi/kernel';
import type { HearingKind } from '../entities/case-hearing.entity';

/**
 * Who took part in a hearing of the parties (听取意见, ARL 49) or a formal hearing (听证, ARL 50-51): each applicant
 * and third party in person, through an agent, or not at all; the respondent likewise, and whether its head (负责人)
 * took part in person, so the office can report heads' participation in reconsideration as it does in court (ALL 3).
 * Plain data: the service loads the case's parties and writes what this accepts.
 */
export type AttendanceStatus = 'attended' | 'represented' | 'absent';
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['attended', 'represented', 'absent'];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = { attended: '本人出席', represented: '委托代理人出席', absent: '未出席' };

export interface PartyAttendanceInput {
  partyId: string;
  status: AttendanceStatus;
  /** The agent who appeared instead ('represented' only). */
  representedBy?: string;
}

export interface RespondentAttendanceInput {
  /** attended: the agency appeared through its head or its own staff; represented: only through an entrusted agent. */
  status: AttendanceStatus;
  representedBy?: string;
  /** The respondent's head (负责人, or a deputy in charge) took part in person. */
  headAttended: boolean;
  /** Post and name of the head who took part, e.g. 副局长 李强. */
  headName?: string;
}

export interface AttendanceInput {
  parties: PartyAttendanceInput[];
  /** Absent from a listening session that heard only the applicant side; required at a formal hearing. */
  respondent?: RespondentAttendanceInput;
}

export interface CaseParty {
  id: string;
  role: string;
  name: string;
}

const invalid = (field: string, message: string) =>
  new DomainError('HEARING_ATTENDANCE_INVALID', message, 'invalid', { fields: [{ field, message }] });

/** Applicants and third parties attend; agents appear for them (recorded as `representedBy`). */
const ATTENDING_ROLES = ['applicant', 'third_party'];

/** Checks one hearing's attendance against the case's parties; returns the rows to store, in the parties' order. */
export function checkAttendance(kind: HearingKind, input: AttendanceInput, parties: readonly CaseParty[]) {
  const attending = parties.filter((p) => ATTENDING_ROLES.includes(p.role));
  const seen = new Set<string>();
  input.parties.forEach((a, i) => {
    const field = `parties[${i}]`;
    if (!attending.some((p) => p.id === a.partyId)) throw invalid(`${field}.partyId`, '该当事人不是本案申请人或第三人');
    if (seen.has(a.partyId)) throw invalid(`${field}.partyId`, '同一当事人重复登记');
    seen.add(a.partyId);
    checkRepresentation(field, a.status, a.representedBy);
  });
  const r = input.respondent;
  if (r) {
    checkRepresentation('respondent', r.status, r.representedBy);
    if (r.headAttended && r.status !== 'attended') throw invalid('respondent.headAttended', '被申请人负责人参加的，被申请人出席情况应为“本人出席”');
    if (!r.headAttended && r.headName) throw invalid('respondent.headName', '负责人未参加时不填写负责人姓名');
  }
  if (kind === 'formal') {
    // ARL 50-51: a formal hearing is held with the parties: every applicant, third party and the respondent is accounted for.
    const missing = attending.filter((p) => !seen.has(p.id)).map((p) => p.name);
    if (missing.length || !r) {
      const who = [...missing, ...(r ? [] : ['被申请人'])];
      throw new DomainError('HEARING_ATTENDANCE_INCOMPLETE', `听证应登记全部当事人的出席情况，尚缺：${who.join('、')}`, 'invalid', {
        missing: who,
        fields: [
          ...(missing.length ? [{ field: 'parties', message: `尚缺：${missing.join('、')}` }] : []),
          ...(r ? [] : [{ field: 'respondent', message: '听证须登记被申请人的出席情况' }]),
        ],
      });
    }
  } else if (!input.parties.length && !r) {
    throw invalid('parties', '请至少登记一方当事人的出席情况');
  }
  return { parties: attending.filter((p) => seen.has(p.id)).map((p) => ({ party: p, ...input.parties.find((a) => a.partyId === p.id)! })), respondent: r ?? null };
}

function checkRepresentation(field: string, status: AttendanceStatus, representedBy: string | undefined): void {
  if (status === 'represented' && !representedBy?.trim()) throw invalid(`${field}.representedBy`, '委托代理人出席的，请填写代理人姓名');
  if (status !== 'represented' && representedBy) throw invalid(`${field}.representedBy`, '仅委托代理人出席时填写代理人');
}
