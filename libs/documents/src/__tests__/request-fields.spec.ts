import {
  ALWAYS_REQUIRED, CASE_DOCUMENT_RULES, CASE_FACT_FIELDS, DocumentTemplates, placeholdersOf, recordFacts, requestFields, renderDocx,
  resolveData, type DocumentType,
} from '@fuyi/documents';
import { DECISION_TYPES, type DecisionType } from '@fuyi/cases';
import { readDocx } from './docx-text';

/**
 * Issue 11 item 6: what a client must supply to issue a case's document is read from the template itself
 * (GET /cases/:id/document-types), so the list and what the renderer reads cannot drift apart.
 */
describe('document data keys, from the templates', () => {
  const templates = new DocumentTemplates();
  const caseTypes = Object.keys(CASE_DOCUMENT_RULES) as DocumentType[];

  it.each(caseTypes)('%s: every key the template reads is declared (record, request, default or system), every request key is read', async (type) => {
    const t = await templates.get(type);
    const fromRequest = new Map(Object.entries(t.request).map(([key, f]) => [f.fills ?? key, key]));
    const read = placeholdersOf(t);
    const undeclared = read.filter(
      (name) => !(CASE_FACT_FIELDS as readonly string[]).includes(name) && !fromRequest.has(name) && !Object.hasOwn(t.defaults, name) && !(ALWAYS_REQUIRED as readonly string[]).includes(name),
    );
    expect(undeclared).toEqual([]);
    expect([...fromRequest.keys()].filter((name) => !read.includes(name))).toEqual([]);
    // A request key fills a placeholder the record does not: the record would otherwise overwrite it.
    for (const [target, key] of fromRequest) if (key !== target) expect(CASE_FACT_FIELDS).toContain(target);
  });

  it('describes each request key with its label, type, whether required and format', async () => {
    expect(requestFields(await templates.get('hearing-notice'))).toEqual([
      { key: 'hearingTime', label: '听证开始时间', type: 'text', required: true, format: 'HH:mm', note: expect.any(String) },
      { key: 'hearingMatters', label: '拟听证事项', type: 'text', required: true, format: null, note: '案件记录中没有' },
    ]);
    expect(requestFields(await templates.get('mediation-document'))).toEqual([
      { key: 'items', label: '调解协议条款', type: 'list', required: true, format: null, note: expect.any(String) },
    ]);
    expect(requestFields(await templates.get('receipt'))).toEqual([]);
  });

  it('a required key left out is exactly what resolveData reports missing', async () => {
    const t = await templates.get('hearing-notice');
    const facts = Object.fromEntries(placeholdersOf(t).map((k) => [k, 'x']));
    delete facts.hearingAt;
    delete facts.hearingMatters;
    expect(() => resolveData(t, { ...facts, documentNumber: 'n', issuedOn: '2026-01-05' })).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_DATA_MISSING', message: expect.stringMatching(/hearingAt.*hearingMatters|hearingMatters.*hearingAt/) }),
    );
  });

  // The legal basis comes from the record as an article alone (第六十四条): the template names the law once.
  it.each(Object.keys(DECISION_TYPES) as DecisionType[])('a %s decision names the law once', async (decisionType) => {
    const row = { decision: { approvedBy: 'u', decidedOn: '2027-01-05', type: decisionType, summary: '本机关决定如下。' }, requests: '撤销', facts_reasons: '理由' };
    const db = { query: <T>() => Promise.resolve([row] as T) };
    const facts = await recordFacts(db, 'c', 'decision', {});
    expect(facts.legalBasis).toMatch(/^第[一二三四五六七八九十百]+条$/);
    const t = await templates.get('decision');
    const values = Object.fromEntries(placeholdersOf(t).map((k) => [k, 'x']));
    const doc = readDocx(await renderDocx(t, resolveData(t, { ...values, ...facts, documentNumber: 'n', issuedOn: '2027-01-05', office: 'o' })));
    const basis = doc.paragraphs.find((p) => p.includes('依据《'))!;
    expect(basis.match(/中华人民共和国行政复议法/g)).toHaveLength(1);
  });
});
