import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, FieldCipher, TimeSource } from '@fuyi/platform';
import { CalendarService } from '@fuyi/clocks';
import { computeDeadline } from '@fuyi/deadlines';
import { CaseErrors } from '../domain/case-errors';
import type { PartyInput } from '../intake/registration.types';
import { insertParties } from '../intake/party-writer';
import { GROUP_SIZE, hearingRefusal, type HearingStatus, type WaiverKind } from '../domain/hearing-rules';
import { editCase } from './case-edit';
import { assertInScope } from '../queries/case-scope';
import { writeAttendance } from './attendance.writer';
import type { AttendanceInput } from '../domain/attendance';
import { CASE_OPERATIONS, CaseOp } from '../domain/case-actions';
import { hearingWaivers, recordHearingWaiver } from './hearing-waivers';
import * as Hearings from '../stores/hearings.store';
import { partyOfCase } from '../stores/parties.store';
import { caseHearingFacts, openClustersOfCase } from '../stores/case-reads.store';


export interface HearingInput {
  version: number;
  kind: 'listening' | 'formal';
  heldOn: string;
  place: string;
  panel?: { presiding: string; officers: string[]; clerk: string };
  noticeSentOn?: string;
}

/** Third parties and agents (ARL 16-17), hearing the parties (ARL 49) and formal hearings (ARL 50-51). */
@Injectable()
export class ParticipationService {
  constructor(private readonly audit: AuditService, private readonly cipher: FieldCipher, private readonly calendars: CalendarService, private readonly time: TimeSource) {}

