/** RFC 6266/5987: an ASCII fallback for old clients and the UTF-8 name (Chinese, 〔〕) percent-encoded. */
export function attachmentDisposition(filename: string): string {
  return contentDisposition(filename, 'attachment');
}

/** The types a browser shows itself (its PDF viewer, an <img>): only these are ever served `inline` (a preview). */
export const PREVIEWABLE_MIMES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];
export const FILE_DISPOSITIONS = ['attachment', 'inline'] as const;
export type FileDisposition = (typeof FILE_DISPOSITIONS)[number];

/** The header for either disposition, with the same RFC 5987 name. */
export function contentDisposition(filename: string, disposition: FileDisposition): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '').trim() || `file${ext}`;
  return `${disposition}; filename="${ascii.includes('.') ? ascii : `file${ext}`}"; filename*=UTF-8''${encoded}`;
}

/** A name as the user gave it, kept for display: no path, no control characters, at most 200 characters. */
export function cleanFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
   
  const clean = base.replace(/[\x00-\x1f\x7f]/g, '').trim().slice(-200);
  return clean || '未命名文件';
}
