import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { COPY_REPORT_STATE_LABELS } from '@fuyi/liaison';
import { NoPersonalData } from './validators';

const STATES = Object.keys(COPY_REPORT_STATE_LABELS);
const STATES_DOC = Object.entries(COPY_REPORT_STATE_LABELS).map(([k, l]) => `${k}（${l}）`).join('、');

export class CopyReportListQuery {
  @ApiPropertyOptional({ enum: STATES, description: STATES_DOC }) @IsOptional() @IsIn(STATES, { message: `应为以下之一：${STATES_DOC}` }) state?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: '条数，1-200，默认50' }) @IsOptional() @IsString() limit?: string;
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' }) @IsOptional() @IsString() cursor?: string;
}

export class SuperiorDto {
  @ApiProperty({ type: String, nullable: true, maxLength: 128, example: '北京市公安局', description: '上一级主管部门；null 为清除' })
  @ValidateIf((o: SuperiorDto) => o.superior !== null) @IsString() @MaxLength(128) @NoPersonalData() superior: string | null;
}
