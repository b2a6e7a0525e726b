import { Inject, Injectable, Logger } from '@nestjs/common';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { shanghaiDate, type Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, TimeSource, UnitOfWork, type AppConfig } from '@fuyi/platform';
import { CaseOp, CaseQueriesService, CaseTimeline, RespondentService } from '@fuyi/cases';
import { DocumentErrors, DocumentService, type DocumentVersion, type DocumentVersionReason } from '@fuyi/documents';
import { BLOB_STORAGE, type BlobStorage } from './storage/blob-storage';
import { receiveUpload } from './intake/receive-upload';
import { scanWithClamd } from './intake/clamd-scanner';
import { FileErrors } from './domain/file-errors';
import { DOCUMENT_VERSION_KIND, DOCUMENT_VERSION_KIND_LABEL, FILE_KIND_LABELS, type FileKind, type FileOwnerType, type ScanState } from './domain/file-kinds';
import { cleanFilename, type FileDisposition } from './domain/content-disposition';
import { parseByteRange } from './domain/byte-range';
import { FileOwnerAccess } from './owner-access';
import * as StoredFiles from './stores/stored-files.store';

export interface UploadMeta {
  kind: FileKind;
  submittedBy: string;
  receivedOn: string;
  /** A respondent's reply: also record the reply on the case (the reply clock, ARL 48) at this case version. */
  recordReplyAtVersion?: number;
}

export interface DocumentVersionMeta {
  reason: DocumentVersionReason;
  note?: string;
}

export interface FileView {
  id: string; ownerType: string; ownerId: string; kind: string; kindLabel: string; filename: string; mime: string;
  size: number; sha256: string; submittedBy: string; receivedOn: string; scanState: string; uploadedAt: string;
}

const view = (r: StoredFiles.StoredFileRow): FileView => ({
  id: r.id, ownerType: r.owner_type, ownerId: r.owner_id, kind: r.kind, kindLabel: r.kind === DOCUMENT_VERSION_KIND ? DOCUMENT_VERSION_KIND_LABEL : (FILE_KIND_LABELS[r.kind as FileKind] ?? r.kind),
  filename: r.filename, mime: r.mime, size: Number(r.size_bytes), sha256: r.sha256.trim(), submittedBy: r.submitted_by,
  receivedOn: r.received_on, scanState: r.scan_state, uploadedAt: new Date(r.created_at).toISOString(),
});