  async addParty(m: EntityManager, actor: Actor, caseId: string, v: { version: number; role: 'third_party' | 'agent'; party: PartyInput }) {
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.AddParty].states, event: `${v.role}_added`, data: { name: v.party.name, kind: v.party.kind }, what: '追加当事人' });
    const [partyId] = await insertParties(m, this.cipher, caseId, [{ party: v.party, role: v.role }]);
    return { caseId, version: c.version, partyId };
  }

  /** The written notice to a third party, recorded with method and date (the document itself comes from the documents library). */
  async partyNotified(m: EntityManager, actor: Actor, caseId: string, v: { version: number; partyId: string; method: string; notifiedOn: string }) {
    if (v.notifiedOn > shanghaiDate(this.time.now())) throw CaseErrors.invalid('notifiedOn', '通知日期不能晚于今天');
    const p = await partyOfCase(m, caseId, v.partyId);
    if (!p) throw CaseErrors.invalid('partyId', '该当事人不属于本案');
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.NotifyParty].states, event: 'party_notified', data: v, what: '记录通知' });
    return { caseId, version: c.version };
  }

  /**
   * Schedules hearing the parties or a formal hearing. A formal hearing needs a presiding officer, at least two hearing
   * officers and a clerk, and a written notice at least 5 working days before (ARL 51): a date that breaks it is refused.
   */
  async schedule(m: EntityManager, actor: Actor, caseId: string, h: HearingInput) {
    if (h.kind === 'formal') {
      if (!h.panel || h.panel.officers.length < 2) throw CaseErrors.invalid('panel', '听证须由一名主持人、至少两名听证员和一名记录员组成（第五十一条）');
      if (!h.noticeSentOn) throw CaseErrors.invalid('noticeSentOn', '听证须提前书面通知当事人，请填写通知送出日期');
      const latest = computeDeadline({ rule: 'hearing-notice', start: h.heldOn }, await this.calendars.current(m));
      if (h.noticeSentOn > latest.due) {
        throw new DomainError('HEARING_NOTICE_TOO_LATE', `听证通知最迟应于${latest.due}送出（听证日前5个工作日，第五十一条）`, 'unprocessable', {
          fields: [{ field: 'heldOn', message: `按已送出的通知，听证日期最早为第5个工作日之后；通知最迟应于${latest.due}送出` }], latestNoticeDate: latest.due,
        });
      }
    }
    const c = await editCase(m, this.audit, { caseId, expectedVersion: h.version, actor, allowed: CASE_OPERATIONS[CaseOp.ScheduleHearing].states, event: `${h.kind}_hearing_scheduled`, data: { heldOn: h.heldOn, place: h.place }, what: '安排听取意见或听证' });
    const hearingId = await Hearings.scheduleHearing(m, {
      case_id: caseId, kind: h.kind, held_on: h.heldOn, place: h.place, panel: h.panel ?? null, notice_sent_on: h.noticeSentOn ?? null,
    });
    return { caseId, version: c.version, hearingId };
  }

  /** The minutes, and who attended when given (the same as PUT …/attendance afterwards). */
  async recordMinutes(m: EntityManager, actor: Actor, caseId: string, hearingId: string, v: { version: number; minutes: string; attendance?: AttendanceInput }) {
    // Minutes record what was said at a hearing that took place (ARL 61(2) decides on them): never before its day
    // (follow-up f of issue 12). Out of scope is 404 before the hearing day is told.
    await assertInScope(m, actor, caseId);
    const h = await Hearings.hearingDay(m, caseId, hearingId);
    if (h && h.held_on > shanghaiDate(this.time.now())) {
      throw new DomainError('HEARING_NOT_YET_HELD', `该听证（听取意见）定于${h.held_on}举行，尚未举行，不能记录笔录`, 'conflict', { heldOn: h.held_on });
    }
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.ScheduleHearing].states, event: 'hearing_held', data: { hearingId }, what: '记录笔录' });
    if (!(await Hearings.recordMinutes(m, caseId, hearingId, v.minutes))) throw CaseErrors.invalid('hearingId', '听证记录不存在'); // the transaction rolls back the edit above
    if (v.attendance) await writeAttendance(m, actor, caseId, hearingId, v.attendance, shanghaiDate(this.time.now()));
    return { caseId, version: c.version };
  }

  /** ARL 52: the consultation committee's opinion on a major, difficult or complex case, recorded on the case. */
  async committeeOpinion(m: EntityManager, actor: Actor, caseId: string, v: { version: number; meetingOn: string; opinion: string }) {
    if (v.meetingOn > shanghaiDate(this.time.now())) throw CaseErrors.invalid('meetingOn', '咨询委员会会议日期不能晚于今天');
    const c = await editCase(m, this.audit, { caseId, expectedVersion: v.version, actor, allowed: CASE_OPERATIONS[CaseOp.CommitteeOpinion].states, event: 'committee_opinion', data: v, what: '记录咨询委员会意见' });
    return { caseId, version: c.version };
  }

  /** ARL 49 and 50: what the law requires before deciding this case. */
  async requirements(m: EntityManager, caseId: string) {
    const c = await caseHearingFacts(m, caseId);
    if (!c) throw CaseErrors.notFound();
    const held = await Hearings.heldHearingKinds(m, caseId);
    // Clusters are found by court liaison (libs/liaison, which depends on this library): read through its table, a
    // stable read contract, rather than a port that every module hosting this service would have to provide.
    const clusters = await openClustersOfCase(m, caseId);
    // ARL 50: major, difficult or complex cases — group disputes included — must have a formal hearing. A group
    // dispute here: 5 or more applicants on the case, or the case belongs to an open group-dispute cluster.
    const reasons = [
      ...(c.applicants >= GROUP_SIZE ? [`本案申请人${c.applicants}人，属群体性纠纷`] : []),
      ...clusters.map((g) => `本案属群体性纠纷线索“${g.key_label}”（${g.first_on}至${g.last_on}共${g.member_count}件申请或咨询），属群体性纠纷`),
    ];
    const waivers = await hearingWaivers(m, caseId);
    const status: HearingStatus = {
      listeningRequired: c.procedure === 'ordinary',
      listeningDone: held.some((h) => h.kind === 'listening' || h.kind === 'formal'),
      listeningWaiver: waivers.listening,
      formalHearingMandatory: reasons.length > 0,
      formalHearingHeld: held.some((h) => h.kind === 'formal'),
      formalHearingWaiver: waivers.formal,
      reasons,
    };
    const refusal = hearingRefusal(status);
    return {
      ...status,
      /** Whether the decision may be submitted as far as ARL 49-50 go; if not, why (the refusal's message). */
      readyToDecide: !refusal,
      blocker: refusal ? { code: refusal.code, message: refusal.message } : null,
      note: '重大、疑难、复杂案件（含群体性纠纷）应当组织听证（第五十条）。',
    };
  }

  /** ARL 49 / 51(2): why the parties could not be heard (written review), or why no formal hearing was held. */
  waive(m: EntityManager, actor: Actor, caseId: string, v: { version: number; kind: WaiverKind; reason: string }) {
    return recordHearingWaiver(m, this.audit, actor, caseId, v, shanghaiDate(this.time.now()));
  }
}
