import { DomainError } from '@fuyi/kernel';
import { DOCUMENT_TYPES, DocumentTemplates, formatDocumentNumber, placeholdersOf, printedDate, renderDocx, type DocumentData } from '@fuyi/documents';
import { readDocx } from './docx-text';

/** Every value a template may ask for, as the case and the clerk would supply them. */
const SAMPLE: DocumentData = {
  caseNumber: '通复〔2026〕第00012号',
  applicantNames: ['王小明', '李华'],
  thirdPartyNames: ['北京某某建筑有限公司'],
  respondent: '北京市通州区城市管理综合行政执法局',
  act: '作出的行政处罚决定（京通城管罚字〔2026〕第101号）',
  receivedOn: '2026-11-10',
  acceptedOn: '2026-11-13',
  procedure: '普通程序',
  acceptanceDue: '2026-11-17',
  decisionDue: '2027-01-12',
  materials: ['行政复议申请书（1份）', '行政处罚决定书复印件（1份）'],
  replyArticle: '第四十八条',
  replyPeriod: '十日',
  items: ['提供被申请复议的行政处罚决定书复印件', '明确具体的行政复议请求'],
  reason: '申请人的申请超过法定申请期限且无正当理由',
  ground: '八',
  suspendedOn: '2026-12-01',
  resumedOn: '2026-12-20',
  hearingAt: '2026-12-10 09:30',
  hearingPlace: '北京市通州区人民政府行政复议听证室',
  hearingMatters: '被申请人作出行政处罚决定的事实依据是否充分',
  presidingOfficer: '张伟',
  hearingOfficers: ['刘洋', '陈静'],
  hearingClerk: '赵磊',
  approvedOn: '2026-12-28',
  terminatedOn: '2026-12-29',
  requests: '撤销被申请人作出的行政处罚决定',
  applicantClaims: '被申请人认定事实不清，证据不足，适用法律错误。',
  decisionText: '经审理查明：2026年10月15日，被申请人执法人员在检查中发现申请人未经批准占道经营。\n本机关认为，被申请人作出的行政处罚决定认定事实不清，主要证据不足。本机关决定：撤销被申请人作出的京通城管罚字〔2026〕第101号行政处罚决定。',
  decisionType: '撤销',
  legalBasis: '第六十四条',
  decidedOn: '2027-01-05',
  issuedOn: '2026-11-27',
  // Mediation centre
  category: '征地拆迁',
  source: '分中心接待时引导调解（立案前）',
  applicantWants: '提高房屋补偿标准',
  linked: '咨询登记（2026-11-20，中仓街道）',
  sessionTime: '2026-12-02 14:00',
  place: '区行政争议多元化解调处中心第一调解室',
  mediators: ['钱红', '孙立'],
  attendees: ['王小明', '区住房和城乡建设委员会委托代理人'],
  minutes: '双方就补偿标准交换意见，被申请人同意重新核定。',
  nextStep: '申请人可依法申请行政复议，本中心已将调解材料移交行政复议机构。',
  // Court liaison
  dueOn: '2026-12-18',
  recipients: ['北京市通州区住房和城乡建设委员会', '北京市通州区宋庄镇人民政府'],
  reasons: ['30日内同一项目的行政复议申请12件'],
  suggestions: ['核查补偿标准执行情况', '做好群众解释工作'],
  summary: '宋庄镇小堡村棚户区改造项目引发多起行政争议。',
  origin: '本机关在办理通复〔2026〕第00012号案件中发现',
  recipient: '北京市通州区城市管理综合行政执法局',
  problems: ['执法程序中未告知陈述申辩权利'],
  recommendations: ['规范执法文书告知事项'],
  // ARL 79(2) 抄告
  copiedTitle: '行政复议决定书',
  copiedNumber: '通复决字〔2026〕第3号',
  effectiveOn: '2026-12-04',
};

const templates = new DocumentTemplates();
const printed = (v: string | string[]) => (Array.isArray(v) ? v.map(printedDate) : [printedDate(v)]);

