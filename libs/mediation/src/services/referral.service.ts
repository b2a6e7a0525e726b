import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DISTRICT_CASE_ROLES, DomainError, isDomainError, Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, FieldCipher, TimeSource } from '@fuyi/platform';
import { CaseHandlingService, CaseLocks, CONSENT_SUSPENSION_GROUND, ConsultationRecords, type LockedCase } from '@fuyi/cases';
import { MediationErrors } from '../domain/mediation-errors';
import { MediationAction, MediationState } from '../domain/mediation-state';
import { MEDIATION_CATEGORIES, MEDIATION_SOURCES, SUBSTANTIVE_OUTCOMES } from '../domain/mediation-types';
import { applicationPeriodUnknown, applicationPeriodWarning, withWarning } from '../domain/warnings';
import { filedCaseOf, loadVisibleFile, moveFile } from './file-access';
import { MediationClock } from './mediation-clock';
import { showOnConsultation } from './notices';
import type { ReferralInput } from './referral.types';
import * as Files from '../stores/files.store';
import * as Parties from '../stores/parties.store';
import { isCoordinator } from '../stores/profiles.store';
import { departmentExists, linkedCase, townshipExists } from '../stores/references.store';

/** `n` years before an ISO day (29 February falls back to the 28th through string comparison, which is enough here). */
const yearsBefore = (day: string, n: number) => `${Number(day.slice(0, 4)) - n}${day.slice(4)}`;

/** The cases library names its own fields; the referral's client sent them under another name. */
function renameField(e: unknown, from: string, to: string): unknown {
  if (!isDomainError(e) || !e.details?.fields?.some((f) => f.field === from)) return e;
  const fields = e.details.fields.map((f) => (f.field === from ? { ...f, field: to } : f));
  return new DomainError(e.code, e.message, e.kind, { ...e.details, fields });
}

const forbidden = (msg: string) => new DomainError('MEDIATION_ACTION_FORBIDDEN', msg, 'forbidden');

