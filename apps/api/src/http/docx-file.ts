import { StreamableFile } from '@nestjs/common';
import type { DocumentFile } from '@fuyi/documents';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266/5987: an ASCII fallback name for old clients, the Chinese name (文号 + 标题) for the rest. */
function attachment(filename: string, ascii: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** An issued document as a download; the caller has checked that the actor may see its owner. */
export function docxFile(file: DocumentFile): StreamableFile {
  return new StreamableFile(file.content, { type: DOCX, length: file.content.length, disposition: attachment(file.filename, file.asciiFilename) });
}

/** A generated file (statistics export, yearly report) as a download. */
export function downloadFile(file: { content: Buffer; filename: string; asciiFilename: string }, type: string): StreamableFile {
  return new StreamableFile(file.content, { type, length: file.content.length, disposition: attachment(file.filename, file.asciiFilename) });
}
