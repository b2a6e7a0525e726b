import { TimeSource, UnitOfWork } from '@fuyi/platform';
import ExcelJS from 'exceljs';
import {
  CaseStatisticsService, ClockStatisticsService, COUNT_FIGURES, HeadStatisticsService, RATE_FIGURES, StatisticsExportService, TownshipStatisticsService,
  type CountKey,
} from '@fuyi/statistics';
import { readDocx } from '../../libs/documents/src/__tests__/docx-text';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { buildStatisticsFixture, T1, T2, type Fixture } from './statistics-fixture';

/** Issue 17 items 1-2: each figure's definition on a hand-built year with known answers (statistics-fixture.ts). */
describe('statistics figures (hand-built 2019)', () => {
  let db: TestDatabase;
  let fx: Fixture;
  let cases: CaseStatisticsService;
  let clocks: ClockStatisticsService;
  let heads: HeadStatisticsService;
  let townships: TownshipStatisticsService;
  let exports: StatisticsExportService;
  const year = { from: '2019-01-01', to: '2019-12-31' };
  const numbers = (items: Array<{ caseId: string }>) => items.map((i) => Object.entries(fx.ids).find(([, id]) => id === i.caseId)?.[0]).sort().join('');

  beforeAll(async () => {
    db = await createTestDatabase();
    // An empty district (reference data and users only): the demo cases would otherwise add their open clocks.
    await db.owner.query(`TRUNCATE cases, case_parties, case_events, case_clocks, liaison_lawsuits, case_hearings, case_hearing_attendance, mediation_files, stat_case_facts, stat_daily, stat_daily_delta CASCADE`);
    fx = await buildStatisticsFixture(db.ds);
    const uow = new UnitOfWork(db.ds);
    const time = new TimeSource(db.config);
    cases = new CaseStatisticsService(uow);
    clocks = new ClockStatisticsService(uow, time);
    heads = new HeadStatisticsService(uow, time);
    townships = new TownshipStatisticsService(uow, cases);
    exports = new StatisticsExportService(cases, clocks, heads, townships, time);
  });
  afterAll(() => db.drop());

  it('counts received, accepted, refused, closed and pending by their own dates', async () => {
    const { total } = await cases.overview({ ...year, by: 'total' });
    expect(total.counts).toMatchObject({ received: 10, accepted: 9, refused: 1, closed: 5, pending: 4 });
  });

  it('counts decision types, corrections, 调撤, 综合化解 and the rates over closed cases', async () => {
    const { total } = await cases.overview({ ...year, by: 'total' });
    expect(total.counts).toMatchObject({ decision_revoke: 1, decision_uphold: 1, decision_confirm_illegal: 0, corrected: 1, mediatedWithdrawn: 2, resolved: 3, suedAfter: 1 });
    expect(total.rates).toMatchObject({ directCorrectionRate: 0.2, mediationWithdrawalRate: 0.4, overallResolutionRate: 0.6, suedAfterRate: 0.2 });
  });

  it('案结事了: a lawsuit or a repeat application within the window unsettles a closed case; a shorter window lets them go', async () => {
    const wide = await cases.overview({ ...year, by: 'total', windowDays: 180 });
    expect(wide.total.counts.settled).toBe(3);
    expect(wide.total.rates.settledRate).toBe(0.6);
    expect(numbers((await cases.cases({ ...year, by: 'total', figure: 'settled' })).items)).toBe('BDH');
    // A sued 20 days after closing, C's applicant back 30 days after: outside a 10-day window.
    const narrow = await cases.overview({ ...year, by: 'total', windowDays: 10 });
    expect(narrow.total.counts.settled).toBe(5);
    expect(narrow.total.counts.suedAfter).toBe(1); // 复议后被诉 is not windowed
  });

  it('breaks down by township counter (the district office on its own row), respondent and procedure', async () => {
    const byTownship = await cases.overview({ ...year, by: 'township' });
    const row = (key: string) => byTownship.rows.find((r) => r.key === key)!;
    expect(row(String(T1)).counts).toMatchObject({ received: 5, accepted: 5, closed: 3, pending: 2, corrected: 1, resolved: 1, settled: 2, suedAfter: 1 });
    expect(row(String(T2)).counts).toMatchObject({ received: 4, accepted: 4, closed: 2, pending: 2, mediatedWithdrawn: 2, resolved: 2, settled: 1 });
    expect(row('district')).toMatchObject({ label: '区复议机构', counts: expect.objectContaining({ received: 1, refused: 1 }) });
    expect(row(String(T1)).label).toBe('中仓街道');
    const byDep = await cases.overview({ ...year, by: 'respondent' });
    expect(byDep.rows.find((r) => r.key === String(fx.d1))).toMatchObject({ label: fx.d1Name, counts: expect.objectContaining({ received: 6, closed: 3 }) });
    const byProcedure = await cases.overview({ ...year, by: 'procedure' });
    expect(byProcedure.rows.map((r) => [r.label, r.counts.received]).sort()).toEqual([['普通程序', 8], ['未确定程序（未受理）', 1], ['简易程序', 1]].sort());
    const byCategory = await cases.overview({ ...year, by: 'category' });
    expect(byCategory.rows.find((r) => r.key === 'expropriation')).toMatchObject({ label: '征地拆迁', counts: expect.objectContaining({ received: 3, mediatedWithdrawn: 2 }) });
  });

  it('drills every count down to exactly the cases it counts, in every row', async () => {
    for (const by of ['total', 'township'] as const) {
      const o = await cases.overview({ ...year, by });
      for (const r of o.rows) {
        for (const k of Object.keys(COUNT_FIGURES) as CountKey[]) {
          const list = await cases.cases({ ...year, by, key: r.key, figure: k, pageSize: 200 });
          expect([by, r.key, k, list.total, list.items.length]).toEqual([by, r.key, k, r.counts[k], r.counts[k]]);
        }
      }
    }
  });

  it('drills a rate to its numerator or denominator, paged', async () => {
    const num = await cases.cases({ ...year, by: 'total', figure: 'directCorrectionRate' });
    expect(numbers(num.items)).toBe('A');
    const den = await cases.cases({ ...year, by: 'total', figure: 'overallResolutionRate', part: 'denominator' });
    expect(numbers(den.items)).toBe('ABCDH');
    const p1 = await cases.cases({ ...year, by: 'township', key: String(T1), figure: 'closed', page: 1, pageSize: 2 });
    const p2 = await cases.cases({ ...year, by: 'township', key: String(T1), figure: 'closed', page: 2, pageSize: 2 });
    expect([p1.total, p1.items.length, p2.items.length]).toEqual([3, 2, 1]);
    expect(numbers([...p1.items, ...p2.items])).toBe('ABH');
    expect(Object.keys(RATE_FIGURES)).toHaveLength(5);
  });

  it('on-time per clock keeps overdue apart from paused, extended and waiting on the applicant', async () => {
    const res = await clocks.perClock(year, '2019-12-31');
    const rule = (r: string) => res.rows.find((x) => x.rule === r)!;
    expect(rule('decision')).toMatchObject({
      label: expect.any(String), onTimeRate: 0.5,
      counts: { closedOnTime: 1, closedLate: 1, openOverdue: 1, openPaused: 1, openExtended: 1, openOnTrack: 0, waitingOnApplicant: 0 },
    });
    expect(rule('acceptance-review').counts).toMatchObject({ openOverdue: 1 });
    expect(rule('applicant-correction').counts).toMatchObject({ openOverdue: 0, waitingOnApplicant: 1 });
    const overdue = await clocks.cases({ ...year, rule: 'decision', figure: 'openOverdue' }, '2019-12-31');
    expect(numbers(overdue.items)).toBe('F');
    expect(numbers((await clocks.cases({ ...year, rule: 'decision', figure: 'closedLate' }, '2019-12-31')).items)).toBe('B');
  });

  it('heads in court (direct suits included, by defendant) and in reconsideration hearings', async () => {
    const res = await heads.byRespondent(year, '2019-12-31');
    expect(res.total).toMatchObject({ counts: { courtHeard: 2, courtHeadAppeared: 1, hearingsRecorded: 2, hearingsHeadAttended: 1 }, rates: { courtAppearanceRate: 0.5, hearingParticipationRate: 0.5 } });
    expect(res.rows.find((r) => r.key === String(fx.d2))?.counts).toEqual({ courtHeard: 1, courtHeadAppeared: 0, hearingsRecorded: 1, hearingsHeadAttended: 0 });
    const appeared = await heads.items({ ...year, figure: 'courtHeadAppeared' }, '2019-12-31');
    expect(appeared.items).toEqual([expect.objectContaining({ caseId: fx.ids.A, courtCaseNumber: '（2019）京0112行初1号', headAppeared: true })]);
    const heard = await heads.items({ ...year, figure: 'courtHeard', key: String(fx.d2) }, '2019-12-31');
    expect(heard.items).toEqual([expect.objectContaining({ caseId: null, origin: 'direct' })]);
  });

  it('per-township resolution at the sub-centres, and substantive resolution by year', async () => {
    const res = await townships.subCentres(year);
    expect(res.rows).toHaveLength(22);
    expect(res.rows.find((r) => r.key === String(T1))).toMatchObject({ counts: expect.objectContaining({ received: 5, closed: 3, resolved: 1 }), rates: { overallResolutionRate: 0.3333 } });
    expect(res.rows.find((r) => r.key === String(T2))).toMatchObject({ counts: expect.objectContaining({ received: 4, closed: 2, resolved: 2 }), rates: { overallResolutionRate: 1 } });
    const years = await townships.substantiveByYear(2018, 2020);
    expect(years.rows.map((r) => [r.year, r.closed, r.resolvedInCases])).toEqual([[2018, 0, 0], [2019, 5, 3], [2020, 1, 1]]);
  });

  it('refuses a bad period, dimension, figure or page with a field-level 4xx error', async () => {
    await expect(cases.overview({ from: '2019-12-31', to: '2019-01-01', by: 'total' })).rejects.toMatchObject({ code: 'STATISTICS_INVALID_INPUT', kind: 'invalid' });
    await expect(cases.overview({ ...year, by: 'street' as never })).rejects.toMatchObject({ code: 'STATISTICS_INVALID_INPUT' });
    await expect(cases.cases({ ...year, by: 'total', figure: 'nope' })).rejects.toMatchObject({ code: 'STATISTICS_INVALID_INPUT' });
    await expect(cases.cases({ ...year, by: 'township', figure: 'closed' })).rejects.toMatchObject({ details: { fields: [{ field: 'key' }] } });
    await expect(cases.cases({ ...year, by: 'total', figure: 'closed', pageSize: 500 })).rejects.toMatchObject({ code: 'STATISTICS_INVALID_INPUT' });
  });

  it('exports each table as .xlsx whose figures and 合计 row equal the API, with Chinese headers and number formats', async () => {
    const api = await cases.overview({ ...year, by: 'township' });
    const file = await exports.xlsx('overview', { ...year, by: 'township' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.content as never);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['收案数', '受理数', '审结数', '直接纠错率', '案结事了率']));
    const col = (h: string) => headers.indexOf(h) + 1;
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(col('收案数')).value).toBe(api.total.counts.received);
    expect(last.getCell(col('审结数')).value).toBe(api.total.counts.closed);
    expect(last.getCell(col('直接纠错率')).value).toBe(api.total.rates.directCorrectionRate);
    expect(last.getCell(col('直接纠错率')).numFmt).toBe('0.00%');
    expect(last.getCell(col('收案数')).numFmt).toBe('#,##0');
    expect(ws.rowCount - 4).toBe(api.rows.length); // title, period, header, rows…, 合计
    for (const table of ['decisions', 'clocks', 'heads', 'townships'] as const) {
      const x = await exports.xlsx(table, year);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(x.content as never);
      expect(book.worksheets[0].getRow(book.worksheets[0].rowCount).getCell(1).value).toBe('合计');
    }
    const list = await exports.xlsx('cases', { ...year, by: 'total', figure: 'directCorrectionRate' });
    const lb = new ExcelJS.Workbook();
    await lb.xlsx.load(list.content as never);
    expect(lb.worksheets[0].rowCount).toBe(3 + 1);
    // The clock and head drill-downs too: the overdue decision clock of F, the lawsuit at which the head appeared.
    for (const [table, extra, first] of [['clockCases', { rule: 'decision', figure: 'closedLate' }, null], ['headItems', { figure: 'courtHeadAppeared' }, '（2019）京0112行初1号']] as const) {
      const x = await exports.xlsx(table, { ...year, ...extra });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(x.content as never);
      const ws2 = book.worksheets[0];
      expect([table, ws2.rowCount]).toEqual([table, 4]);
      if (first) expect(ws2.getRow(4).getCell(1).value).toBe(first);
    }
  });

  it('writes the yearly report (.docx) with the main tables and totals equal to the API figures', async () => {
    const report = await exports.yearlyReport(2019);
    const { paragraphs, xml } = readDocx(report.content);
    expect(paragraphs[0]).toBe('2019年度行政复议工作统计报告');
    expect(paragraphs.join('')).toContain('共收到行政复议申请10件，受理9件，不予受理1件，审结5件，年末在办4件；直接纠错率20.00%');
    expect(xml).toContain('<w:tbl>');
    const heads2019 = await heads.byRespondent({ from: '2019-01-01', to: '2019-12-31' });
    expect(paragraphs.join('|')).toContain(`合计|${heads2019.total.counts.courtHeard}|${heads2019.total.counts.courtHeadAppeared}|50.00%`);
  });
});
