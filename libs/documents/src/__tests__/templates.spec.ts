import {
  DOCUMENT_TYPES, DocumentTemplates, checkDocumentData, chineseNumeral, formatDocumentNumber, printedDate, validateTemplate,
} from '@fuyi/documents';

describe('document templates (templates/documents/*.json)', () => {
  const templates = new DocumentTemplates();

  it('has a valid template for every document type, each with its own numbering prefix', async () => {
    const all = await templates.all();
    expect(all.map((t) => t.type)).toEqual([...DOCUMENT_TYPES]);
    expect(new Set(all.map((t) => t.prefix)).size).toBe(DOCUMENT_TYPES.length);
    for (const t of all) expect(t.defaults.office).toBe('北京市通州区人民政府');
  });

  it.each([
    ['a placeholder for personal data', { title: 'T', prefix: '通复字', body: ['住址：{{applicantAddress}}'] }, '个人信息'],
    ['a malformed placeholder', { title: 'T', prefix: '通复字', body: ['{{case number}}'] }, '占位符格式'],
    ['a stray closing brace pair', { title: 'T', prefix: '通复字', body: ['名称}}'] }, '占位符格式'],
    ['a heading level beyond four', { title: 'T', prefix: '通复字', body: [{ heading: 5, text: 'x' }] }, 'heading'],
    ['a list that is not a single placeholder', { title: 'T', prefix: '通复字', body: [{ list: '材料：{{items}}' }] }, 'list'],
    ['an empty body', { title: 'T', prefix: '通复字', body: [] }, 'body'],
    ['a prefix with the year bracket', { title: 'T', prefix: '通复〔', body: ['x'] }, 'prefix'],
    ['paragraphs that are not a single placeholder', { title: 'T', prefix: '通复字', body: [{ paragraphs: '理由：{{text}}' }] }, 'paragraphs'],
    ['a request item without why the record lacks it', { title: 'T', prefix: '通复字', body: ['x'], request: { hearingTime: ' ' } }, 'request.hearingTime'],
  ])('rejects %s', (_, raw, problem) => {
    expect(() => validateTemplate('receipt', raw)).toThrow(expect.objectContaining({ code: 'DOCUMENT_TEMPLATE_INVALID', message: expect.stringContaining(problem) }));
  });

  it('declares what a request may supply only where the record cannot know it (issue #12 item 5)', async () => {
    const declared = Object.fromEntries((await templates.all()).filter((t) => Object.keys(t.request).length).map((t) => [t.type, Object.keys(t.request)]));
    expect(declared).toEqual({ 'hearing-notice': ['hearingTime', 'hearingMatters'], 'mediation-document': ['items'] });
  });
});

describe('document formats', () => {
  it('numbers documents per GB/T 9704 with the year in 〔〕', () => {
    expect(formatDocumentNumber('通复受字', 2026, 12)).toBe('通复受字〔2026〕第12号');
  });

  it('prints dates in Arabic numerals without leading zeros', () => {
    expect(printedDate('2026-01-05')).toBe('2026年1月5日');
    expect(printedDate('2026-12-10 09:30')).toBe('2026年12月10日9时30分');
    expect(printedDate('第2026-1号')).toBe('第2026-1号');
  });

  it('writes Chinese numerals for headings and articles', () => {
    expect([1, 8, 10, 12, 20, 41, 99].map(chineseNumeral)).toEqual(['一', '八', '十', '十二', '二十', '四十一', '九十九']);
  });
});

describe('document data', () => {
  it.each([
    ['an ID number', { reason: '申请人身份证号110112198503120013' }],
    ['a mobile number', { hearingPlace: '联系电话13812345678' }],
    ['a landline', { items: ['请致电010-81234567'] }],
  ])('refuses %s (never stored with a document)', (_, data) => {
    expect(() => checkDocumentData(data)).toThrow(expect.objectContaining({ code: 'DOCUMENT_DATA_PERSONAL' }));
  });

  it('accepts names, dates and document numbers', () => {
    const data = { applicantNames: ['王小明'], receivedOn: '2026-11-10', act: '京通公（治）决字〔2026〕第101号' };
    expect(checkDocumentData(data)).toBe(data);
  });

  it.each([
    ['a number', { reason: 12 }],
    ['a nested object', { reason: { a: 1 } }],
    ['a bad key', { 'bad key': 'x' }],
  ])('refuses %s', (_, data) => {
    expect(() => checkDocumentData(data)).toThrow(expect.objectContaining({ code: 'DOCUMENT_DATA_INVALID' }));
  });
});
