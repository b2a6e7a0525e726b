import fc from 'fast-check';
import { attachmentDisposition, cleanFilename } from '../domain/content-disposition';
import { parseByteRange } from '../domain/byte-range';
import { replyEvidenceRisk } from '../domain/evidence-risk';

describe('byte ranges (RFC 9110 §14)', () => {
  it('reads a start-end, an open end and a suffix; clamps the end to the size', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('no header, several ranges or garbage: the whole file; a start past the end: unsatisfiable', () => {
    expect(parseByteRange(undefined, 100)).toBeNull();
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseByteRange('items=0-1', 100)).toBeNull();
    expect(parseByteRange('bytes=9-3', 100)).toBeNull();
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 100)).toBe('unsatisfiable');
  });

  it('a satisfiable range always lies inside the file', () => {
    fc.assert(fc.property(fc.nat(10_000), fc.nat(10_000), fc.integer({ min: 1, max: 10_000 }), (a, b, size) => {
      const r = parseByteRange(`bytes=${a}-${b}`, size);
      if (r && r !== 'unsatisfiable') expect(0 <= r.start && r.start <= r.end && r.end < size).toBe(true);
    }));
  });
});

describe('file names', () => {
  it('keeps a Chinese name through RFC 5987 with an ASCII fallback', () => {
    const name = '行政处罚决定书（京通公〔2026〕第101号）.pdf';
    const header = attachmentDisposition(name);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1])).toBe(name);
    expect(attachmentDisposition('a"b.pdf')).toContain('filename="ab.pdf"');
  });

  it('drops paths and control characters, never empty', () => {
    expect(cleanFilename('C:\\Users\\王\\证据.pdf')).toBe('证据.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a\u0000b\u001f.pdf')).toBe('ab.pdf');
    expect(cleanFilename(undefined)).toBe('未命名文件');
  });
});

describe('ARL 70 risk', () => {
  const reply = { replyReceivedOn: '2026-11-20', replyDue: '2026-11-24' };
  it('none before a reply; a reply without evidence; evidence late; evidence in time', () => {
    expect(replyEvidenceRisk({ replyReceivedOn: null, replyDue: '2026-11-24', evidenceReceivedOn: [] })).toBeNull();
    expect(replyEvidenceRisk({ ...reply, evidenceReceivedOn: [] })?.code).toBe('ARL70_NO_EVIDENCE');
    expect(replyEvidenceRisk({ ...reply, evidenceReceivedOn: ['2026-11-25'] })?.code).toBe('ARL70_EVIDENCE_LATE');
    expect(replyEvidenceRisk({ ...reply, evidenceReceivedOn: ['2026-11-25', '2026-11-24'] })).toBeNull();
    expect(replyEvidenceRisk({ replyReceivedOn: '2026-11-20', replyDue: null, evidenceReceivedOn: ['2026-11-20'] })).toBeNull();
  });
});
