import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { Notifier } from '@fuyi/notifications';
import { conflictOf } from '../domain/conflict-check';
import { MediationErrors } from '../domain/mediation-errors';
import { MediationAction, MediationState, nextMediationState } from '../domain/mediation-state';
import { applicationPeriodWarning, withWarning } from '../domain/warnings';
import { capacitiesOf, checkVersion, loadVisibleFile, moveFile, type FileRow } from './file-access';
import { MediationClock } from './mediation-clock';
import { notifyFileMediators, showOnConsultation } from './notices';
import * as Assignments from '../stores/assignments.store';
import { partiesForConflictCheck } from '../stores/parties.store';

type Candidate = Assignments.CandidateRow;

/** Assignment by the coordinator (skill, load, conflict check), parties' objections, taking the file, extensions. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: MediationClock,
    private readonly notifier: Notifier,
    private readonly time: TimeSource,
  ) {}

  /** Mediators ranked for a file: without conflict or objection first, then with the category skill, then by open files. */
  async propose(m: EntityManager, actor: Actor, fileId: string) {
    const file = await loadVisibleFile(m, actor, fileId);
    const rows = await this.candidates(m, file);
    const parties = await this.partiesOf(m, fileId);
    return rows
      .map((r) => {
        const conflict = conflictOf(this.conflicts(r), { respondentDepartmentId: file.respondent_department_id, parties });
        return { userId: r.user_id, displayName: r.display_name, skilled: r.skills.includes(file.category), openFiles: r.open_files, conflict, objected: r.objected };
      })
      .sort((a, b) => Number(!!a.conflict || a.objected) - Number(!!b.conflict || b.objected) || Number(b.skilled) - Number(a.skilled) || a.openFiles - b.openFiles);
  }

  /**
   * 指派 one mediator or a pair; a conflicted or objected mediator is refused (409), nothing is written. On a file
   * already worked on (e.g. after one of a pair stood aside) a mediator is added, up to two on the file.
   */
  async assign(m: EntityManager, actor: Actor, fileId: string, v: { version: number; mediatorIds: string[] }) {
    const ids = [...new Set(v.mediatorIds)];
    if (ids.length < 1 || ids.length > 2) throw MediationErrors.invalid('mediatorIds', '请指派一名或两名调解员');
    const file = await loadVisibleFile(m, actor, fileId, true);
    const adding = file.state !== MediationState.Referred;
    const current: string[] = await Assignments.currentMediatorIds(m, fileId);
    if (adding) {
      checkVersion(file, v.version);
      nextMediationState(file.state, MediationAction.AddMediator, await capacitiesOf(m, actor, fileId));
      if (ids.some((id) => current.includes(id))) throw MediationErrors.invalid('mediatorIds', '该调解员已在调解本案');
      if (current.length + ids.length > 2) throw MediationErrors.invalid('mediatorIds', '每件调解案件最多由两名调解员调解');
    }
    const byId = new Map((await this.candidates(m, file)).map((c) => [c.user_id, c]));
    const parties = await this.partiesOf(m, fileId);
    for (const id of ids) {
      const c = byId.get(id);
      if (!c) throw MediationErrors.invalid('mediatorIds', '调解员不存在或未登记调解员信息');
      const conflict = conflictOf(this.conflicts(c), { respondentDepartmentId: file.respondent_department_id, parties });
      if (conflict) throw MediationErrors.conflictOfInterest(conflict);
      if (c.objected) throw new DomainError('MEDIATION_MEDIATOR_OBJECTED', '当事人已对该调解员提出回避，不能再指派其调解本案', 'conflict');
    }
    const action = adding ? MediationAction.AddMediator : MediationAction.Assign;
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version: v.version, action, summary: { mediatorIds: ids } });
    for (const id of ids) {
      await Assignments.insertAssignment(m, fileId, id, actor.userId);
    }
    await this.notifier.toUsers(m, ids, { kind: 'mediation_assigned', title: '新的调解案件', body: '您被指派调解一件调解案件，请及时接收。', caseId: file.case_id });
    return { ...moved, mediatorIds: adding ? [...current, ...ids] : ids };
  }

  /**
   * A party objects to a mediator (申请回避), reason kept: only that mediator stands aside. The file stays with a
   * co-mediator in its state; with nobody left it returns to the pool.
   */
  async object(m: EntityManager, actor: Actor, fileId: string, v: { version: number; mediatorId: string; partyRole: string; reason: string }) {
    const file = await loadVisibleFile(m, actor, fileId, true);
    checkVersion(file, v.version);
    const current: string[] = await Assignments.currentMediatorIds(m, fileId);
    const others = current.filter((id) => id !== v.mediatorId);
    const action = others.length ? MediationAction.Recuse : MediationAction.Object;
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version: v.version, action, summary: { mediatorId: v.mediatorId, partyRole: v.partyRole } });
    if (!current.includes(v.mediatorId)) throw MediationErrors.invalid('mediatorId', '该调解员不是本案的调解员');
    await Assignments.endAssignmentByObjection(m, fileId, v.mediatorId, { partyRole: v.partyRole, reason: v.reason });
    return { ...moved, mediatorIds: others };
  }

  /** 接收: the mediation time limit runs from this day (kept when a file is taken again after reassignment). */
  async take(m: EntityManager, actor: Actor, fileId: string, version: number) {
    const file = await loadVisibleFile(m, actor, fileId, true);
    const today = shanghaiDate(this.time.now());
    const takenOn = file.taken_on ?? today;
    const due = file.mediation_due ?? (await this.clock.mediationDue(m, !!file.case_id, takenOn));
    const warning = applicationPeriodWarning(file.application_due, due, today);
    const warnings = withWarning(file.warnings, warning);
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version, action: MediationAction.Take, set: { taken_on: takenOn, mediation_due: due, warnings }, summary: { mediationDue: due } });
    // The mediator is told of the application period when taking the file: at risk, or impossible to compute.
    const tell = warning ?? warnings.find((w) => w.code === 'APPLICATION_PERIOD_UNKNOWN') ?? null;
    if (tell) await this.warnApplicationPeriod(m, file, warnings, tell.message);
    const deadline = await this.clock.deadlineOf(m, { case_id: file.case_id, taken_on: takenOn, extension_days: file.extension_days });
    return { ...moved, takenOn, mediationDue: due, mediationDueProvisional: deadline?.provisional ?? false, mediationDueExplanation: deadline?.explanation ?? [], warnings };
  }

  /** Extension by consent of both sides, within the rule's cap; the ARL 20 application period is checked again. */
  async extend(m: EntityManager, actor: Actor, fileId: string, v: { version: number; days: number; consent?: { applicant: boolean; respondent: boolean } }) {
    const file = await loadVisibleFile(m, actor, fileId, true);
    checkVersion(file, v.version); // a stale request is a conflict (409), whatever else is wrong with it
    if (!(v.consent?.applicant && v.consent?.respondent)) throw MediationErrors.invalid('consent', '延长调解期限须经双方当事人同意');
    const inCase = !!file.case_id;
    const total = file.extension_days + v.days;
    if (total > this.clock.extensionCap(inCase)) throw MediationErrors.invalid('days', `调解期限累计延长不得超过${this.clock.extensionCap(inCase)}日`);
    const due = file.taken_on ? await this.clock.mediationDue(m, inCase, file.taken_on, total) : null;
    const warning = due ? applicationPeriodWarning(file.application_due, due, shanghaiDate(this.time.now())) : null;
    const warnings = withWarning(file.warnings, warning);
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version: v.version, action: MediationAction.Extend, set: { extension_days: total, mediation_due: due, warnings }, summary: { days: v.days, mediationDue: due } });
    if (warning && warnings.length > file.warnings.length) await this.warnApplicationPeriod(m, file, warnings, warning.message);
    const deadline = await this.clock.deadlineOf(m, { case_id: file.case_id, taken_on: file.taken_on, extension_days: total });
    return { ...moved, extensionDays: total, mediationDue: due, mediationDueProvisional: deadline?.provisional ?? false, mediationDueExplanation: deadline?.explanation ?? [], warnings };
  }

  /** ARL 20: the mediators on the file are told, and the applicant's record (the consultation) shows the warning. */
  private async warnApplicationPeriod(m: EntityManager, file: FileRow, warnings: FileRow['warnings'], message: string): Promise<void> {
    await notifyFileMediators(m, this.notifier, file.id, { kind: 'mediation_warning', title: '申请期限提示', body: message, caseId: null });
    await showOnConsultation(m, file.consultation_id, warnings);
  }

  private conflicts(c: Candidate) {
    return { departmentIds: c.conflict_department_ids, departmentNames: c.conflict_department_names, partyIndexes: c.conflict_party_indexes, partyNames: c.conflict_party_names };
  }

  private partiesOf(m: EntityManager, fileId: string): Promise<Array<{ name: string; idIndex: string | null }>> {
    return partiesForConflictCheck(m, fileId);
  }

  private candidates(m: EntityManager, file: FileRow): Promise<Candidate[]> {
    return Assignments.candidatesFor(m, file.id);
  }
}
