import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DOCUMENT_VERSION_REASONS, type DocumentVersionReason } from '@fuyi/documents';
import { FILE_KINDS, FileErrors, type DocumentVersionMeta, type FileKind, type UploadMeta } from '@fuyi/files';

export interface UploadPart {
  meta: UploadMeta;
  file: Readable;
  filename: string | undefined;
}

const FIELDS = new Set(['kind', 'submittedBy', 'receivedOn', 'recordReplyAtVersion']);

/**
 * Reads a multipart upload's fields, then hands over the file part as a stream (never buffered): the fields come
 * first, the file last, as the console's Upload and any HTML form send them. Unknown fields are refused (400).
 */
export function readUploadForm(req: FastifyRequest, onFile: (part: UploadPart) => Promise<unknown>): Promise<unknown> {
  return readMultipart(req, FIELDS, (fields, file, filename) => onFile({ meta: metaOf(fields), file, filename }));
}

const VERSION_FIELDS = new Set(['reason', 'note']);

/** Issue 18 item 6: a document's next version: `reason` (signed | corrected), optional `note`, then `file`. */
export function readVersionForm(req: FastifyRequest, onFile: (meta: DocumentVersionMeta, file: Readable, filename: string | undefined) => Promise<unknown>): Promise<unknown> {
  return readMultipart(req, VERSION_FIELDS, (f, file, filename) => {
    if (!DOCUMENT_VERSION_REASONS.includes(f.reason as DocumentVersionReason)) throw FileErrors.invalid('reason', '请选择版本类型：signed（签章扫描件）或 corrected（更正版）');
    if (f.note && f.note.length > 200) throw FileErrors.invalid('note', '说明不超过200字');
    return onFile({ reason: f.reason as DocumentVersionReason, ...(f.note ? { note: f.note } : {}) }, file, filename);
  });
}

async function readMultipart(
  req: FastifyRequest, allowed: Set<string>, onFile: (fields: Record<string, string>, file: Readable, filename: string | undefined) => Promise<unknown>,
): Promise<unknown> {
  if (!req.isMultipart()) throw FileErrors.noFile();
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (!allowed.has(part.fieldname)) throw FileErrors.invalid(part.fieldname, `不支持的字段：${part.fieldname}`);
      fields[part.fieldname] = String(part.value ?? '').trim();
      continue;
    }
    if (part.fieldname !== 'file') throw FileErrors.invalid(part.fieldname, '文件字段应名为 file');
    return await onFile(fields, part.file, part.filename);
  }
  throw FileErrors.noFile();
}

function metaOf(f: Record<string, string>): UploadMeta {
  if (!FILE_KINDS.includes(f.kind as FileKind)) throw FileErrors.invalid('kind', `材料类型应为：${FILE_KINDS.join('、')}`);
  if (!f.submittedBy || f.submittedBy.length > 100) throw FileErrors.invalid('submittedBy', '请填写提交人（不超过100字）');
  if (!f.receivedOn) throw FileErrors.invalid('receivedOn', '请填写收到日期');
  let recordReplyAtVersion: number | undefined;
  if (f.recordReplyAtVersion !== undefined && f.recordReplyAtVersion !== '') {
    recordReplyAtVersion = Number(f.recordReplyAtVersion);
    if (!Number.isInteger(recordReplyAtVersion) || recordReplyAtVersion < 1) throw FileErrors.invalid('recordReplyAtVersion', '案件版本号应为正整数');
  }
  return { kind: f.kind as FileKind, submittedBy: f.submittedBy, receivedOn: f.receivedOn, recordReplyAtVersion };
}
