import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDate, yearOf, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource, UnitOfWork, type SqlRunner } from '@fuyi/platform';
import { CaseLocks, CaseTimeline, ownershipRefusal } from '@fuyi/cases';
import { CASE_FACT_FIELDS, caseFacts } from './case-facts';
import { recordFacts } from './case-document-facts';
import { CASE_DOCUMENT_RULES, caseDocumentRule, caseDocumentStateRefusal } from './domain/case-document-rules';
import { checkDocumentData } from './domain/document-data';
import { DocumentErrors } from './domain/document-errors';
import { formatDocumentNumber } from './domain/document-format';
import { isDocumentType, type DocumentData, type DocumentOwner, type DocumentOwnerKind, type DocumentType } from './domain/document-types';
import { resolveData } from './render/placeholders';
import { renderDocx } from './render/render-docx';
import * as Documents from './stores/case-documents.store';
import * as Records from './stores/case-records.store';
import * as Versions from './stores/document-versions.store';
import { DocumentTemplates } from './templates/document-templates';
import { requestFields, type DocumentField } from './templates/request-fields';

export interface IssuedDocument {
  id: string;
  caseId: string | null;
  ownerKind: DocumentOwnerKind;
  ownerId: string;
  type: DocumentType;
  title: string;
  number: string;
  version: number;
}

export interface DocumentSummary extends IssuedDocument {
  status: 'issued';
  /** A later version of the same type exists for the case. */
  superseded: boolean;
  issuedAt: string;
  issuedBy: string;
  sha256: string;
  size: number;
}

/** A document type the caller may issue for a case now, with what the request must or may supply (issue 11 item 6). */
export interface IssuableDocumentType {
  type: DocumentType;
  title: string;
  data: DocumentField[];
}

export interface DocumentFile {
  caseId: string | null;
  /** number + title + .docx, e.g. 通复受字〔2026〕第12号行政复议受理通知书.docx */
  filename: string;
  /** For clients that cannot read RFC 5987 names: acceptance-notice-2026-12.docx */
  asciiFilename: string;
  content: Buffer;
  sha256: string;
}

/** Issue 18 item 6: why a document has a later version (same number, same document). */
export const DOCUMENT_VERSION_REASONS = ['signed', 'corrected'] as const;
export type DocumentVersionReason = (typeof DOCUMENT_VERSION_REASONS)[number];
export const DOCUMENT_VERSION_REASON_LABELS: Record<DocumentVersionReason | 'issued', string> = {
  issued: '系统生成（出具时）',
  signed: '签章扫描件',
  corrected: '更正版',
};

/** One version of an issued document: 1 is the .docx as issued, 2… are uploads (a stored file of libs/files). */
export interface DocumentVersion {
  version: number;
  reason: DocumentVersionReason | 'issued';
  reasonLabel: string;
  /** The stored file (GET /files/{fileId}/download) for uploaded versions; null for the issued .docx. */
  fileId: string | null;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  note: string | null;
  by: string;
  /** Whose upload (or who issued it), by name, for the list. */
  byName: string | null;
  at: string;
}

