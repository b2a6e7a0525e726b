import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { LiaisonDueDates, lawsuitDefenceDue } from './due-dates';
import { LiaisonErrors } from './liaison-errors';
import { moveRow } from './row-move';
import { assertNotFuture } from './today';
import * as Lawsuits from '../stores/lawsuits.store';

export interface DirectLawsuitFiling {
  court: string;
  courtCaseNumber: string;
  filedOn: string;
  /** A district department; omitted or null: the district government itself. */
  defendantDepartmentId?: number | null;
  plaintiffs: string[];
  /** 被诉行政行为, e.g. 房屋征收决定（通政征〔2026〕3号）. */
  act: string;
  complaintReceivedOn?: string;
}

export const DefenceErrors = {
  notDistrictBody: () =>
    new DomainError('LIAISON_DEFENDANT_NOT_DISTRICT', '只能登记以区人民政府或其工作部门为被告的行政诉讼；街道、乡镇作被告的由其自行应诉', 'invalid', {
      fields: [{ field: 'defendantDepartmentId', message: '应为区人民政府工作部门' }],
    }),
  complaintNotReceived: () =>
    new DomainError('LIAISON_COMPLAINT_NOT_RECEIVED', '尚未登记收到起诉状副本，答辩期限未起算（《行政诉讼法》第六十七条）', 'conflict'),
  defenceSubmitted: (on: string) =>
    new DomainError('LIAISON_DEFENCE_SUBMITTED', `答辩状已于${on}提交，不能再修改收到起诉状副本日期或重复登记`, 'conflict', { defenceSubmittedOn: on }),
};

const NO_STATES: Record<string, string> = {};

/**
 * 行政应诉 beyond reconsideration: suits against the district government or one of its departments recorded without a
 * case, and the defendant's defence period of every lawsuit (ALL 67: 15 days from receiving the complaint copy), stored
 * on the lawsuit with its provisional flag and explanation, reminded by the liaison scan and recomputed on calendar changes.
 */
@Injectable()
export class LawsuitDefenceService {
  constructor(private readonly audit: AuditService, private readonly time: TimeSource, private readonly dues: LiaisonDueDates) {}

  async recordWithoutCase(m: EntityManager, actor: Actor, f: DirectLawsuitFiling) {
    assertNotFuture(this.time, 'filedOn', f.filedOn);
    const defendantId = f.defendantDepartmentId ?? null;
    let defendant = '区人民政府';
    if (defendantId !== null) {
      const dep = await Lawsuits.department(m, defendantId);
      if (!dep) throw LiaisonErrors.unknownDepartment('defendantDepartmentId');
      if (dep.kind !== 'department') throw DefenceErrors.notDistrictBody();
      defendant = dep.name;
    }
    if (await Lawsuits.courtNumberTaken(m, f.court, f.courtCaseNumber)) throw LiaisonErrors.lawsuitDuplicate();
    if (f.complaintReceivedOn) assertNotFuture(this.time, 'complaintReceivedOn', f.complaintReceivedOn);
    const due = f.complaintReceivedOn ? await this.defenceDue(m, f.filedOn, f.complaintReceivedOn, 'complaintReceivedOn') : null;
    const row = await Lawsuits.insertDirectLawsuit(m, {
      court: f.court, courtCaseNumber: f.courtCaseNumber, filedOn: f.filedOn, defendantDepartmentId: defendantId, plaintiffs: f.plaintiffs.map((p) => p.trim()),
      act: f.act.trim(), complaintReceivedOn: f.complaintReceivedOn ?? null, defenceDue: due?.due ?? null, defenceDueProvisional: due?.provisional ?? false,
      defenceDueExplanationJson: due ? JSON.stringify(due.explanation) : null, recordedBy: actor.userId,
    });
    await this.audited(m, actor, row.id, 'record', { origin: 'direct', defendantDepartmentId: defendantId, defenceDue: due?.due ?? null });
    return {
      id: row.id, version: row.version, origin: 'direct', caseId: null, defendantDepartmentId: defendantId, defendant,
      defenceDue: due?.due ?? null, defenceDueProvisional: due?.provisional ?? false,
    };
  }

