import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@fuyi/kernel';
import { AuditService, FieldCipher, TimeSource, UnitOfWork } from '@fuyi/platform';
import { CalendarService } from '@fuyi/clocks';
import { CaseErrors } from '../domain/case-errors';
import { newQueryCode } from '../domain/query-code';
import { caseScopeOf } from '../queries/case-scope';
import { buildReceipt } from './receipt';
import { applicationPeriodOf, lateApplicationOf } from '../domain/application-period.view';
import type { Receipt } from './registration.types';
import { forgetNumber } from '../queries/public-lookup-throttle';
import { CaseTimeline } from '../timeline/case-timeline';
import { setQueryCodeHash } from '../stores/cases.store';
import { applicantMatching, applicantNames } from '../stores/parties.store';
import { lockCaseForReissue, receiptAcceptanceDue } from '../stores/case-reads.store';

export interface IdentityCheck {
  /** The applicant's resident ID number as the clerk reads it off the ID card (a person). */
  idNumber?: string;
  /** The applicant's unified social credit code (an organisation). */
  creditCode?: string;
}

export interface ReissuedQueryCode {
  caseId: string;
  caseNumber: string;
  /** Shown once, like at registration: only its keyed hash is stored. */
  queryCode: string;
  receipt: Receipt & { queryCodeReissuedAt: string };
}

/**
 * 补发查询码 at the counter (issue #12 item 14): the clerk checks the applicant's identity document against the record,
 * compared through the blind index (the number itself is never stored, logged or echoed); a new code replaces the old
 * one, which stops working at once, and goes on a reprinted receipt. Every attempt is audited, a refused one too.
 */
@Injectable()
export class QueryCodeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly time: TimeSource,
  ) {}

  async reissue(actor: Actor, caseId: string, check: IdentityCheck): Promise<ReissuedQueryCode> {
    if (!check.idNumber === !check.creditCode) throw CaseErrors.invalid('idNumber', '请核验申请人的身份证号码（自然人）或统一社会信用代码（组织）其中一项');
    const outcome = await this.uow.run(async (m) => {
      // Locked: two reissues at once cannot both hand out a code that works.
      const c = await lockCaseForReissue(m, caseId, caseScopeOf(actor));
      if (!c) throw CaseErrors.notFound();
      const match = await applicantMatching(
        m, caseId, check.idNumber ? { idNumberIndex: this.cipher.blindIndex(check.idNumber.toUpperCase()) } : { creditCode: check.creditCode!.toUpperCase() },
      );
      const checked = check.idNumber ? 'id_number' : 'credit_code';
      if (!match) {
        await this.audit.record(m, { actor, action: 'case.query_code_reissue_refused', subjectType: 'case', subjectId: caseId, summary: { checked } });
        return { refused: true as const };
      }
      const queryCode = newQueryCode();
      // The old code stops working; delays from wrong guesses at the old code no longer apply to the new one.
      await setQueryCodeHash(m, caseId, this.cipher.blindIndex(queryCode, `query-code:${c.case_number}`));
      await forgetNumber(m, c.case_number);
      await CaseTimeline.append(m, { caseId, type: 'query_code_reissued', actorId: actor.userId, data: { checked } });
      await this.audit.record(m, { actor, action: 'case.query_code_reissue', subjectType: 'case', subjectId: caseId, summary: { checked, applicantPosition: match.position } });
      const applicants = await applicantNames(m, caseId);
      // The receipt as first printed: the acceptance review due date recorded at registration (or the one running now).
      const due = await receiptAcceptanceDue(m, caseId);
      const receipt = buildReceipt({
        caseNumber: c.case_number, queryCode, receiptAt: new Date(c.receipt_at), office: c.township ?? null, applicants,
        respondent: c.respondent, materials: c.materials ?? [], acceptanceDue: due as string, // recorded at registration: never null for a registered case
        lateApplication: lateApplicationOf(applicationPeriodOf(await this.calendar.current(), c)),
      });
      return { refused: false as const, result: { caseId, caseNumber: c.case_number, queryCode, receipt: { ...receipt, queryCodeReissuedAt: this.time.now().toISOString() } } };
    });
    // The refusal is audited (committed above) before it is answered.
    if (outcome.refused) {
      throw new DomainError('CASE_IDENTITY_MISMATCH', '核验信息与本案申请人的登记信息不符，不能补发查询码；请核对申请人身份证件', 'unprocessable', {
        fields: [{ field: check.idNumber ? 'idNumber' : 'creditCode', message: '与本案申请人的登记信息不符' }],
      });
    }
    return outcome.result;
  }
}