export interface NewDocumentVersion {
  reason: DocumentVersionReason;
  fileId: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  note?: string | null;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const versionView = (r: Versions.DocumentVersionRow, byName: string | null): DocumentVersion => ({
  version: r.version, reason: r.reason as DocumentVersionReason, reasonLabel: DOCUMENT_VERSION_REASON_LABELS[r.reason as DocumentVersionReason] ?? r.reason,
  fileId: r.file_id, filename: r.filename, mime: r.mime, size: Number(r.size_bytes), sha256: r.sha256.trim(), note: r.note,
  by: r.uploaded_by, byName, at: new Date(r.uploaded_at).toISOString(),
});

/**
 * Issues the office's documents (.docx) and keeps them with the case: numbered per type and year, gap-free,
 * immutable once issued; issuing the same type again for a case is a correction, the next version.
 * Who may see a case is the caller's check (CaseQueriesService.assertVisible).
 */
@Injectable()
export class DocumentService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly templates: DocumentTemplates,
    private readonly time: TimeSource,
  ) {}

  /**
   * Issues a case's document from its record (issue #12 item 5): only in the states where the type belongs, by the roles
   * that own the step, by the case's handler (or a chief or the head), with every fact taken from the record. The
   * request may supply only what the template declares under "request" (what the record cannot know).
   */
  async issueFromCase(m: EntityManager, actor: Actor, caseId: string, type: DocumentType, extra: DocumentData = {}): Promise<IssuedDocument> {
    if (!isDocumentType(type)) throw DocumentErrors.unknownType(String(type));
    const template = await this.templates.get(type);
    const rule = caseDocumentRule(type, template.title, actor);
    const request = { ...checkDocumentData(extra) };
    for (const key of Object.keys(request)) {
      if (Object.hasOwn(template.request, key)) continue;
      throw DocumentErrors.dataInvalid(key, (CASE_FACT_FIELDS as readonly string[]).includes(key) ? '该项由案件数据生成，不能填写' : `${template.title}的内容取自案件记录，不能填写此项`);
    }
    // Locked: the case cannot change state (or handler) between this check and the issue.
    const c = await CaseLocks.forUpdate(m, caseId);
    if (!c) throw DocumentErrors.caseNotFound();
    const notOwner = ownershipRefusal(actor, { state: c.state, handlerId: c.handlerId });
    if (notOwner) throw notOwner;
    const wrongState = caseDocumentStateRefusal(rule, template.title, c.state);
    if (wrongState) throw wrongState;
    const facts = await caseFacts(m, caseId);
    if (!facts) throw DocumentErrors.caseNotFound();
    return this.issue(m, actor, caseId, type, { ...request, ...facts, ...(await recordFacts(m, caseId, type, request)) });
  }

  /**
   * The types issueFromCase would accept from this caller for this case now (its role, the case's state, the handler
   * rule), each with the data keys the request supplies, read from the template: the same checks, so a client never
   * learns them one refusal at a time. Who may see the case is the caller's check.
   */
  async caseDocumentTypes(actor: Actor, caseId: string): Promise<IssuableDocumentType[]> {
    const c = await Records.caseGate(this.ds, caseId);
    if (!c) throw DocumentErrors.caseNotFound();
    if (ownershipRefusal(actor, { state: c.state, handlerId: c.handler_id })) return [];
    const types = (Object.keys(CASE_DOCUMENT_RULES) as DocumentType[]).filter((type) => {
      const rule = CASE_DOCUMENT_RULES[type]!;
      return rule.roles.includes(actor.role) && !caseDocumentStateRefusal(rule, type, c.state);
    });
    const templates = await Promise.all(types.map((type) => this.templates.get(type)));
    return templates.map((t) => ({ type: t.type, title: t.title, data: requestFields(t) }));
  }

  /** In the caller's transaction: a case document (see issueFor). */
  issue(m: EntityManager, actor: Actor, caseId: string, type: DocumentType, data: DocumentData): Promise<IssuedDocument> {
    return this.issueFor(m, actor, { kind: 'case', id: caseId, caseId }, type, data);
  }

  /**
   * In the caller's transaction: number, render, store, audit row, and the case's timeline event when the
   * document also belongs to a case. Versions count per owner and type.
   */
  async issueFor(m: EntityManager, actor: Actor, owner: DocumentOwner, type: DocumentType, data: DocumentData): Promise<IssuedDocument> {
    if (!isDocumentType(type)) throw DocumentErrors.unknownType(String(type));
    checkDocumentData(data);
    for (const key of ['documentNumber', 'issuedOn']) if (Object.hasOwn(data, key)) throw DocumentErrors.dataInvalid(key, '该项由系统生成，不能填写');
    const caseId = owner.kind === 'case' ? owner.id : (owner.caseId ?? null);
    let caseNumber: string | null = null;
    if (caseId) {
      const c = await Records.caseNumber(m, caseId);
      if (!c) throw DocumentErrors.caseNotFound();
      caseNumber = c.case_number;
    }
    const template = await this.templates.get(type);
    const issuedOn = shanghaiDate(this.time.now());
    const year = yearOf(issuedOn);
    // Fail on missing values before a number is taken (the counter row lock is held to the end of the transaction).
    resolveData(template, { ...data, issuedOn, documentNumber: '—' });

    // Serialises issues of one type for one owner, so two corrections at once cannot both become version n+1.
    await Documents.lockOwnerType(m, owner.kind, owner.id, type);
    const version = await Documents.nextIssueVersion(m, owner.kind, owner.id, type);
    const seq = await Documents.takeDocumentNumber(m, type, year);
    const number = formatDocumentNumber(template.prefix, year, seq);
    const values = resolveData(template, { ...data, issuedOn, documentNumber: number });
    // Every document of a case shows the case number (案号) beside its own number.
    const content = await renderDocx(template, values, { caseNumber });
    const hash = sha256(content);
    const { documentNumber: _, ...rest } = values;
    const stored = caseNumber ? { ...rest, caseNumber } : rest;
    const id = await Documents.insertDocument(m, {
      owner_kind: owner.kind, owner_id: owner.id, case_id: caseId, type, year, seq, number, title: template.title, version, content, sha256: hash,
      issued_by: actor.userId, data: stored,
    });
    if (caseId) {
      await CaseTimeline.append(m, { caseId, type: 'document_issued', actorId: actor.userId, data: { documentId: id, type, number } });
    }
    await this.audit.record(m, {
      action: 'document.issue', subjectType: owner.kind, subjectId: owner.id, actor,
      summary: { documentId: id, type, number, version, sha256: hash, ...(caseId && owner.kind !== 'case' ? { caseId } : {}) },
    });
    return { id, caseId, ownerKind: owner.kind, ownerId: owner.id, type, title: template.title, number, version };
  }

  /** The case's documents (incl. those of its mediation file or letters), oldest first, without their content. */
  list(caseId: string): Promise<DocumentSummary[]> {
    return this.uow.read((m) => this.summaries(m, { caseId }));
  }

  /** One owner's documents, oldest first, without their content. */
  /** `m`: read inside the caller's transaction (e.g. the document a step just issued). */
  listFor(kind: DocumentOwnerKind, id: string, m?: SqlRunner): Promise<DocumentSummary[]> {
    const of = { ownerKind: kind, ownerId: id };
    return m ? this.summaries(m, of) : this.uow.read((r) => this.summaries(r, of));
  }

  private async summaries(m: SqlRunner, of: Parameters<typeof Documents.documentSummaries>[1]): Promise<DocumentSummary[]> {
    const rows = await Documents.documentSummaries(m, of);
    return rows.map((r) => ({
      id: r.id, caseId: r.case_id, ownerKind: r.owner_kind as DocumentOwnerKind, ownerId: r.owner_id, type: r.type as DocumentType, title: r.title, number: r.number,
      version: r.version, status: r.status as 'issued', superseded: r.superseded, issuedAt: new Date(r.issued_at).toISOString(), issuedBy: r.issued_by,
      sha256: r.sha256, size: Number(r.size),
    }));
  }

  /** The case a document belongs to, for the caller's visibility check before a download. */
  async caseOf(documentId: string): Promise<string> {
    const owner = await this.ownerOf(documentId);
    if (!owner.caseId) throw DocumentErrors.notFound();
    return owner.caseId;
  }

  /** What a document belongs to, for the caller's visibility check before a download. */
  async ownerOf(documentId: string): Promise<{ kind: DocumentOwnerKind; id: string; caseId: string | null; type: DocumentType }> {
    const row = await Versions.documentOwner(this.ds, documentId);
    if (!row) throw DocumentErrors.notFound();
    return { kind: row.owner_kind as DocumentOwnerKind, id: row.owner_id, caseId: row.case_id, type: row.type as DocumentType };
  }

  /**
   * Issue 18 item 6, in the caller's transaction (the one that stores the file's row): records an uploaded file as the
   * document's next version. Versions of one document are serialised; the row is immutable. The caller has checked who
   * may (the case's gate) and that the document is the case's own.
   */
  async recordVersion(m: EntityManager, actor: Actor, documentId: string, v: NewDocumentVersion): Promise<DocumentVersion> {
    const doc = await Versions.versionedDocument(m, documentId);
    if (!doc) throw DocumentErrors.notFound();
    await Versions.lockVersions(m, documentId);
    const version = await Versions.nextVersion(m, documentId);
    const row = await Versions.insertVersion(m, {
      document_id: documentId, version, reason: v.reason, file_id: v.fileId, filename: v.filename, mime: v.mime, size_bytes: String(v.size),
      sha256: v.sha256, note: v.note ?? null, uploaded_by: actor.userId,
    });
    const event = { documentId, type: doc.type, number: doc.number, version, reason: v.reason, fileId: v.fileId, sha256: v.sha256 };
    if (doc.case_id) await CaseTimeline.append(m, { caseId: doc.case_id, type: 'document_version_added', actorId: actor.userId, data: event });
    await this.audit.record(m, { action: 'document.version', subjectType: 'document', subjectId: documentId, actor, summary: event });
    return versionView(row, null);
  }

  /** A document's versions, oldest first: the issued .docx (1), then the uploads. */
  async versions(documentId: string): Promise<DocumentVersion[]> {
    const doc = await Versions.issuedVersion(this.ds, documentId);
    if (!doc) throw DocumentErrors.notFound();
    const rows = await Versions.uploadedVersions(this.ds, documentId);
    const issued: DocumentVersion = {
      version: 1, reason: 'issued', reasonLabel: DOCUMENT_VERSION_REASON_LABELS.issued, fileId: null,
      filename: `${doc.number}${doc.title}.docx`.replace(/[\\/:*?"<>|\r\n]/g, '_'), mime: DOCX_MIME, size: Number(doc.size), sha256: doc.sha256.trim(),
      note: null, by: doc.issued_by, byName: doc.display_name ?? null, at: new Date(doc.issued_at).toISOString(),
    };
    return [issued, ...rows.map((r) => versionView(r, r.display_name ?? null))];
  }

  async download(documentId: string): Promise<DocumentFile> {
    const row = await Documents.documentFile(this.ds, documentId);
    if (!row) throw DocumentErrors.notFound();
    // The stored hash is what was issued (and audited): a file that no longer matches it is not handed out.
    if (sha256(row.content) !== row.sha256) throw DocumentErrors.integrity();
    return {
      caseId: row.case_id,
      filename: `${row.number}${row.title}.docx`.replace(/[\\/:*?"<>|\r\n]/g, '_'),
      asciiFilename: `${row.type}-${row.year}-${row.seq}.docx`,
      content: row.content,
      sha256: row.sha256,
    };
  }
}