  /** The defendant received the complaint copy: its 15-day defence period runs (a correction before the defence is filed). */
  async complaintReceived(m: EntityManager, actor: Actor, id: string, v: { version: number; receivedOn: string }) {
    assertNotFuture(this.time, 'receivedOn', v.receivedOn);
    const cur = await this.current(m, id, v.version);
    if (cur.defence_submitted_on) throw DefenceErrors.defenceSubmitted(cur.defence_submitted_on);
    const due = await this.defenceDue(m, cur.filed_on, v.receivedOn, 'receivedOn');
    const row = await moveRow<any>(m, {
      subject: 'lawsuit', id, expectedVersion: v.version, from: null, what: '登记收到起诉状副本', labels: NO_STATES,
      set: { complaint_received_on: v.receivedOn, defence_due: due.due, defence_due_provisional: due.provisional, defence_due_explanation: JSON.stringify(due.explanation) },
    });
    await this.audited(m, actor, id, 'complaint-received', { version: row.version, receivedOn: v.receivedOn, defenceDue: due.due });
    return { id, version: row.version, complaintReceivedOn: v.receivedOn, defenceDue: due.due, defenceDueProvisional: due.provisional, defenceDueExplanation: due.explanation };
  }

  /** The defence and evidence went to the court: on time when on or before the due date (ALL 67, ALL 34). */
  async defenceSubmitted(m: EntityManager, actor: Actor, id: string, v: { version: number; submittedOn: string }) {
    assertNotFuture(this.time, 'submittedOn', v.submittedOn);
    const cur = await this.current(m, id, v.version);
    if (cur.defence_submitted_on) throw DefenceErrors.defenceSubmitted(cur.defence_submitted_on);
    if (!cur.complaint_received_on) throw DefenceErrors.complaintNotReceived();
    if (v.submittedOn < cur.complaint_received_on) throw LiaisonErrors.invalid('submittedOn', '提交答辩状日期不能早于收到起诉状副本日期');
    const row = await moveRow<any>(m, {
      subject: 'lawsuit', id, expectedVersion: v.version, from: null, what: '登记提交答辩状', labels: NO_STATES, set: { defence_submitted_on: v.submittedOn },
    });
    const onTime = v.submittedOn <= cur.defence_due!;
    await this.audited(m, actor, id, 'defence-submitted', { version: row.version, submittedOn: v.submittedOn, onTime });
    return { id, version: row.version, defenceSubmittedOn: v.submittedOn, defenceDue: cur.defence_due, onTime };
  }

  private async defenceDue(m: EntityManager, filedOn: string, receivedOn: string, field: string) {
    // ALL 67: the court sends the copy within 5 days of registering the case: it cannot reach the defendant earlier.
    if (receivedOn < filedOn) throw LiaisonErrors.invalid(field, '收到起诉状副本日期不能早于起诉（立案）日期');
    return lawsuitDefenceDue(await this.dues.calendar(m), receivedOn);
  }

  /** The row under lock, the version checked first (a stale client learns that before anything else). */
  private async current(m: EntityManager, id: string, version: number) {
    const cur = await Lawsuits.lockForDefence(m, id);
    if (!cur) throw LiaisonErrors.notFound('lawsuit');
    if (cur.version !== version) throw LiaisonErrors.versionConflict('lawsuit', version, cur.version);
    return cur;
  }

  private audited(m: EntityManager, actor: Actor, id: string, action: string, summary: Record<string, unknown>) {
    return this.audit.record(m, { action: `liaison.lawsuit.${action}`, subjectType: 'lawsuit', subjectId: id, actor, summary });
  }
}
