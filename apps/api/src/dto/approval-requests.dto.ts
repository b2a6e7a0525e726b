import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDay, MAX_ID, NoPersonalData } from './validators';

class Versioned {
  @ApiProperty({ description: '案件当前版本号（防止并发覆盖）', example: 3 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
}

export class ExtensionRequestDto extends Versioned {
  @ApiProperty({ minimum: 1, maximum: 30, description: '申请延长的天数（第六十二条：最多30日，仅普通程序，限一次）' }) @IsInt() @Min(1) @Max(30) days: number;
  @ApiProperty({ maxLength: 2000, description: '情况复杂、不能在规定期限内作出决定的理由（打印在延期通知书上）' })
  @IsString() @IsNotEmpty() @MaxLength(2000) @NoPersonalData() reason: string;
  @ApiPropertyOptional({ example: '2026-11-20', description: '申请日期（纸质申请补录时填写实际日期；不早于受理日期，不晚于审理期限届满日）；默认今天' })
  @IsOptional() @IsIsoDay() requestedOn?: string;
}

export class TerminationRequestDto extends Versioned {
  @ApiProperty({ minimum: 1, maximum: 5, description: '《行政复议法》第四十一条的项号' }) @IsInt() @Min(1) @Max(5) ground: number;
  @ApiProperty({ maxLength: 2000, description: '终止的事实和理由（打印在终止行政复议决定书上）' })
  @IsString() @IsNotEmpty() @MaxLength(2000) @NoPersonalData() reason: string;
  @ApiPropertyOptional({ example: '2026-11-20', description: '申请日期（纸质申请补录时填写实际日期；不早于受理日期，不晚于今天）；默认今天' })
  @IsOptional() @IsIsoDay() requestedOn?: string;
}

export class ReturnRequestDto extends Versioned {
  @ApiProperty({ maxLength: 2000, description: '退回理由（告知提交人）' }) @IsString() @IsNotEmpty() @MaxLength(2000) @NoPersonalData() reason: string;
}