/** 引导调解: the four referral sources (issue #5 item 1); an accepted case is suspended by consent in the same transaction. */
@Injectable()
export class ReferralService {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly handling: CaseHandlingService,
    private readonly clock: MediationClock,
    private readonly time: TimeSource,
  ) {}

  async refer(m: EntityManager, actor: Actor, input: ReferralInput) {
    if (!MEDIATION_SOURCES[input.source]) throw MediationErrors.invalid('source', '调解来源不正确');
    if (!MEDIATION_CATEGORIES[input.category]) throw MediationErrors.invalid('category', '调解类别不正确');
    const today = shanghaiDate(this.time.now());
    const district = DISTRICT_CASE_ROLES.includes(actor.role);
    const coordinator = actor.role === Role.Mediator && (await this.isCoordinator(m, actor.userId));
    let townshipId = input.townshipId ?? null;
    let respondentId = input.respondentDepartmentId ?? null;
    let caseRow: LockedCase | null = null;
    let applicationDue: string | null = null;
    let suspendedFrom: string | null = null;

    if (input.source === 'intake' || input.source === 'court') {
      if (input.caseId) throw MediationErrors.invalid('caseId', '立案前调解或法院委派调解不关联复议案件');
      if (!input.parties?.some((p) => p.role === 'applicant')) throw MediationErrors.invalid('parties', '请至少登记一名申请人');
    }
    if (input.source === 'intake') {
      if (input.applicantConsent !== true) throw MediationErrors.invalid('applicantConsent', '立案前引导调解须经申请人同意');
      if (actor.role === Role.TownshipClerk) townshipId = actor.townshipId;
      else if (!district && !coordinator) throw forbidden('当前用户无权登记立案前调解');
      if (input.consultationId) {
        // Locked: two counters referring the same consultation at once get one file, not two.
        const c = await ConsultationRecords.lockForUpdate(m, input.consultationId);
        if (!c || (actor.role === Role.TownshipClerk && c.townshipId !== actor.townshipId)) throw MediationErrors.invalid('consultationId', '咨询记录不存在');
        if (c.caseId) throw MediationErrors.invalid('consultationId', '该咨询已提出行政复议申请，请按受理审查期内调解登记');
        await this.checkConsultationFree(m, input.consultationId);
        townshipId = townshipId ?? c.townshipId;
        respondentId ??= c.respondentDepartmentId;
      }
      if (input.actKnownDate) {
        if (input.actKnownDate > today) throw MediationErrors.invalid('actKnownDate', '知道行政行为的日期不能晚于今天');
        // ARL 21: no application at all more than 20 years after the act: an earlier day is a typing error.
        if (input.actKnownDate < yearsBefore(today, 20)) throw MediationErrors.invalid('actKnownDate', '知道行政行为的日期不能早于二十年前（《行政复议法》第二十一条）');
        applicationDue = await this.clock.applicationDue(m, input.actKnownDate);
      }
    } else if (input.source === 'court') {
      if (!input.courtReference?.trim()) throw MediationErrors.invalid('courtReference', '请填写法院委派调解的案号或函号');
      if (!district && !coordinator) throw forbidden('当前用户无权登记法院委派调解');
    } else {
      if (!input.caseId) throw MediationErrors.invalid('caseId', '请选择复议申请或案件');
      caseRow = await CaseLocks.forUpdate(m, input.caseId);
      const townshipOwn = actor.role === Role.TownshipClerk && caseRow?.townshipId === actor.townshipId;
      if (!caseRow || !(district || townshipOwn)) throw MediationErrors.invalid('caseId', '复议申请或案件不存在');
      const open = await Files.openFileOfCase(m, caseRow.id);
      if (open) throw new DomainError('MEDIATION_ALREADY_OPEN', '该案件已有进行中的调解', 'conflict', { fileId: open.id });
      townshipId = caseRow.townshipId;
      respondentId = caseRow.respondentDepartmentId;
      if (input.source === 'window' && caseRow.state !== 'registered') {
        throw MediationErrors.caseState('该申请已不在受理审查期内，请按受理后案中调解登记', caseRow.state);
      }
      if (input.source === 'case') {
        if (caseRow.state !== 'accepted') throw MediationErrors.caseState('只有已受理（审理中）的案件可以转入案中调解', caseRow.state);
        if (!district) throw forbidden('案中调解须由复议机构人员登记并中止案件');
        if (!input.caseVersion) throw MediationErrors.invalid('caseVersion', '请提供案件版本号');
        suspendedFrom = input.suspendFrom ?? today;
        // ARL 39(1)(6): suspension for mediation only with both applicant and respondent consenting (checked there too).
        await this.handling.suspend(m, actor, caseRow.id, {
          version: input.caseVersion, ground: CONSENT_SUSPENSION_GROUND, consent: input.consent, from: suspendedFrom, reason: '转调解中心进行调解',
        }).catch((e: unknown) => { throw renameField(e, 'from', 'suspendFrom'); });
      }
    }
    // Every file records the respondent department (issue #5 item 1): the conflict check needs it.
    if (respondentId == null && (input.source === 'intake' || input.source === 'court')) {
      throw MediationErrors.invalid('respondentDepartmentId', '请选择被申请人（作出行政行为的单位）');
    }
    await this.checkReferences(m, townshipId, respondentId);
    // ARL 20 before filing: the period at risk, or (no day of knowledge given) impossible to compute: both are said.
    const periodWarning = input.source !== 'intake' ? null
      : applicationDue ? applicationPeriodWarning(applicationDue, await this.clock.mediationDue(m, false, today), today) : applicationPeriodUnknown(today);
    const warnings = withWarning([], periodWarning);
    const file = await Files.insertFile(m, {
      state: MediationState.Referred, source: input.source, category: input.category, townshipId, respondentDepartmentId: respondentId,
      consultationId: input.consultationId ?? null, caseId: caseRow?.id ?? null, courtReference: input.courtReference?.trim() ?? null,
      applicantWants: input.applicantWants, actKnownDate: input.actKnownDate ?? null, applicationDue, caseSuspendedFrom: suspendedFrom, warnings,
      createdBy: actor.userId,
    });
    await this.insertParties(m, file.id, input, caseRow?.id);
    if (input.source === 'intake') await showOnConsultation(m, input.consultationId ?? null, warnings);
    await this.audit.record(m, {
      action: 'mediation.refer', subjectType: 'mediation', subjectId: file.id, actor,
      summary: { source: input.source, category: input.category, caseId: caseRow?.id ?? null, consultationId: input.consultationId ?? null,
        applicantConsent: input.applicantConsent ?? null, consent: input.consent ?? null, suspendedFrom },
    });
    return { fileId: file.id, state: file.state, version: file.version, applicationDue, caseSuspendedFrom: suspendedFrom, warnings };
  }

  /**
   * In-window referral after the window ended: the case is now (deemed) accepted, and with both parties' consent
   * it is suspended for the mediation (ARL 39(1)(6)); the mediation file records the suspension.
   */
  async suspendLinkedCase(m: EntityManager, actor: Actor, fileId: string, v: { version: number; caseVersion: number; consent?: { applicant: boolean; respondent: boolean }; from?: string }) {
    const loaded = await loadVisibleFile(m, actor, fileId, true);
    const filed = await filedCaseOf(m, loaded); // a pre-filing file whose applicant filed since
    const file = filed ? { ...loaded, case_id: filed } : loaded;
    if (!file.case_id || file.case_suspended_from) throw MediationErrors.caseState('该调解案件没有可中止的复议案件', file.case_suspended_from ? 'suspended' : 'none');
    const from = v.from ?? shanghaiDate(this.time.now());
    const c = await linkedCase(m, file.case_id);
    if (c.state !== 'accepted') throw MediationErrors.caseState('复议案件尚未受理，受理审查期届满后方可经同意中止', c.state);
    const moved = await moveFile(m, this.audit, actor, file, { fileId, version: v.version, action: MediationAction.SuspendCase, set: { case_suspended_from: from, ...(filed ? { case_id: filed } : {}) }, summary: { caseId: file.case_id, consent: v.consent ?? null } });
    const caseResult = await this.handling.suspend(m, actor, file.case_id, { version: v.caseVersion, ground: CONSENT_SUSPENSION_GROUND, consent: v.consent, from, reason: '转调解中心进行调解' });
    return { ...moved, caseState: caseResult.state, caseVersion: caseResult.version, caseSuspendedFrom: from };
  }

  /**
   * One consultation, one mediation at a time (as for cases); and once a file resolved the dispute (agreement,
   * self-correction, reconciliation) it is not referred again. After a failure or giving up a new attempt is allowed.
   */
  private async checkConsultationFree(m: EntityManager, consultationId: string): Promise<void> {
    const prior = await Files.blockingFileOfConsultation(m, consultationId, SUBSTANTIVE_OUTCOMES);
    if (!prior) return;
    if (prior.state !== MediationState.Closed) throw new DomainError('MEDIATION_ALREADY_OPEN', '该咨询已有进行中的调解', 'conflict', { fileId: prior.id });
    throw new DomainError('MEDIATION_ALREADY_RESOLVED', '该咨询涉及的争议已经调解化解结案，不能再次引导调解', 'conflict', { fileId: prior.id, outcome: prior.outcome });
  }

  private isCoordinator(m: EntityManager, userId: string): Promise<boolean> {
    return isCoordinator(m, userId);
  }

  private async checkReferences(m: EntityManager, townshipId: number | null, respondentId: number | null): Promise<void> {
    if (townshipId != null && !(await townshipExists(m, townshipId))) {
      throw MediationErrors.invalid('townshipId', '街乡镇不存在');
    }
    if (respondentId != null && !(await departmentExists(m, respondentId))) {
      throw MediationErrors.invalid('respondentDepartmentId', '被申请人不存在');
    }
  }

  /** Given parties (personal data encrypted), or else the linked case's parties copied with their sealed values. */
  private async insertParties(m: EntityManager, fileId: string, input: ReferralInput, caseId?: string): Promise<void> {
    if (!input.parties?.length && caseId) {
      await Parties.copyCaseParties(m, fileId, caseId);
      return;
    }
    for (const [i, p] of (input.parties ?? []).entries()) {
      const id = p.idNumber?.toUpperCase();
      await Parties.insertParty(m, fileId, {
        role: p.role, name: p.name, idNumberEnc: this.cipher.encrypt(id), idNumberIndex: id ? this.cipher.blindIndex(id) : null, phoneEnc: this.cipher.encrypt(p.phone), position: i,
      });
    }
  }
}
