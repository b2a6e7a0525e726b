import { Injectable } from '@nestjs/common';
import { renderReportDocx } from '@fuyi/documents';
import { shanghaiDate } from '@fuyi/kernel';
import { CaseStatisticsService, checkDimension } from '../queries/case-statistics.service';
import { ClockStatisticsService } from '../queries/clock-statistics.service';
import { HeadStatisticsService } from '../queries/head-statistics.service';
import { TownshipStatisticsService } from '../queries/township-statistics.service';
import { StatisticsErrors, type Period } from '../domain/statistics-errors';
import type { Dimension } from '../domain/dimensions';
import { caseListTable, clockCasesTable, clockTable, headItemsTable, decisionTypesTable, headTable, overviewTable, townshipTable, yearsTable, type StatTable } from './tables';
import { tablesToXlsx } from './xlsx';
import { TimeSource } from '@fuyi/platform';

export const EXPORT_TABLES = ['overview', 'decisions', 'clocks', 'heads', 'townships', 'years', 'cases', 'clockCases', 'headItems'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ExportFile { content: Buffer; filename: string; asciiFilename: string }

/** Every statistics table as .xlsx, and the yearly report (.docx, GB/T 9704 layout of libs/documents) with the main tables. */
@Injectable()
export class StatisticsExportService {
  constructor(
    private readonly cases: CaseStatisticsService,
    private readonly clocks: ClockStatisticsService,
    private readonly heads: HeadStatisticsService,
    private readonly townships: TownshipStatisticsService,
    private readonly time: TimeSource,
  ) {}

  /** The table exactly as the matching GET /statistics/* route computes it (same service call, same query). */
  async table(name: string, q: Period & { by?: string; windowDays?: number; figure?: string; part?: string; key?: string; rule?: string; fromYear?: number; toYear?: number }): Promise<StatTable> {
    const by = checkDimension(q.by ?? 'total') as Dimension;
    switch (name as ExportTable) {
      case 'overview': return overviewTable(await this.cases.overview({ ...q, by }));
      case 'decisions': return decisionTypesTable(await this.cases.overview({ ...q, by }));
      case 'clocks': return clockTable(await this.clocks.perClock(q));
      case 'heads': return headTable(await this.heads.byRespondent(q));
      case 'townships': return townshipTable(await this.townships.subCentres(q));
      case 'years': return yearsTable(await this.townships.substantiveByYear(Number(q.fromYear), Number(q.toYear)));
      case 'cases': {
        // The whole list, not one page: an export is for the office's own records (at most 10,000 rows).
        const list = await this.cases.cases({ ...q, by, figure: String(q.figure), page: 1, pageSize: 200 });
        const items = [...list.items];
        for (let page = 2; items.length < list.total && page <= 50; page++) items.push(...(await this.cases.cases({ ...q, by, figure: String(q.figure), page, pageSize: 200 })).items);
        return caseListTable({ ...list, items });
      }
      case 'clockCases': {
        const list = await this.clocks.cases({ ...q, rule: String(q.rule), figure: String(q.figure), page: 1, pageSize: 200 });
        return clockCasesTable({ ...list, items: [...list.items, ...(await this.rest(list.total, (page) => this.clocks.cases({ ...q, rule: String(q.rule), figure: String(q.figure), page, pageSize: 200 })))] });
      }
      case 'headItems': {
        const list = await this.heads.items({ ...q, figure: String(q.figure), page: 1, pageSize: 200 });
        return headItemsTable({ ...list, items: [...list.items, ...(await this.rest(list.total, (page) => this.heads.items({ ...q, figure: String(q.figure), page, pageSize: 200 })))] });
      }
      default: throw StatisticsErrors.invalid('table', `报表应为 ${EXPORT_TABLES.join('、')} 之一`);
    }
  }

  /** Pages 2.. of a list, up to 10,000 rows in all. */
  private async rest<T>(total: number, page: (n: number) => Promise<{ items: T[] }>): Promise<T[]> {
    const out: T[] = [];
    for (let n = 2; (n - 1) * 200 < total && n <= 50; n++) out.push(...(await page(n)).items);
    return out;
  }

  async xlsx(name: string, q: Parameters<StatisticsExportService['table']>[1]): Promise<ExportFile> {
    const table = await this.table(name, q);
    const span = table.subtitle.match(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/)?.[0].replace(' 至 ', '_') ?? '';
    return { content: await tablesToXlsx([table]), filename: `${table.title}${span ? `_${span}` : ''}.xlsx`, asciiFilename: `statistics-${name}.xlsx` };
  }

  /** The main tables of a year, as the tables of the yearly report. */
  async yearlyTables(year: number): Promise<StatTable[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw StatisticsErrors.invalid('year', '年份不正确');
    const q = { from: `${year}-01-01`, to: `${year}-12-31` };
    return [
      overviewTable(await this.cases.overview({ ...q, by: 'total' })),
      overviewTable(await this.cases.overview({ ...q, by: 'respondent' })),
      overviewTable(await this.cases.overview({ ...q, by: 'category' })),
      decisionTypesTable(await this.cases.overview({ ...q, by: 'total' })),
      clockTable(await this.clocks.perClock(q)),
      headTable(await this.heads.byRespondent(q)),
      townshipTable(await this.townships.subCentres(q)),
      yearsTable(await this.townships.substantiveByYear(Math.max(2000, year - 4), year)),
    ];
  }

  async yearlyReport(year: number, office = '行政复议机构'): Promise<ExportFile> {
    const tables = await this.yearlyTables(year);
    const [total] = tables;
    const t = total.total ?? {};
    const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : '—');
    const summary = `${year}年，共收到行政复议申请${t.received}件，受理${t.accepted}件，不予受理${t.refused}件，审结${t.closed}件，年末在办${t.pending}件；`
      + `直接纠错率${pct(t.directCorrectionRate)}，调撤率${pct(t.mediationWithdrawalRate)}，综合化解率${pct(t.overallResolutionRate)}，案结事了率${pct(t.settledRate)}，复议后被诉率${pct(t.suedAfterRate)}。`;
    const sections = [
      { heading: '总体情况', paragraphs: [summary] },
      ...tables.map((x) => ({ heading: x.title, paragraphs: [x.subtitle], table: { caption: x.title, headers: x.columns.map((c) => c.header), rows: [...x.rows, ...(x.total ? [x.total] : [])].map((r) => x.columns.map((c) => formatCell(r[c.key], c.kind))) } })),
    ];
    const content = await renderReportDocx({ title: `${year}年度行政复议工作统计报告`, number: `统计年度：${year}年`, office, issuedOn: shanghaiDate(this.time.now()), sections });
    return { content, filename: `${year}年度行政复议工作统计报告.docx`, asciiFilename: `statistics-report-${year}.docx` };
  }
}

/** The printed value of a cell: counts with thousands separators, rates as percentages with two decimals. */
export function formatCell(v: unknown, kind: 'text' | 'count' | 'rate'): string {
  if (v === null || v === undefined) return '—';
  if (kind === 'count') return Number(v).toLocaleString('en-US');
  if (kind === 'rate') return `${(Number(v) * 100).toFixed(2)}%`;
  return String(v);
}
