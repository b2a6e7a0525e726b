import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeKeysetCursor, DomainError, keysetPage, type Actor } from '@fuyi/kernel';
import { AuditService, Departments, TimeSource } from '@fuyi/platform';
import { DecisionEffectHooks, type DecisionEffectHook, type DecisionEffective } from '@fuyi/cases';
import { DocumentService } from '@fuyi/documents';
import { COPY_REPORT_STATE_LABELS, COPY_SOURCE_TITLES, copyBlockedBy, copyReportRequired, type CopyReportState, type CopySource } from '../domain/copy-report';
import { addCaseEvent } from './case-timeline';
import { todayOf } from './today';
import * as CopyReports from '../stores/copy-reports.store';

export const CopyReportErrors = {
  notFound: () => new DomainError('COPY_REPORT_NOT_FOUND', '抄告记录不存在或无权查看', 'not_found'),
  versionConflict: (expected: number, actual: number) =>
    new DomainError('COPY_REPORT_VERSION_CONFLICT', '抄告记录已被他人修改，请刷新后重新操作', 'conflict', { expectedVersion: expected, currentVersion: actual }),
  alreadyIssued: () => new DomainError('COPY_REPORT_ISSUED', '该文书已抄告，抄告函已出具', 'conflict'),
  blocked: (reason: string) => new DomainError('COPY_REPORT_BLOCKED', `暂不能抄告：${reason}`, 'conflict', { reason }),
  unknownDepartment: () =>
    new DomainError('LIAISON_UNKNOWN_DEPARTMENT', '部门不存在', 'not_found'),
};

interface Source {
  caseId: string;
  kind: CopySource;
  /** The case for a decision, the letter for an opinion letter. */
  id: string;
  effectiveOn: string;
}

/**
 * ARL 79(2) 抄告: when a decision or an opinion letter of a case against a district department takes effect, it is
 * copied to that department's superior (上一级主管部门) in the same transaction: recorded (who, when, which document)
 * and documented with a 抄告函. What cannot be issued yet (no superior configured, the document not issued) is kept
 * pending with the reason and issued later. A decision's effect reaches here through DecisionEffectHooks.
 */