describe('renderDocx (GB/T 9704 .docx)', () => {
  it.each(DOCUMENT_TYPES)('%s renders into a valid .docx with the title, the number and every value', async (type) => {
    const template = await templates.get(type);
    const number = formatDocumentNumber(template.prefix, 2026, 12);
    const doc = readDocx(await renderDocx(template, { ...SAMPLE, documentNumber: number }));

    expect(doc.files).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(doc.paragraphs[0]).toBe(template.title);
    expect(doc.paragraphs[1]).toBe(number);
    // The office numbers its documents 通复…字; the mediation centre its own 通调…字.
    expect(number).toMatch(/^通[复调][\u4e00-\u9fff]+字〔2026〕第12号$/);
    const text = doc.paragraphs.join('\n');
    expect(text).not.toMatch(/\{\{|\}\}/);
    for (const name of placeholdersOf(template)) for (const v of printed(SAMPLE[name] ?? template.defaults[name])) expect(text).toContain(v);
    // Signature: the office, then the date in Arabic numerals, last.
    expect(doc.paragraphs.slice(-2)).toEqual(['北京市通州区人民政府', '2026年11月27日']);
  });

  it('lays the page out per GB/T 9704: A4, margins, fonts, sizes, fixed 28.95 pt lines, two-character indent', async () => {
    const template = await templates.get('acceptance-notice');
    const { xml } = readDocx(await renderDocx(template, { ...SAMPLE, documentNumber: '通复受字〔2026〕第12号' }));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
    expect(xml).toContain('w:firstLineChars="200"');
  });

  it('numbers headings 一、/（一） and list items 1.', async () => {
    const hearing = readDocx(await renderDocx(await templates.get('hearing-notice'), { ...SAMPLE, documentNumber: '通复听字〔2026〕第1号' }));
    expect(hearing.paragraphs).toEqual(expect.arrayContaining([
      '一、听证时间：2026年12月10日9时30分。', '四、听证人员：主持人张伟，听证员刘洋、陈静，记录员赵磊。', '五、当事人的权利和义务',
    ]));
    expect(hearing.paragraphs.filter((p) => /^（[一二三四]）/.test(p))).toHaveLength(4);
    const correction = readDocx(await renderDocx(await templates.get('correction-notice'), { ...SAMPLE, documentNumber: '通复补字〔2026〕第1号' }));
    expect(correction.paragraphs).toEqual(expect.arrayContaining(['1.提供被申请复议的行政处罚决定书复印件', '2.明确具体的行政复议请求']));
  });

  it('prints a decision\'s text word for word, one paragraph per line, unnumbered (issue #12 item 5)', async () => {
    const doc = readDocx(await renderDocx(await templates.get('decision'), { ...SAMPLE, documentNumber: '通复决字〔2026〕第1号' }));
    const lines = String(SAMPLE.decisionText).split('\n');
    const at = doc.paragraphs.indexOf(lines[0]);
    expect(at).toBeGreaterThan(0);
    expect(doc.paragraphs.slice(at, at + 2)).toEqual(lines);
    expect(doc.paragraphs).toContain('本决定（撤销）依据《中华人民共和国行政复议法》第六十四条作出，依照该法第六十一条的规定经本机关负责人于2027年1月5日同意。');
  });

  it('shows the case number (案号) beside the document\'s own number when the document belongs to a case', async () => {
    const template = await templates.get('acceptance-notice');
    const withCase = readDocx(await renderDocx(template, { ...SAMPLE, documentNumber: '通复受字〔2026〕第12号' }, { caseNumber: '通复〔2026〕第00012号' }));
    expect(withCase.paragraphs[1]).toBe('案号：通复〔2026〕第00012号　通复受字〔2026〕第12号');
    const alone = readDocx(await renderDocx(await templates.get('risk-notice'), { ...SAMPLE, documentNumber: '通复风字〔2026〕第3号' }));
    expect(alone.paragraphs[1]).toBe('通复风字〔2026〕第3号');
  });

  it('refuses to render with a placeholder missing or blank: DOCUMENT_DATA_MISSING lists them all', async () => {
    const template = await templates.get('correction-notice');
    const { caseNumber: _, ...withoutCaseNumber } = SAMPLE;
    const error = await renderDocx(template, { ...withoutCaseNumber, items: [], receivedOn: ' ', documentNumber: '通复补字〔2026〕第1号' }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('DOCUMENT_DATA_MISSING');
    expect(error.details.missing).toEqual(['receivedOn', 'caseNumber', 'items']);
    expect(error.message).toContain('caseNumber');
  });

  it('needs the document number and the issue date on every document', async () => {
    const error = await renderDocx(await templates.get('receipt'), { ...SAMPLE, issuedOn: '' }).catch((e) => e);
    expect(error.code).toBe('DOCUMENT_DATA_MISSING');
    expect(error.details.missing).toEqual(['documentNumber', 'issuedOn']);
  });
});
