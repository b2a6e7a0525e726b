import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsIsoDay, MAX_ID } from './validators';

export class AssignDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ description: '承办人（复议承办人或科长）' }) @IsUUID() handlerId: string;
}

export class ConsentDto {
  @ApiProperty() @IsBoolean() applicant: boolean;
  @ApiProperty() @IsBoolean() respondent: boolean;
}

export class SuspendDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ minimum: 1, maximum: 10, description: '《行政复议法》第三十九条第一款的项号' }) @IsInt() @Min(1) @Max(10) ground: number;
  @ApiPropertyOptional({ example: '2026-11-20', description: '中止日期，默认今天' }) @IsOptional() @IsIsoDay() from?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
  @ApiPropertyOptional({ type: ConsentDto, description: '第六项（调解、和解）须申请人和被申请人均同意' })
  @IsOptional() @ValidateNested() @Type(() => ConsentDto) consent?: ConsentDto;
}

export class ResumeDto {
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiPropertyOptional({ example: '2026-11-25', description: '恢复日期，默认今天' }) @IsOptional() @IsIsoDay() on?: string;
}
