import { PdfPageCounter } from '../dossier/pdf-pages';
import { dossierOrder, entryName, partOfDocument, partOfFile, splitName } from '../dossier/dossier-order';

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\n%%EOF\n`, 'latin1');
const count = (b: Buffer, chunk = b.length) => {
  const c = new PdfPageCounter();
  for (let i = 0; i < b.length; i += chunk) c.push(b.subarray(i, i + chunk));
  return c.result();
};

describe('PdfPageCounter (the 卷内目录 页数)', () => {
  const three = pdf(
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj 2 0 obj << /Type /Pages /Count 3 >> endobj ' +
      '3 0 obj << /Type /Page >> endobj 4 0 obj <</Type/Page/Parent 2 0 R>> endobj 15 0 obj << /Type /Page >> endobj',
  );

  it('counts page objects, not the page tree', () => expect(count(three)).toBe(3));

  it('gives the same count whatever the chunks (tokens and object numbers split across them)', () => {
    for (const size of [1, 2, 3, 7, 13, 64]) expect([size, count(three, size)]).toEqual([size, 3]);
  });

  it('counts a page rewritten by an incremental update once', () => {
    expect(
      count(pdf('3 0 obj << /Type /Page >> endobj 4 0 obj << /Type /Page >> endobj 3 0 obj << /Type /Page /Rotate 90 >> endobj')),
    ).toBe(2);
  });

  it('is blank (null) when pages may hide in object streams, or none are seen', () => {
    expect(count(pdf('3 0 obj << /Type /Page >> endobj 9 0 obj << /Type /ObjStm /N 4 >> stream x endstream endobj'))).toBeNull();
    expect(count(pdf('1 0 obj << /Type /Catalog >> endobj'))).toBeNull();
  });
});

describe('the case file in procedural order', () => {
  it('puts the parts in the order of the procedure, then by date', () => {
    const items = [
      { id: 'receipt-file', part: partOfFile('service-receipt'), date: '2026-11-01', at: 'a' },
      { id: 'decision', part: partOfDocument('decision'), date: '2026-10-01', at: 'a' },
      { id: 'evidence', part: partOfFile('respondent-evidence'), date: '2026-09-02', at: 'a' },
      { id: 'acceptance', part: partOfDocument('acceptance-notice'), date: '2026-09-01', at: 'a' },
      { id: 'application-2', part: partOfFile('applicant-material'), date: '2026-08-02', at: 'a' },
      { id: 'application-1', part: partOfFile('applicant-material'), date: '2026-08-01', at: 'b' },
      { id: 'letter', part: partOfDocument('opinion-letter'), date: '2026-01-01', at: 'a' },
      { id: 'hearing', part: partOfFile('hearing-record'), date: '2026-09-20', at: 'a' },
    ];
    expect(dossierOrder(items).map((i) => i.id)).toEqual([
      'application-1',
      'application-2',
      'acceptance',
      'evidence',
      'hearing',
      'decision',
      'receipt-file',
      'letter',
    ]);
  });

  it('names entries by number and title, without path characters; the extension from the stored type', () => {
    expect(entryName(7, '通复决字〔2026〕第3号/行政复议决定书', 'pdf')).toBe('007-通复决字〔2026〕第3号_行政复议决定书.pdf');
    expect(splitName('现场照片', 'image/png')).toEqual({ title: '现场照片', ext: 'png' });
    expect(splitName('申请书.PDF', 'application/pdf')).toEqual({ title: '申请书', ext: 'pdf' });
  });
});