/** Orchestrates upload (receive, check, scan, store, record in one transaction) and download (scope, scan, range). */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('Files');
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: FileOwnerAccess,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
    private readonly respondent: RespondentService,
    private readonly cases: CaseQueriesService,
    private readonly documents: DocumentService,
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checked before the body is read: a caller outside the owner's scope learns nothing and sends nothing more. */
  assertOwnerVisible(actor: Actor, ownerType: FileOwnerType, ownerId: string): Promise<void> {
    return this.access.assertVisible(actor, ownerType, ownerId);
  }

  /**
   * Before the body is read: the owner is visible, and for a case the upload is one of its allowedActions (who may add
   * materials in which state: CaseOp.UploadFile, or CaseOp.UploadDocumentVersion for a document's next version).
   */
  async assertMayAdd(actor: Actor, ownerType: FileOwnerType, ownerId: string, op: CaseOp.UploadFile | CaseOp.UploadDocumentVersion = CaseOp.UploadFile): Promise<void> {
    await this.access.assertVisible(actor, ownerType, ownerId);
    if (ownerType === 'case') await this.cases.assertOperation(actor, ownerId, op);
    if (ownerType === 'risk-notice' || ownerType === 'letter') await this.access.assertLiaisonMayAdd(actor, ownerType, ownerId);
  }

  checkMeta(meta: UploadMeta): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.receivedOn)) throw FileErrors.invalid('receivedOn', '收到日期格式应为 YYYY-MM-DD');
    if (meta.receivedOn > shanghaiDate(this.time.now())) throw FileErrors.invalid('receivedOn', '收到日期不能晚于今天');
    if (meta.recordReplyAtVersion !== undefined && meta.kind !== 'respondent-reply') {
      throw FileErrors.invalid('recordReply', '只有被申请人答复书可以同时记录答复');
    }
  }

  async upload(actor: Actor, owner: { type: FileOwnerType; id: string }, source: Readable, rawName: string | undefined, meta: UploadMeta): Promise<FileView> {
    this.checkMeta(meta);
    await this.assertMayAdd(actor, owner.type, owner.id);
    const received = await this.receive(source, owner.type === 'case' ? owner.id : null, owner);
    try {
      const { scan } = received;
      const filename = cleanFilename(rawName);
      return await this.uow.run(async (m) => {
        await this.holdQuota(m, owner.type === 'case' ? owner.id : null, owner, received.size);
        const row = await StoredFiles.insertStoredFile(m, {
          owner_type: owner.type, owner_id: owner.id, kind: meta.kind, filename, mime: received.type.mime, size_bytes: received.size,
          sha256: received.sha256, submitted_by: meta.submittedBy, received_on: meta.receivedOn, scan_state: scan, uploaded_by: actor.userId,
        });
        const event = { fileId: row.id, kind: meta.kind, sha256: received.sha256, size: received.size, receivedOn: meta.receivedOn, scanState: scan };
        if (owner.type === 'case') {
          await CaseTimeline.append(m, { caseId: owner.id, type: 'file_added', actorId: actor.userId, data: event });
        }
        await this.audit.record(m, { action: 'file.upload', subjectType: owner.type, subjectId: owner.id, actor, summary: event });
        if (meta.recordReplyAtVersion !== undefined && owner.type === 'case') {
          // The one path that meets the reply clock (ARL 48): RespondentService.replyReceived, in this transaction. Its
          // `documents` are the evidence received with or before the reply (none: the ARL 70 risk, EvidenceRiskHook).
          const evidence = await StoredFiles.caseEvidence(m, owner.id, meta.receivedOn);
          await this.respondent.replyReceived(m, actor, owner.id, {
            version: meta.recordReplyAtVersion, receivedOn: meta.receivedOn, documents: evidence.map((e) => e.filename),
          });
        }
        return view(row);
      });
    } finally {
      await received.discard();
    }
  }

  /**
   * Receives a file to temporary storage (hash, type, size limit), checks the owner's quota — a case's quota counts its
   * documents' uploaded versions too — scans it when scanning is on, and stores the blob (before any row: a transaction
   * that fails leaves an orphan the sweep removes). The caller discards it in every case.
   */
  private async receive(source: Readable, caseId: string | null, owner: { type: FileOwnerType; id: string }) {
    const cfg = this.config.files;
    const received = await receiveUpload(source, join(resolve(cfg.dir), 'incoming'), cfg.maxFileBytes);
    try {
      // A first look, before the blob is stored or scanned (a full case costs no disk); holdQuota decides, in the transaction.
      await this.uow.read((m) => this.checkQuota(m, caseId, owner, received.size));
      const scan: ScanState = cfg.clamd ? ((await scanWithClamd(cfg.clamd, received.path)) === 'clean' ? 'clean' : 'quarantined') : 'not-scanned';
      if (!(await this.storage.stat(received.sha256))) await this.storage.put(received.sha256, received.path, received.size);
      return { ...received, scan };
    } catch (e) {
      await received.discard();
      throw e;
    }
  }

  /** Whether `size` more bytes fit the owner's quota (a case's counts its documents' uploaded versions too). */
  private async checkQuota(m: EntityManager, caseId: string | null, owner: { type: FileOwnerType; id: string }, size: number): Promise<void> {
    const total = caseId ? await StoredFiles.caseTotalBytes(m, caseId) : await StoredFiles.ownerTotalBytes(m, owner.type, owner.id);
    if (total + size > this.config.files.maxOwnerBytes) throw FileErrors.ownerFull(this.config.files.maxOwnerBytes);
  }

  /**
   * The quota that holds: in the transaction that inserts the row, an advisory lock on the quota's owner (the case for
   * its files and its documents' versions) and then the sum, so two uploads arriving together are ordered and the second
   * sees the first's row (READ COMMITTED: each statement reads what committed before it). A refusal here rolls back: the
   * blob already stored is left to the sweep, as for any failed transaction.
   */
  private async holdQuota(m: EntityManager, caseId: string | null, owner: { type: FileOwnerType; id: string }, size: number): Promise<void> {
    await StoredFiles.lockQuota(m, caseId ? `case:${caseId}` : `${owner.type}:${owner.id}`);
    await this.checkQuota(m, caseId, owner, size);
  }

  /**
   * Issue 18 item 6: an issued document's signed and sealed scan, or a corrected file, as its next version. The blob and
   * its stored_files row (owner `case-document`) are this library's; the version row is libs/documents' (recordVersion),
   * written in the same transaction. Only the case's own documents (owner kind `case`): the mediation centre's and the
   * liaison documents keep to their own workflows.
   */
  async uploadDocumentVersion(actor: Actor, caseId: string, documentId: string, source: Readable, rawName: string | undefined, meta: DocumentVersionMeta) {
    await this.assertDocumentOfCase(actor, caseId, documentId);
    const received = await this.receive(source, caseId, { type: 'case-document', id: documentId });
    try {
      const filename = cleanFilename(rawName);
      const today = shanghaiDate(this.time.now());
      return await this.uow.run(async (m) => {
        await this.holdQuota(m, caseId, { type: 'case-document', id: documentId }, received.size);
        const row = await StoredFiles.insertStoredFile(m, {
          owner_type: 'case-document', owner_id: documentId, kind: DOCUMENT_VERSION_KIND, filename, mime: received.type.mime, size_bytes: received.size,
          sha256: received.sha256, submitted_by: '行政复议机构', received_on: today, scan_state: received.scan, uploaded_by: actor.userId,
        });
        const version = await this.documents.recordVersion(m, actor, documentId, {
          reason: meta.reason, fileId: row.id, filename, mime: received.type.mime, size: received.size, sha256: received.sha256, note: meta.note ?? null,
        });
        await this.audit.record(m, {
          action: 'file.upload', subjectType: 'case-document', subjectId: documentId, actor,
          summary: { fileId: row.id, kind: DOCUMENT_VERSION_KIND, sha256: received.sha256, size: received.size, version: version.version, scanState: received.scan },
        });
        return version;
      });
    } finally {
      await received.discard();
    }
  }

  /** Before the body is read: the case's gate for a document's next version, and the document is the case's own. */
  async assertDocumentOfCase(actor: Actor, caseId: string, documentId: string): Promise<void> {
    await this.assertMayAdd(actor, 'case', caseId, CaseOp.UploadDocumentVersion);
    const doc = await this.documents.ownerOf(documentId);
    if (doc.caseId !== caseId) throw DocumentErrors.notFound();
    if (doc.kind !== 'case') throw FileErrors.versionElsewhere();
  }

  /** A document's versions (1: as issued; 2…: uploads), for whoever sees the document. */
  async documentVersions(actor: Actor, caseId: string, documentId: string): Promise<DocumentVersion[]> {
    const doc = await this.documents.ownerOf(documentId).catch(() => null);
    if (!doc || doc.caseId !== caseId) throw DocumentErrors.notFound();
    await this.access.assertVisible(actor, 'case-document', documentId).catch(() => {
      throw DocumentErrors.notFound();
    });
    return this.documents.versions(documentId);
  }

  /** Version 1 of a document (the .docx as issued) downloaded through its versions: the same audit row as /documents/…/download. */
  async auditDocumentDownload(actor: Actor, documentId: string, from: string): Promise<void> {
    await this.uow.run((m) => this.audit.record(m, { action: 'document.download', subjectType: 'document', subjectId: documentId, actor, summary: { from, version: 1 } }));
  }

  async list(actor: Actor, ownerType: FileOwnerType, ownerId: string): Promise<FileView[]> {
    await this.access.assertVisible(actor, ownerType, ownerId);
    const rows = await this.uow.read((m) => StoredFiles.filesOf(m, ownerType, ownerId));
    return rows.map(view);
  }

  /**
   * A file to serve: visible through its owner, scanned when scanning is on, whole or one byte range; `dispositionOf`
   * says how the caller will serve it (a preview is `inline`), recorded in the audit row.
   */
  async open(actor: Actor, fileId: string, rangeHeader: string | undefined, from: string, dispositionOf: (mime: string) => FileDisposition = () => 'attachment') {
    const row = await this.uow.read((m) => StoredFiles.storedFile(m, fileId));
    if (!row) throw FileErrors.notFound();
    await this.access.assertVisible(actor, row.owner_type, row.owner_id);
    if (row.scan_state === 'quarantined') throw FileErrors.quarantined();
    if (this.config.files.clamd && row.scan_state !== 'clean') throw FileErrors.notScanned();
    const file = view(row);
    const disposition = dispositionOf(file.mime);
    const range = parseByteRange(rangeHeader, file.size);
    if (range === 'unsatisfiable') throw FileErrors.rangeNotSatisfiable(file.size);
    const stream = await this.storage.get(file.sha256, range ?? undefined).catch((e: unknown) => {
      // A row whose blob cannot be read is an operations problem (a lost disk, a partial restore): logged for
      // `npm run files:verify` to confirm; the caller sees the file as not found.
      this.logger.error(`blob of file ${file.id} unreadable (${this.storage.driver}): ${(e as Error).message}`);
      throw FileErrors.notFound();
    });
    // Every download is audited (issue 18 item 4) with the same shape as a document download's AuditedRead row.
    await this.uow.run((m) => this.audit.record(m, {
      action: 'file.download', subjectType: 'file', subjectId: file.id, actor,
      summary: { from, ...(range ? { range: `${range.start}-${range.end}` } : {}), ...(disposition === 'inline' ? { disposition } : {}) },
    })).catch((e) => {
      stream.destroy();
      throw e;
    });
    return { file, range, stream, disposition };
  }
}
