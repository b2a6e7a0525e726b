import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { RULE_IDS } from '@fuyi/deadlines';
import { IsIsoDay } from './validators';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-09-15' }) @IsIsoDay() date: string;
  @ApiProperty({ enum: ['holiday', 'workday', 'closure'], description: '放假日 / 调休上班日 / 机关临时停止办公（如台风）' })
  @IsIn(['holiday', 'workday', 'closure']) kind: 'holiday' | 'workday' | 'closure';
  @ApiProperty({ example: '台风停止办公' }) @IsString() @IsNotEmpty() @MaxLength(64) name: string;
}

export class SetCalendarDayDto extends CalendarDayDto {
  @ApiProperty({ example: '区政府通知：台风红色预警，全区机关停止办公' }) @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

export class RemoveCalendarDayDto {
  @ApiProperty({ example: '误录，撤销' }) @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

export class LoadYearDto {
  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' }) @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
  @ApiPropertyOptional({ type: [CalendarDayDto], description: '不填则使用程序内置（chinese-days）的该年安排' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => CalendarDayDto) days?: CalendarDayDto[];
}

export class SuspensionDto {
  @ApiProperty({ example: '2026-08-20' }) @IsIsoDay() from: string;
  @ApiPropertyOptional({ example: '2026-08-25', description: '恢复日；不填表示仍在中止中' }) @IsOptional() @IsIsoDay() to?: string;
}

export class ComputeDeadlineDto {
  @ApiProperty({ enum: RULE_IDS }) @IsIn(RULE_IDS) rule: string;
  @ApiProperty({ example: '2026-09-29', description: '起算日（第0日）' }) @IsIsoDay() from: string;
  @ApiPropertyOptional({ type: [SuspensionDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => SuspensionDto) suspensions?: SuspensionDto[];
  @ApiPropertyOptional({ example: 30 }) @IsOptional() @IsInt() @Min(1) @Max(366) extendDays?: number;
  @ApiPropertyOptional({ example: '2026-11-26', description: '有未恢复的中止时按此日恢复推算' }) @IsOptional() @IsIsoDay() asOf?: string;
}


export class ReminderPolicyDto {
  @ApiProperty({ type: [Number], example: [-3, -1, 0], description: '相对届满日的工作日偏移（-3 = 届满前3个工作日，0 = 届满当日）' })
  @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) @Min(-30, { each: true }) @Max(0, { each: true }) offsets: number[];
  @ApiProperty({ description: '逾期后每个工作日提醒' }) @IsBoolean() overdueDaily: boolean;
}
