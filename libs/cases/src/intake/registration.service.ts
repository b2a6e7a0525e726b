import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDate, type Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, FieldCipher, JobName, OutboxService, type AppConfig, TimeSource } from '@fuyi/platform';
import { CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { formatCaseNumber } from '../domain/case-number';
import { counterTownshipFor } from '../queries/counter-township';
import { newQueryCode } from '../domain/query-code';
import { ClockService } from '@fuyi/clocks';
import type { PartyInput, RegistrationInput, RegistrationResult } from './registration.types';
import { buildReceipt } from './receipt';
import { CaseNumberAllocator } from './case-number-allocator';
import { insertParties } from './party-writer';
import { applicationPeriodFacts } from '../domain/application-period';
import { lateApplicationOf, nextWorkingDayOn } from '../domain/application-period.view';
import type { PartyRole } from '../entities';
import { CaseTimeline } from '../timeline/case-timeline';
import * as Cases from '../stores/cases.store';
import * as Consultations from '../stores/consultations.store';
import { registrationReferences } from '../stores/case-reads.store';

const CLOCK_SKEW_MS = 2 * 60_000;

/** 申请登记: registers an application received at a township counter or at the district. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clocks: ClockService,
    private readonly numbers: CaseNumberAllocator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly time: TimeSource,
  ) {}

  async register(m: EntityManager, actor: Actor, input: RegistrationInput): Promise<RegistrationResult> {
    const now = this.time.now();
    const receiptAt = input.receivedAt ? new Date(input.receivedAt) : now;
    const receiptDate = shanghaiDate(receiptAt);
    this.checkDates(input, receiptAt, receiptDate);
    // CPL 85(4) via ARL 88(1): a posted application is made on its postmark date (follow-up b of issue 12).
    const applicationDate = input.channel === 'post' && input.postmarkedOn ? input.postmarkedOn : receiptDate;
    const { township, respondent } = await this.references(m, actor, input);

    // Everything that can still refuse the application goes first, the case number last, so that a refusal
    // rarely leaves an unused number behind (the number is committed apart: case-number-allocator.ts).
    const caseId = randomUUID();
    const parties: Array<{ party: PartyInput; role: PartyRole }> = input.applicants.map((party) => ({ party, role: 'applicant' }));
    if (input.agent) parties.push({ party: input.agent, role: 'agent' });
    await insertParties(m, this.cipher, caseId, parties);
    if (input.consultationId) await this.linkConsultation(m, actor, input.consultationId, caseId);
    // ARL 30/31: the acceptance review and the correction notice both run 5 working days from the counter's receipt.
    // ARL 20: the 60-day application period ran from the known date and ends with this receipt (met, or missed: late).
    const [review, , application] = await this.clocks.startMany(m, caseId, [
      { rule: 'acceptance-review', start: receiptDate },
      { rule: 'correction-notice', start: receiptDate },
      { rule: 'application', start: input.act.knownDate, closedOn: applicationDate },
    ]);
    const acceptanceDue = review.due;
    // Flagged, never refused here: ARL 20(2)/(3) may still make it timely; the office decides (ARL 30).
    const lateApplication = lateApplicationOf(applicationPeriodFacts({
      knownDate: input.act.knownDate, actDate: input.act.date ?? null, category: input.category, receivedOn: applicationDate,
      due: application.due, provisional: application.provisional, nextWorkingDay: nextWorkingDayOn(await this.clocks.calendar(m)),
    }));
    await CaseTimeline.append(m, {
      caseId, type: 'registered', actorId: actor.userId, data: {
        channel: input.channel, townshipId: township?.id ?? null, receiptAt: receiptAt.toISOString(), acceptanceDue,
        ...(input.channel === 'post' && input.postmarkedOn ? { postmarkedOn: input.postmarkedOn } : {}),
        ...(lateApplication ? { lateApplication: { daysOver: lateApplication.daysOver, applicationDue: lateApplication.due, absoluteLimitExceeded: !!lateApplication.absoluteLimit?.exceeded } } : {}),
      },
    });
    await this.outbox.add(m, { name: JobName.CaseRegistered, data: { caseId } });

    const year = Number(receiptDate.slice(0, 4));
    const queryCode = newQueryCode();
    const seq = await this.numbers.next(year);
    const caseNumber = formatCaseNumber(this.config.caseNumberPrefix, year, seq);
    const row = await Cases.insertCase(m, {
      id: caseId, case_number: caseNumber, year, seq, state: CaseState.Registered, township_id: township?.id ?? null, registered_by: actor.userId,
      channel: input.channel, receipt_at: receiptAt, respondent_department_id: respondent.id, category: input.category, act_type: input.act.type,
      act_document_number: input.act.documentNumber ?? null, act_date: input.act.date ?? null, act_known_date: input.act.knownDate,
      requests: input.requests, facts_reasons: input.factsReasons, materials: input.materials,
      query_code_hash: this.cipher.blindIndex(queryCode, `query-code:${caseNumber}`), act_project: input.act.project?.trim() || null, act_place: input.act.place?.trim() || null,
    });
    await this.audit.record(m, {
      actor, action: 'case.register', subjectType: 'case', subjectId: caseId,
      summary: { caseNumber, townshipId: township?.id ?? null, channel: input.channel, applicants: input.applicants.length },
    });
    return {
      caseId, caseNumber, queryCode, version: row.version, state: CaseState.Registered, acceptanceDue,
      receipt: buildReceipt({
        caseNumber, queryCode, receiptAt, office: township?.name ?? null, applicants: input.applicants.map((a) => a.name),
        respondent: respondent.name, materials: input.materials, acceptanceDue, lateApplication,
      }),
    };
  }

  private checkDates(input: RegistrationInput, receiptAt: Date, receiptDate: string): void {
    if (Number.isNaN(receiptAt.getTime())) throw CaseErrors.invalid('receivedAt', '收件时间格式不正确');
    if (receiptAt.getTime() > this.time.now().getTime() + CLOCK_SKEW_MS) throw CaseErrors.invalid('receivedAt', '收件时间不能晚于当前时间');
    if (input.postmarkedOn !== undefined) {
      if (input.channel !== 'post') throw CaseErrors.invalid('postmarkedOn', '只有邮寄提交的申请才有邮戳日期');
      if (input.postmarkedOn > receiptDate) throw CaseErrors.invalid('postmarkedOn', '邮戳日期不能晚于收件日期');
      if (input.postmarkedOn < input.act.knownDate) throw CaseErrors.invalid('postmarkedOn', '邮戳日期不能早于知道行政行为的日期');
    }
    if (input.act.knownDate > receiptDate) throw CaseErrors.invalid('act.knownDate', '知道行政行为的日期不能晚于收件日期');
    if (input.act.date && input.act.date > input.act.knownDate) throw CaseErrors.invalid('act.date', '行政行为作出日期不能晚于知道该行为的日期');
  }

  /**
   * The receiving counter (a township clerk's own; district staff may name one, null = the district office) and the
   * respondent, in one round trip.
   */
  private async references(m: EntityManager, actor: Actor, input: RegistrationInput) {
    const townshipId = counterTownshipFor(actor, input.townshipId);
    const row = await registrationReferences(m, townshipId, input.respondentDepartmentId);
    if (townshipId != null && !row.township) throw CaseErrors.unknownTownship();
    if (!row.respondent) throw CaseErrors.unknownRespondent();
    return { township: row.township, respondent: row.respondent };
  }

  /** Conditional update: two applications racing for one consultation cannot both claim it. */
  private async linkConsultation(m: EntityManager, actor: Actor, id: string, caseId: string): Promise<void> {
    const scoped = counterTownshipFor(actor, null);
    if (await Consultations.linkToCase(m, id, caseId, scoped)) return;
    const c = await Consultations.consultationTownship(m, id);
    if (!c || (scoped !== null && c.township_id !== scoped)) throw CaseErrors.invalid('consultationId', '咨询记录不存在');
    throw CaseErrors.invalid('consultationId', '该咨询记录已关联其他申请');
  }

}
