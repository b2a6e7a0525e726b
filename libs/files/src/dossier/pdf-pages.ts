/**
 * Counts a PDF's pages on the way through (issue 18 item 6: the 卷内目录's 页数), without holding the file: the page
 * objects (`N G obj … /Type /Page`) are counted by object number, so an incremental update that rewrites a page counts
 * it once. Cheap and exact for the PDFs scanners and office suites write with plain page objects; when the page objects
 * may sit inside compressed object streams (`/Type /ObjStm`, PDF 1.5+) they cannot be seen without inflating them, and
 * the count is null (the catalogue leaves 页数 blank) rather than a guess.
 */
export class PdfPageCounter {
  private carry = '';
  private current: string | null = null;
  private readonly pages = new Set<string>();
  private objectStreams = false;
  private static readonly TOKEN = /(\d+)\s+\d+\s+obj\b|\/Type\s*\/(Pages|Page|ObjStm)(?![A-Za-z0-9])|\bendobj\b/g;
  /** Enough to hold a token split across two chunks. */
  private static readonly KEEP = 64;

  push(chunk: Buffer): void {
    this.scan(this.carry + chunk.toString('latin1'), false);
  }

  /** The page count, or null when it cannot be told cheaply (no page objects seen, or object streams). */
  result(): number | null {
    this.scan(this.carry, true);
    this.carry = '';
    return this.objectStreams || this.pages.size === 0 ? null : this.pages.size;
  }

  private scan(text: string, final: boolean): void {
    const limit = final ? text.length : Math.max(0, text.length - PdfPageCounter.KEEP);
    const re = new RegExp(PdfPageCounter.TOKEN.source, 'g');
    let m: RegExpExecArray | null;
    // Never cut a number (an object number split across chunks): the carry starts before the digits and blanks at the cut.
    let consumed = limit;
    while (!final && consumed > 0 && /[\d\s]/.test(text[consumed - 1]!)) consumed--;
    const cut = consumed;
    while ((m = re.exec(text)) !== null) {
      if (m.index >= cut || (!final && m.index + m[0].length > cut)) {
        consumed = Math.min(m.index, cut);
        break;
      }
      if (m[1] !== undefined) this.current = m[1];
      else if (m[2] === 'Page') {
        if (this.current !== null) this.pages.add(this.current);
      } else if (m[2] === 'ObjStm') this.objectStreams = true;
      else if (m[0] === 'endobj') this.current = null;
    }
    this.carry = text.slice(consumed);
  }
}
