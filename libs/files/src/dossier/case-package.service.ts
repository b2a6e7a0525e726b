import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Readable, Transform, pipeline } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Archiver } from 'archiver';
import { DataSource } from 'typeorm';
import { shanghaiDate, type Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuditService, TimeSource, UnitOfWork, type AppConfig } from '@fuyi/platform';
import { CaseOp, CaseQueriesService } from '@fuyi/cases';
import { DocumentService, renderReportDocx } from '@fuyi/documents';
import { BLOB_STORAGE, type BlobStorage } from '../storage/blob-storage';
import { FILE_KIND_LABELS, type FileKind } from '../domain/file-kinds';
import { FileOwnerAccess } from '../owner-access';
import * as Package from '../stores/case-package.store';
import { PdfPageCounter } from './pdf-pages';
import { DOSSIER_PARTS, catalogueDate, dossierOrder, entryName, partOfDocument, partOfFile, splitName } from './dossier-order';

interface Planned {
  part: number;
  date: string;
  at: string;
  title: string;
  ext: string;
  mime: string;
  /** What the record says the bytes hash to. */
  sha256: string;
  source: { blob: string } | { content: () => Promise<Buffer> } | null;
  remark: string;
}

export interface CatalogueRow {
  seq: number;
  part: string;
  title: string;
  entry: string;
  date: string;
  pages: number | null;
  sha256: string;
  remark: string;
}

/**
 * Issue 18 item 6: the whole case file as one zip, streamed — one entry at a time, each read from the store as the
 * client takes it (memory does not grow with the case) — with its 卷内目录 as .docx and .xlsx. The catalogue comes last
 * in the zip (its name sorts first): page counts and hashes are taken as the files stream through, never by reading a
 * file twice or holding one.
 */
@Injectable()
export class CasePackageService {
  private readonly logger = new Logger('CasePackage');
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: FileOwnerAccess,
    private readonly cases: CaseQueriesService,
    private readonly documents: DocumentService,
    private readonly audit: AuditService,
    private readonly time: TimeSource,
    @Inject(BLOB_STORAGE) private readonly storage: BlobStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks (visible, closed or archived, the handler or a chief or the head), audits, and returns the stream. */
  async open(actor: Actor, caseId: string, from: string): Promise<{ filename: string; stream: Readable }> {
    await this.access.assertVisible(actor, 'case', caseId);
    await this.cases.assertOperation(actor, caseId, CaseOp.DownloadPackage);
    const caseNumber = (await Package.caseNumberOf(this.ds, caseId))!.case_number; // visible above: it exists
    const planned = await this.plan(caseId);
    await this.uow.run((m) =>
      this.audit.record(m, {
        action: 'case.package.download',
        subjectType: 'case',
        subjectId: caseId,
        actor,
        summary: { from, entries: planned.length },
      }),
    );
    // archiver and exceljs are loaded with the first package, not at start (exceljs alone is a sixth of the api's load).
    const { default: archiver } = await import('archiver');
    const archive = archiver('zip', { store: true });
    const out = new PassThrough();
    archive.on('warning', (e) => this.logger.warn(`package of case ${caseId}: ${e.message}`));
    archive.on('error', (e) => out.destroy(e));
    archive.pipe(out);
    this.write(archive, caseNumber, planned).catch((e: Error) => {
      this.logger.error(`package of case ${caseId} failed: ${e.message}`);
      archive.abort();
      out.destroy(e);
    });
    return { filename: `${caseNumber}案卷.zip`, stream: out };
  }

  /** Every material (not quarantined) and every document (its latest version), in procedural order. */
  private async plan(caseId: string): Promise<Planned[]> {
    const scanning = !!this.config.files.clamd;
    const files = await Package.caseMaterials(this.ds, caseId);
    const items: Planned[] = files.map((f): Planned => {
      const { title, ext } = splitName(f.filename, f.mime);
      const servable = f.scan_state !== 'quarantined' && (!scanning || f.scan_state === 'clean');
      return {
        part: partOfFile(f.kind),
        date: f.received_on,
        at: new Date(f.created_at).toISOString(),
        title,
        ext,
        mime: f.mime,
        sha256: f.sha256.trim(),
        source: servable ? { blob: f.sha256.trim() } : null,
        remark: servable
          ? (FILE_KIND_LABELS[f.kind as FileKind] ?? '')
          : `${FILE_KIND_LABELS[f.kind as FileKind] ?? ''}；未通过或未完成病毒扫描，未收入本包`,
      };
    });
    for (const d of await this.documents.list(caseId)) {
      const versions = await this.documents.versions(d.id);
      const latest = versions[versions.length - 1]!;
      const issuedOn = shanghaiDate(new Date(d.issuedAt));
      const title = `${d.number}${d.title}`;
      const notes = [
        latest.version > 1 ? `${latest.reasonLabel}（第${latest.version}版）` : '系统生成的文书',
        ...(d.superseded ? ['已由更正后重新出具的文书取代'] : []),
      ];
      if (latest.fileId) {
        const f = await Package.scanStateOf(this.ds, latest.fileId);
        const servable = f && f.scan_state !== 'quarantined' && (!scanning || f.scan_state === 'clean');
        items.push({
          part: partOfDocument(d.type),
          date: issuedOn,
          at: d.issuedAt,
          title,
          ext: splitName(latest.filename, latest.mime).ext,
          mime: latest.mime,
          sha256: latest.sha256,
          source: servable ? { blob: latest.sha256 } : null,
          remark: servable ? notes.join('；') : `${notes.join('；')}；未通过或未完成病毒扫描，未收入本包`,
        });
      } else {
        items.push({
          part: partOfDocument(d.type),
          date: issuedOn,
          at: d.issuedAt,
          title,
          ext: 'docx',
          mime: latest.mime,
          sha256: latest.sha256,
          source: { content: async () => (await this.documents.download(d.id)).content },
          remark: notes.join('；'),
        });
      }
    }
    return dossierOrder(items);
  }

