import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DECISION_TYPES, SERVICE_METHODS } from '@fuyi/cases';
import { IsIsoDay, MAX_ID, NoPersonalData } from './validators';

class Versioned {
  @ApiProperty({ description: '案件当前版本号（防止并发覆盖）', example: 3 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
}

const Reason = () => [IsString(), IsNotEmpty(), MaxLength(2000)];
const apply = (decorators: PropertyDecorator[]) => (target: object, key: string) => decorators.forEach((d) => d(target, key));

export class CopySentDto extends Versioned {
  @ApiProperty({ example: '2026-11-20', description: '发送申请书副本日期' }) @IsIsoDay() sentOn: string;
  @ApiProperty({ enum: Object.keys(SERVICE_METHODS) }) @IsIn(Object.keys(SERVICE_METHODS)) method: string;
  @ApiProperty({ example: '2026-11-21', description: '被申请人收到日期（答复期限自次日起算）' }) @IsIsoDay() receivedOn: string;
}

export class ReplyReceivedDto extends Versioned {
  @ApiProperty({ example: '2026-11-25' }) @IsIsoDay() receivedOn: string;
  @ApiProperty({ type: [String], example: ['行政复议答复书', '证据目录'] })
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(200, { each: true }) documents: string[];
}

/** The office head approves the handler's pending extension request; days and reason, if restated, must be the request's. */
export class ExtendDto extends Versioned {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 30, description: '延长天数（第六十二条：最多30日，仅普通程序，限一次）；可不填，以承办人申请为准' }) @IsOptional() @IsInt() @Min(1) @Max(30) days?: number;
  @ApiPropertyOptional({ maxLength: 2000, description: '可不填，以承办人申请为准' }) @IsOptional() @apply(Reason()) reason?: string;
  @ApiPropertyOptional({ example: '2026-11-20', description: '批准日期（纸质审批补录时填写实际日期；不早于申请日期，不晚于审理期限届满日）；默认今天' })
  @IsOptional() @IsIsoDay() approvedOn?: string;
}

export class ConvertDto extends Versioned {
  @ApiProperty({ maxLength: 2000, description: '转为普通程序的理由（第五十五条）' }) @apply(Reason()) reason: string;
  @ApiPropertyOptional({ example: '2026-11-20', description: '批准日期（不早于受理日期，不晚于简易程序审理期限届满日）；默认今天' })
  @IsOptional() @IsIsoDay() approvedOn?: string;
}

export class DecisionDto extends Versioned {
  @ApiProperty({ enum: Object.keys(DECISION_TYPES) }) @IsIn(Object.keys(DECISION_TYPES)) type: string;
  @ApiProperty({ maxLength: 20000, description: '决定理由与主文' }) @IsString() @IsNotEmpty() @MaxLength(20000) summary: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 365, description: '撤销并责令重作时的期限（日）' }) @IsOptional() @IsInt() @Min(1) @Max(365) redoPeriodDays?: number;
  @ApiPropertyOptional({ description: '赔偿金额（元）' }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) compensationYuan?: number;
  @ApiPropertyOptional({ maxLength: 2000, description: '被申请人逾期未答复时维持或驳回的例外（第七十条）：行政行为涉及第三人合法权益，第三人提供的证据' })
  @IsOptional() @apply(Reason()) @NoPersonalData() thirdPartyEvidence?: string;
  @ApiPropertyOptional({ example: '2026-11-20', description: '提交（报批）日期：纸质文件补录时填写实际日期，不早于受理日期，不晚于今天；默认今天' })
  @IsOptional() @IsIsoDay() submittedOn?: string;
}

export class ReturnDecisionDto extends Versioned {
  @ApiProperty({ maxLength: 2000 }) @apply(Reason()) reason: string;
}

export class ServiceDto extends Versioned {
  @ApiProperty({ description: '当事人编号' }) @IsUUID() partyId: string;
  @ApiProperty({ enum: Object.keys(SERVICE_METHODS) }) @IsIn(Object.keys(SERVICE_METHODS)) method: string;
  @ApiProperty({ example: '2026-11-26' }) @IsIsoDay() servedOn: string;
}

/** The office head approves the handler's pending termination request; ground and reason, if restated, must be the request's. */
export class TerminateDto extends Versioned {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, description: '《行政复议法》第四十一条的项号；可不填，以承办人申请为准' }) @IsOptional() @IsInt() @Min(1) @Max(5) ground?: number;
  @ApiPropertyOptional({ maxLength: 2000, description: '可不填，以承办人申请为准' }) @IsOptional() @apply(Reason()) reason?: string;
  @ApiPropertyOptional({ example: '2026-11-20', description: '批准日期（纸质审批补录时填写实际日期；不早于终止申请日期，不晚于今天）；默认今天' })
  @IsOptional() @IsIsoDay() approvedOn?: string;
}

export class MediationSettlementDto extends Versioned {
  @ApiProperty({ description: '调解书已经各方当事人签字' }) @IsBoolean() signedByAll: boolean;
  @ApiProperty({ maxLength: 5000 }) @IsString() @IsNotEmpty() @MaxLength(5000) summary: string;
}

export class ArchiveDto extends Versioned {}

export class ApproveDecisionDto extends Versioned {
  @ApiPropertyOptional({ example: '2026-11-20', description: '批准（同意）日期：纸质审批补录时填写实际日期，不早于决定提交日期，不晚于今天；默认今天' })
  @IsOptional() @IsIsoDay() approvedOn?: string;
}
