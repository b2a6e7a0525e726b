import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CASE_CATEGORIES } from '@fuyi/cases';
import { CASE_FIGURES, CLOCK_FIGURES, DIMENSIONS, EXPORT_TABLES, HEAD_FIGURES } from '@fuyi/statistics';
import { IsIsoDay, MAX_ID, NoPersonalData } from './validators';

export class PeriodQueryDto {
  @ApiProperty({ example: '2026-01-01', description: '统计期间起（含，北京时间）' }) @IsIsoDay() from: string;
  @ApiProperty({ example: '2026-12-31', description: '统计期间止（含，北京时间）' }) @IsIsoDay() to: string;
}

export class OverviewQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: DIMENSIONS, default: 'total', description: '分组维度：合计、接收窗口（街乡镇）、被申请人、案件类别、审理程序' }) @IsOptional() @IsIn(DIMENSIONS) by?: (typeof DIMENSIONS)[number];
  @ApiPropertyOptional({ minimum: 0, maximum: 3650, default: 180, description: '案结事了观察期（日）：审结后这段时间内无诉讼、无重复申请' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3650) windowDays?: number;
}

class Paged {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class FigureCasesQueryDto extends OverviewQueryDto {
  @ApiProperty({ enum: Object.keys(CASE_FIGURES), description: '要钻取的指标（率：part 选择分子或分母）' }) @IsIn(Object.keys(CASE_FIGURES)) figure: string;
  @ApiPropertyOptional({ enum: ['numerator', 'denominator'], default: 'numerator' }) @IsOptional() @IsIn(['numerator', 'denominator']) part?: 'numerator' | 'denominator';
  @ApiPropertyOptional({ description: '分组行的 key（by 不为 total 时必填），与统计表返回的 key 相同', example: '3' }) @IsOptional() @IsString() @MaxLength(40) key?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class ClockCasesQueryDto extends PeriodQueryDto {
  @ApiProperty({ example: 'decision', description: '期限规则' }) @IsString() @MaxLength(32) rule: string;
  @ApiProperty({ enum: Object.keys(CLOCK_FIGURES) }) @IsIn(Object.keys(CLOCK_FIGURES)) figure: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class HeadItemsQueryDto extends PeriodQueryDto {
  @ApiProperty({ enum: Object.keys(HEAD_FIGURES).filter((k) => !k.endsWith('Rate')) }) @IsIn(Object.keys(HEAD_FIGURES).filter((k) => !k.endsWith('Rate'))) figure: string;
  @ApiPropertyOptional({ description: '部门编号，government 为区人民政府本身' }) @IsOptional() @IsString() @Matches(/^(\d{1,10}|government|total)$/) key?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class YearsQueryDto {
  @ApiProperty({ example: 2022 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fromYear: number;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) toYear: number;
}

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_TABLES, description: '报表：overview 综合统计、decisions 决定类型、clocks 按期办结、heads 负责人出庭和参加复议、townships 分中心、years 历年实质性化解、cases 指标钻取清单、clockCases 期限钻取清单、headItems 负责人指标钻取清单' }) @IsIn(EXPORT_TABLES) table: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsIsoDay() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsIsoDay() to?: string;
  @ApiPropertyOptional({ enum: DIMENSIONS }) @IsOptional() @IsIn(DIMENSIONS) by?: (typeof DIMENSIONS)[number];
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3650) windowDays?: number;
  @ApiPropertyOptional({ description: '钻取清单的指标（cases: 案件指标；clockCases: 期限指标；headItems: 负责人指标）' }) @IsOptional() @IsString() @MaxLength(40) figure?: string;
  @ApiPropertyOptional({ enum: ['numerator', 'denominator'] }) @IsOptional() @IsIn(['numerator', 'denominator']) part?: string;
  @ApiPropertyOptional({ description: 'clockCases 的期限规则', example: 'decision' }) @IsOptional() @IsString() @MaxLength(32) rule?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) key?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fromYear?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) toYear?: number;
}

export class YearlyReportQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class PublicationSearchDto extends Paged {
  @ApiPropertyOptional({ description: '被申请人（部门编号，见 GET /public/decisions/facets）' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) respondentDepartmentId?: number;
  @ApiPropertyOptional({ enum: Object.keys(CASE_CATEGORIES) }) @IsOptional() @IsIn(Object.keys(CASE_CATEGORIES)) category?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ maxLength: 50, description: '全文关键词' }) @IsOptional() @IsString() @MaxLength(50) @NoPersonalData() q?: string;
}

export class WithdrawPublicationDto {
  @ApiProperty({ description: '当前版本号（防止并发覆盖）', example: 7 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ maxLength: 500, example: '决定被人民法院判决撤销' }) @IsString() @IsNotEmpty() @MaxLength(500) @NoPersonalData() reason: string;
}