  private async write(archive: Archiver, caseNumber: string, planned: Planned[]): Promise<void> {
    const rows: CatalogueRow[] = [];
    let seq = 0;
    for (const p of planned) {
      seq++;
      const entry = entryName(seq, p.title, p.ext);
      const row: CatalogueRow = {
        seq,
        part: DOSSIER_PARTS[p.part]!,
        title: p.title,
        entry,
        date: catalogueDate(p.date),
        pages: null,
        sha256: p.sha256,
        remark: p.remark,
      };
      rows.push(row);
      if (!p.source) {
        row.entry = '';
        continue;
      }
      const source =
        'blob' in p.source ? await this.storage.get(p.source.blob).catch(() => null) : Readable.from([await p.source.content()]);
      if (!source) {
        this.logger.error(`package: blob ${p.sha256} unreadable (${this.storage.driver})`);
        row.entry = '';
        row.remark = `${row.remark}；文件缺失，请运行 files:verify 并联系管理员`;
        continue;
      }
      const hash = createHash('sha256');
      const pages = p.mime === 'application/pdf' ? new PdfPageCounter() : null;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          pages?.push(chunk);
          done(null, chunk);
        },
      });
      pipeline(source, meter, () => undefined);
      archive.append(meter, { name: entry, date: new Date(`${p.date}T00:00:00+08:00`) });
      await once(archive, 'entry');
      row.pages = pages ? pages.result() : p.mime.startsWith('image/') ? 1 : null;
      const actual = hash.digest('hex');
      if (actual !== p.sha256) {
        this.logger.error(`package: ${entry} does not match its recorded hash`);
        row.remark = `${row.remark}；文件校验值与登记不符（实际 ${actual}），请联系管理员`;
      }
    }
    archive.append(await catalogueDocx(caseNumber, rows, shanghaiDate(this.time.now())), { name: '000-卷内目录.docx' });
    archive.append(await catalogueXlsx(caseNumber, rows), { name: '000-卷内目录.xlsx' });
    await archive.finalize();
  }
}

function catalogueDocx(caseNumber: string, rows: CatalogueRow[], issuedOn: string): Promise<Buffer> {
  return renderReportDocx({
    title: '卷内目录',
    number: `案号：${caseNumber}`,
    office: '行政复议机构',
    issuedOn,
    sections: [
      {
        heading: '卷内文件',
        paragraphs: [
          '按办理程序排列：申请及材料、受理、答复及证据、审理、决定（调解书、协议）、送达、其他。页数按PDF文件自身计算，无法可靠计算的留空。',
        ],
        table: {
          caption: `${caseNumber}卷内目录`,
          headers: ['序号', '题名', '日期', '页数', '备注'],
          rows: rows.map((r) => [String(r.seq), r.title, r.date, r.pages === null ? '' : String(r.pages), r.remark]),
        },
      },
    ],
  });
}

async function catalogueXlsx(caseNumber: string, rows: CatalogueRow[]): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  const ws = wb.addWorksheet('卷内目录');
  ws.columns = [
    { header: '序号', key: 'seq', width: 6 },
    { header: '类别', key: 'part', width: 16 },
    { header: '题名', key: 'title', width: 48 },
    { header: '日期', key: 'date', width: 11 },
    { header: '页数', key: 'pages', width: 6 },
    { header: '包内文件', key: 'entry', width: 48 },
    { header: 'SHA-256', key: 'sha256', width: 66 },
    { header: '备注', key: 'remark', width: 40 },
  ];
  ws.insertRow(1, [`${caseNumber} 卷内目录`]);
  for (const r of rows) ws.addRow({ ...r, pages: r.pages ?? '' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
