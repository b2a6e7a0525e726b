import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { FILE_KINDS, FileErrors, type FileKind, type UploadMeta } from '@fuyi/files';

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
export async function readUploadForm(req: FastifyRequest, onFile: (part: UploadPart) => Promise<unknown>): Promise<unknown> {
  if (!req.isMultipart()) throw FileErrors.noFile();
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (!FIELDS.has(part.fieldname)) throw FileErrors.invalid(part.fieldname, `不支持的字段：${part.fieldname}`);
      fields[part.fieldname] = String(part.value ?? '').trim();
      continue;
    }
    if (part.fieldname !== 'file') throw FileErrors.invalid(part.fieldname, '文件字段应名为 file');
    const result = await onFile({ meta: metaOf(fields), file: part.file, filename: part.filename });
    return result;
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
