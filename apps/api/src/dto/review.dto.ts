import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsIsoDay, MAX_ID } from './validators';

/** 受理审查决定: accept (ordinary/simplified), request correction (all items at once, ARL 31) or refuse (ARL 30). */
export class ReviewDecisionDto {
  @ApiProperty({ enum: ['accept', 'request_correction', 'refuse'] })
  @IsIn(['accept', 'request_correction', 'refuse']) outcome: 'accept' | 'request_correction' | 'refuse';

  @ApiProperty({ description: '案件当前版本号（防止并发覆盖）', example: 1 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;

  @ApiPropertyOptional({ enum: ['ordinary', 'simplified'] })
  @ValidateIf((o) => o.outcome === 'accept') @IsIn(['ordinary', 'simplified']) procedure?: 'ordinary' | 'simplified';

  @ApiPropertyOptional({ description: '适用简易程序的理由（第五十三条）', maxLength: 500 })
  @ValidateIf((o) => o.outcome === 'accept' && o.procedure === 'simplified') @IsString() @IsNotEmpty() @MaxLength(500) simplifiedReason?: string;

  @ApiPropertyOptional({ type: [String], description: '需补正的全部事项（一次性告知）' })
  @ValidateIf((o) => o.outcome === 'request_correction') @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(500, { each: true }) items?: string[];

  @ApiPropertyOptional({ description: '不予受理的理由', maxLength: 2000 })
  @ValidateIf((o) => o.outcome === 'refuse') @IsString() @IsNotEmpty() @MaxLength(2000) reason?: string;

  @ApiPropertyOptional({ description: '有管辖权的机关（如属其他机关管辖）', maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200) competentBody?: string;

  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: '决定的实际日期（纸质记录补录时填写；不早于收到申请之日，不晚于今天；不予受理、补正通知不晚于审查期限届满日）；默认今天' })
  @IsOptional() @IsIsoDay() decidedOn?: string;
}

export class CorrectionReceivedDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiPropertyOptional({ description: '收到补正材料的日期，默认今天', example: '2026-11-26' }) @IsOptional() @IsIsoDay() receivedOn?: string;
}

export class VersionDto {
  @ApiProperty({ description: '案件当前版本号（防止并发覆盖）', example: 3 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
}
