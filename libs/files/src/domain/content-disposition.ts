/** RFC 6266/5987: an ASCII fallback for old clients and the UTF-8 name (Chinese, 〔〕) percent-encoded. */
export function attachmentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '').trim() || `file${ext}`;
  return `attachment; filename="${ascii.includes('.') ? ascii : `file${ext}`}"; filename*=UTF-8''${encoded}`;
}

/** A name as the user gave it, kept for display: no path, no control characters, at most 200 characters. */
export function cleanFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
   
  const clean = base.replace(/[\x00-\x1f\x7f]/g, '').trim().slice(-200);
  return clean || '未命名文件';
}