@Injectable()
export class CopyReportService implements OnModuleInit, DecisionEffectHook {
  constructor(
    private readonly ds: DataSource, private readonly audit: AuditService, private readonly documents: DocumentService, private readonly time: TimeSource,
    private readonly hooks: DecisionEffectHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  decisionEffective(m: EntityManager, actor: Actor, e: DecisionEffective): Promise<void> {
    return this.copy(m, actor, { caseId: e.caseId, kind: 'decision', id: e.caseId, effectiveOn: e.effectiveOn });
  }

  /** An opinion letter from a case takes effect when its recipient receives it (the ARL 76 period starts). */
  letterEffective(m: EntityManager, actor: Actor, l: { letterId: string; caseId: string; receivedOn: string }): Promise<void> {
    return this.copy(m, actor, { caseId: l.caseId, kind: 'opinion-letter', id: l.letterId, effectiveOn: l.receivedOn });
  }

  /** Issues a pending copy once what blocked it is there (the superior configured, the document issued). */
  async issuePending(m: EntityManager, actor: Actor, id: string, version: number) {
    const r = await CopyReports.lockCopyReport(m, id);
    if (!r) throw CopyReportErrors.notFound();
    if (r.version !== version) throw CopyReportErrors.versionConflict(version, r.version);
    if (r.state === 'issued') throw CopyReportErrors.alreadyIssued();
    const ctx = await this.context(m, { caseId: r.case_id, kind: r.source_kind as CopySource, id: r.source_id, effectiveOn: r.effective_on });
    const blocked = copyBlockedBy({ source: r.source_kind as CopySource, superior: ctx.superior, sourceDocumentNumber: ctx.document?.number ?? null });
    if (blocked) throw CopyReportErrors.blocked(blocked);
    return this.issue(m, actor, r, ctx);
  }

  /** Sets a department's superior (reference data, the administrator's): the recipient of future copies. */
  async setSuperior(m: EntityManager, actor: Actor, departmentId: number, superior: string | null) {
    const d = await Departments.setSuperior(m, departmentId, superior);
    if (!d) throw CopyReportErrors.unknownDepartment();
    await this.audit.record(m, { action: 'reference.department.superior', subjectType: 'department', subjectId: String(departmentId), actor, summary: { superior: d.superior } });
    return { id: d.id, name: d.name, kind: d.kind, superior: d.superior };
  }

  /** GET /cases/:id/copy-reports: whether ARL 79(2) applies to the case, to whom, and what was copied. */
  async forCase(caseId: string) {
    const c = await CopyReports.caseRespondent(this.ds, caseId);
    const required = !!c && copyReportRequired(c.kind);
    return {
      caseId, required, respondent: c?.respondent ?? null, superior: required ? c.superior : null,
      basis: required
        ? '以区人民政府工作部门为被申请人的案件，发生法律效力的行政复议决定书、意见书应当同时抄告被申请人的上一级主管部门（《行政复议法》第七十九条第二款）'
        : '被申请人不是区人民政府工作部门，不适用《行政复议法》第七十九条第二款',
      items: await this.list('r.case_id = $1', [caseId]),
    };
  }

  /** The copies awaiting issue (or all), oldest first, a page at a time ({items, nextCursor}; the cursor names the last row). */
  async listAll(state: CopyReportState | undefined, limit: number, cursor?: string) {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.list(
      "($1::text IS NULL OR r.state = $1) AND ($2::timestamptz IS NULL OR (date_trunc('milliseconds', r.created_at), r.id) > ($2::timestamptz, $3::uuid))",
      [state ?? null, after?.at ?? null, after?.id ?? null],
      limit + 1,
    );
    return keysetPage(rows, limit, (r: any) => r.createdAt as string, (r: any) => r.id as string, (r) => r);
  }

  private async copy(m: EntityManager, actor: Actor, s: Source): Promise<void> {
    const ctx = await this.context(m, s);
    if (!copyReportRequired(ctx.respondentKind)) return;
    const blocked = copyBlockedBy({ source: s.kind, superior: ctx.superior, sourceDocumentNumber: ctx.document?.number ?? null });
    // Once per copied document: a repeated effect (a retried request) finds the row and changes nothing.
    const row = await CopyReports.recordCopy(m, {
      caseId: s.caseId, sourceKind: s.kind, sourceId: s.id, sourceDocumentId: ctx.document?.id ?? null, respondentDepartmentId: ctx.respondentId,
      superior: ctx.superior, effectiveOn: s.effectiveOn, pendingReason: blocked, createdBy: actor.userId,
    });
    if (!row) return;
    await this.audit.record(m, { action: 'liaison.copy-report.record', subjectType: 'copy-report', subjectId: row.id, actor, summary: { caseId: s.caseId, source: s.kind, pending: blocked } });
    if (blocked) {
      await addCaseEvent(m, actor, s.caseId, 'copy_report_pending', { copyReportId: row.id, source: s.kind, reason: blocked });
      return;
    }
    await this.issue(m, actor, row, ctx);
  }

  private async issue(m: EntityManager, actor: Actor, r: CopyReports.CopyReportRow, ctx: Awaited<ReturnType<CopyReportService['context']>>) {
    const kind = r.source_kind as CopySource;
    const title = COPY_SOURCE_TITLES[kind];
    const owner = kind === 'decision' ? { kind: 'case' as const, id: r.case_id, caseId: r.case_id } : { kind: 'letter' as const, id: r.source_id, caseId: r.case_id };
    const doc = await this.documents.issueFor(m, actor, owner, 'copy-report', {
      recipient: ctx.superior!, respondent: ctx.respondent, caseNumber: ctx.caseNumber, copiedTitle: title, copiedNumber: ctx.document!.number, effectiveOn: r.effective_on,
    });
    const version = await CopyReports.markIssued(m, r.id, {
      superior: ctx.superior, sourceDocumentId: ctx.document!.id, documentId: doc.id, issuedBy: actor.userId, issuedOn: todayOf(this.time),
    });
    await addCaseEvent(m, actor, r.case_id, 'copy_report_issued', { copyReportId: r.id, source: kind, superior: ctx.superior, documentId: doc.id });
    await this.audit.record(m, { action: 'liaison.copy-report.issue', subjectType: 'copy-report', subjectId: r.id, actor, summary: { documentId: doc.id, superior: ctx.superior } });
    return { id: r.id, version, state: 'issued' as const, documentId: doc.id, documentNumber: doc.number, superior: ctx.superior };
  }

  /** The respondent, its superior as configured now, and the latest issued version of the document to copy. */
  private async context(m: EntityManager, s: Source) {
    const c = (await CopyReports.copyContext(m, s.caseId))!;
    const document = s.kind === 'decision'
      ? await CopyReports.latestDocument(m, 'case', s.caseId, 'decision')
      : await CopyReports.latestDocument(m, 'letter', s.id, 'opinion-letter');
    return {
      caseNumber: c.case_number, respondentId: c.respondent_department_id, respondent: c.name, respondentKind: c.kind,
      superior: c.superior ?? null, document: document ?? null,
    };
  }

  private async list(where: string, params: unknown[], limit = 200) {
    const rows = await CopyReports.copyList(this.ds, where, params, limit);
    return rows.map((r) => ({
      id: r.id, caseId: r.case_id, caseNumber: r.case_number, source: r.source_kind, sourceTitle: COPY_SOURCE_TITLES[r.source_kind as CopySource],
      sourceId: r.source_id, sourceDocumentId: r.source_document_id, sourceDocumentNumber: r.source_document_number, respondent: r.respondent,
      superior: r.superior, effectiveOn: r.effective_on, state: r.state, stateLabel: COPY_REPORT_STATE_LABELS[r.state as CopyReportState],
      pendingReason: r.pending_reason, documentId: r.document_id, documentNumber: r.document_number, issuedBy: r.issued_by, issuedByName: r.issued_by_name,
      issuedOn: r.issued_on, version: r.version, createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
