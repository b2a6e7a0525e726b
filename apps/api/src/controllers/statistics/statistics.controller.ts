import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CASE_FIGURES, CaseStatisticsService, CLOCK_FIGURES, ClockStatisticsService, DEFAULT_SETTLED_WINDOW_DAYS, HEAD_FIGURES, HeadStatisticsService,
  StatisticsExportService, TOWNSHIP_FIGURES, TownshipStatisticsService,
} from '@fuyi/statistics';
import { Roles } from '../../auth/auth.decorators';
import {
  ClockCasesQueryDto, ExportQueryDto, FigureCasesQueryDto, HeadItemsQueryDto, OverviewQueryDto, PeriodQueryDto, YearlyReportQueryDto, YearsQueryDto,
} from '../../dto/statistics.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { DOCX, XLSX, downloadFile } from '../../http/docx-file';
import { STATISTICS_READ } from './statistics-roles';

/** Each figure's definition in the API documentation, generated from the catalogue the queries use. */
const list = (entries: Array<[string, { label: string; definition: string; source?: string }]>) =>
  entries.map(([k, f]) => `- \`${k}\` **${f.label}**：${f.definition}${f.source ? `（依据：${f.source}）` : ''}`).join('\n');
const CASE_DOC = list(Object.entries(CASE_FIGURES));
const CLOCK_DOC = list(Object.entries(CLOCK_FIGURES));
const HEAD_DOC = list(Object.entries(HEAD_FIGURES));

@ApiTags('统计')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly cases: CaseStatisticsService,
    private readonly clocks: ClockStatisticsService,
    private readonly heads: HeadStatisticsService,
    private readonly townships: TownshipStatisticsService,
    private readonly exports: StatisticsExportService,
  ) {}

  @Get('figures') @Roles(...STATISTICS_READ) @ApiErrors(401, 403)
  @ApiOperation({ summary: '各项统计指标的口径（定义与依据）' })
  figures() {
    return { cases: CASE_FIGURES, clocks: CLOCK_FIGURES, heads: HEAD_FIGURES, townships: TOWNSHIP_FIGURES, defaultSettledWindowDays: DEFAULT_SETTLED_WINDOW_DAYS };
  }

  @Get('overview') @Roles(...STATISTICS_READ) @ApiErrors(400, 401, 403)
  @ApiOperation({
    summary: '行政复议案件统计：按期间及接收窗口、被申请人、类别、程序分组的收案、受理、审结、决定类型和各项比率',
    description: `每行 counts 为件数、rates 为比率（0-1，四位小数；分母为 0 时为 null）。期间以北京时间日期计。指标口径：\n${CASE_DOC}`,
  })
  overview(@Query() q: OverviewQueryDto) {
    return this.cases.overview({ ...q, by: q.by ?? 'total' });
  }

  @Get('cases') @Roles(...STATISTICS_READ) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '指标钻取：某项指标（同一期间、同一分组行）计入的案件清单，分页', description: `与 overview 相同的筛选条件；率指标按 part 列出分子或分母的案件。指标：\n${CASE_DOC}` })
  figureCases(@Query() q: FigureCasesQueryDto) {
    return this.cases.cases({ ...q, by: q.by ?? 'total' });
  }

  @Get('clocks') @Roles(...STATISTICS_READ) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '各法定期限的按期办结率；在办期限中超期与中止、延期、等待申请人分列', description: `按期办结率 = 按期办结 ÷（按期办结 + 超期办结）。\n${CLOCK_DOC}` })
  clockFigures(@Query() q: PeriodQueryDto) {
    return this.clocks.perClock(q);
  }

  @Get('clocks/cases') @Roles(...STATISTICS_READ) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '期限统计钻取：某一期限规则某项指标计入的案件清单' })
  clockCases(@Query() q: ClockCasesQueryDto) {
    return this.clocks.cases(q);
  }

  @Get('heads') @Roles(...STATISTICS_READ) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '行政机关负责人出庭应诉率和参加行政复议（听取意见、听证）情况，按被申请人（被告）', description: HEAD_DOC })
  headFigures(@Query() q: PeriodQueryDto) {
    return this.heads.byRespondent(q);
  }

  @Get('heads/items') @Roles(...STATISTICS_READ) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '负责人指标钻取：计入的应诉案件（含直接起诉）或听取意见、听证清单' })
  headItems(@Query() q: HeadItemsQueryDto) {
    return this.heads.items(q);
  }

  @Get('townships') @Roles(...STATISTICS_READ) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '各街乡镇分中心：收案、审结、综合化解率，及移送调解中心的争议和实质性化解数', description: '收案按窗口收件日期；审结和化解为该窗口收件、在期间内审结的案件；调解为该街乡镇在期间内移送的调解案卷（实质性化解：达成协议、自行纠正或和解撤回）。钻取：GET /api/statistics/cases?by=township&key=<township id>' })
  townshipFigures(@Query() q: PeriodQueryDto) {
    return this.townships.subCentres(q);
  }

  @Get('years') @Roles(...STATISTICS_READ) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '历年行政争议实质性化解：复议综合化解数与未进入复议的案前调解实质性化解数' })
  years(@Query() q: YearsQueryDto) {
    return this.townships.substantiveByYear(q.fromYear, q.toYear);
  }

  @Get('export') @Roles(...STATISTICS_READ) @Header('Cache-Control', 'private, no-store') @ApiProduces(XLSX) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '导出统计表（Excel .xlsx）：中文表头，件数千分位、比率百分比两位小数，合计行与页面一致' })
  async export(@Query() q: ExportQueryDto) {
    // A table that needs a period and has none is refused by the service (400 STATISTICS_INVALID_INPUT).
    return downloadFile(await this.exports.xlsx(q.table, { ...q, from: q.from as string, to: q.to as string }), XLSX);
  }

  @Get('yearly-report') @Roles(...STATISTICS_READ) @Header('Cache-Control', 'private, no-store') @ApiProduces(DOCX) @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '年度行政复议工作统计报告（Word .docx，公文格式），含主要统计表' })
  async yearlyReport(@Query() q: YearlyReportQueryDto) {
    return downloadFile(await this.exports.yearlyReport(q.year), DOCX);
  }
}
