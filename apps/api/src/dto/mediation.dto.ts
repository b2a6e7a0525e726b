import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { MEDIATION_CATEGORIES, MEDIATION_DOCUMENT_TYPES, MEDIATION_OUTCOMES, MEDIATION_SOURCES, type MediationCategory, type MediationDocumentType, type MediationOutcome, type MediationSource } from '@fuyi/mediation';
import { ConsentDto } from './handling.dto';
import { IsIsoDay, IsPhone, IsResidentId, IsTimestamp, MAX_ID, NoPersonalData } from './validators';

const CATEGORIES = Object.keys(MEDIATION_CATEGORIES);
const SOURCES = Object.keys(MEDIATION_SOURCES);
const OUTCOMES = Object.keys(MEDIATION_OUTCOMES);
const PARTY_ROLES = ['applicant', 'respondent', 'third_party'];

/** Named apart from review.dto's VersionDto: Swagger needs unique schema names. */
class MediationVersionDto {
  @ApiProperty({ example: 1 }) @IsInt({ message: '版本号必须是整数' }) @Min(1) @Max(MAX_ID) version: number;
}

export class MediationPartyDto {
  @ApiProperty({ enum: PARTY_ROLES }) @IsIn(PARTY_ROLES, { message: '当事人身份不正确' }) role: 'applicant' | 'respondent' | 'third_party';
  @ApiProperty({ example: '王小明' }) @IsString() @IsNotEmpty({ message: '请填写姓名或名称' }) @MaxLength(100) name: string;
  @ApiPropertyOptional() @IsOptional() @IsResidentId() idNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsPhone() phone?: string;
}

export class ReferralDto {
  @ApiProperty({ enum: SOURCES }) @IsIn(SOURCES, { message: '调解来源不正确' }) source: MediationSource;
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES, { message: '调解类别不正确' }) category: MediationCategory;
  @ApiProperty({ example: '请求撤销限期拆除决定并给予补偿' }) @IsString() @IsNotEmpty({ message: '请填写申请人的诉求' }) @MaxLength(2000) @NoPersonalData() applicantWants: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) townshipId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) respondentDepartmentId?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '编号格式不正确' }) consultationId?: string;
  @ApiPropertyOptional({ description: '立案前调解：申请人同意先行调解' }) @IsOptional() @IsBoolean() applicantConsent?: boolean;
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @IsIsoDay() actKnownDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '编号格式不正确' }) caseId?: string;
  @ApiPropertyOptional({ description: '案中调解：案件版本号' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) caseVersion?: number;
  @ApiPropertyOptional({ type: ConsentDto }) @IsOptional() @ValidateNested() @Type(() => ConsentDto) consent?: ConsentDto;
  @ApiPropertyOptional({ example: '2026-11-20' }) @IsOptional() @IsIsoDay() suspendFrom?: string;
  @ApiPropertyOptional({ example: '（2026）京0112行初123号' }) @IsOptional() @IsString() @MaxLength(100) courtReference?: string;
  @ApiPropertyOptional({ type: [MediationPartyDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => MediationPartyDto) parties?: MediationPartyDto[];
}

export class SuspendLinkedCaseDto extends MediationVersionDto {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_ID) caseVersion: number;
  @ApiProperty({ type: ConsentDto }) @ValidateNested() @Type(() => ConsentDto) consent: ConsentDto;
  @ApiPropertyOptional() @IsOptional() @IsIsoDay() from?: string;
}

export class AssignMediatorsDto extends MediationVersionDto {
  @ApiProperty({ type: [String], description: '一名或两名调解员' })
  @IsArray() @ArrayMinSize(1, { message: '请指派一名或两名调解员' }) @ArrayMaxSize(2, { message: '请指派一名或两名调解员' }) @IsUUID('all', { each: true, message: '编号格式不正确' }) mediatorIds: string[];
}

export class ObjectionDto extends MediationVersionDto {
  @ApiProperty() @IsUUID('all', { message: '编号格式不正确' }) mediatorId: string;
  @ApiProperty({ enum: PARTY_ROLES }) @IsIn(PARTY_ROLES, { message: '当事人身份不正确' }) partyRole: string;
  @ApiProperty({ example: '调解员与被申请人负责人系亲属' }) @IsString() @IsNotEmpty({ message: '请填写回避理由' }) @MaxLength(1000) @NoPersonalData() reason: string;
}

export class ExtendMediationDto extends MediationVersionDto {
  @ApiProperty({ example: 10 }) @IsInt({ message: '延长天数必须是整数' }) @Min(1) @Max(30) days: number;
  @ApiProperty({ type: ConsentDto }) @ValidateNested() @Type(() => ConsentDto) consent: ConsentDto;
}

/** Private 背对背 notes (PrivateNoteDto.text) are the one free text kept out of this rule: only the mediators read them. */
class ParticipantDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty({ example: '申请人' }) @IsString() @IsNotEmpty() @MaxLength(50) @NoPersonalData() role: string;
}

/** Named apart from the hearings' AttendanceDto (participation.dto.ts): Swagger keys schemas by class name, and the two collided. */
class SessionAttendanceDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty() @IsBoolean() present: boolean;
}

export class ScheduleSessionDto {
  @ApiProperty({ enum: ['joint', 'private'] }) @IsIn(['joint', 'private'], { message: '会议类型应为联合调解或背对背' }) kind: 'joint' | 'private';
  @ApiProperty({ enum: ['in_person', 'video'] }) @IsIn(['in_person', 'video'], { message: '方式应为现场或视频' }) mode: 'in_person' | 'video';
  @ApiProperty({ example: '区调处中心第一调解室' }) @IsString() @IsNotEmpty({ message: '请填写地点或视频会议室' }) @MaxLength(200) @NoPersonalData() place: string;
  @ApiProperty({ example: '2026-12-01T09:30:00+08:00' }) @IsTimestamp() scheduledAt: string;
  @ApiProperty({ type: [ParticipantDto] }) @IsArray() @ArrayMaxSize(30) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ParticipantDto) participants: ParticipantDto[];
}

export class RecordSessionDto extends MediationVersionDto {
  @ApiProperty({ type: [SessionAttendanceDto] }) @IsArray() @ArrayMaxSize(30) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => SessionAttendanceDto) attendance: SessionAttendanceDto[];
  @ApiProperty() @IsString() @IsNotEmpty({ message: '请填写调解记录' }) @MaxLength(20000) @NoPersonalData() minutes: string; // printed in the 笔录
}

export class PrivateNoteDto {
  @ApiProperty() @IsString() @IsNotEmpty({ message: '请填写背对背谈话记录' }) @MaxLength(20000) text: string;
  @ApiPropertyOptional({ type: [ParticipantDto] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ParticipantDto) participants?: ParticipantDto[];
}

export class OutcomeDto extends MediationVersionDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES, { message: '调解结果不正确' }) kind: MediationOutcome;
  @ApiProperty() @IsString() @IsNotEmpty({ message: '请填写结果摘要' }) @MaxLength(5000) @NoPersonalData() summary: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() signedByAll?: boolean;
  @ApiPropertyOptional({ description: '调解不成时恢复审理的日期，默认今天' }) @IsOptional() @IsIsoDay() resumeOn?: string;
}

export class FollowUpDto extends MediationVersionDto {
  @ApiProperty({ example: '2026-12-20' }) @IsIsoDay() checkOn: string;
  @ApiProperty() @IsBoolean() performed: boolean;
  @ApiProperty() @IsString() @IsNotEmpty({ message: '请填写回访情况' }) @MaxLength(2000) @NoPersonalData() result: string;
}

export class SealDto extends MediationVersionDto {}
export class TakeDto extends MediationVersionDto {}

export class MediatorProfileDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) version?: number;
  @ApiProperty({ enum: CATEGORIES, isArray: true }) @IsArray() @IsIn(CATEGORIES, { each: true, message: '擅长类别不正确' }) skills: string[];
  @ApiProperty() @IsBoolean() isCoordinator: boolean;
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMaxSize(100) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true }) conflictDepartmentIds: number[];
  @ApiPropertyOptional({ type: [String], description: '关联人员身份证号（仅保存其检索索引）' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsResidentId({ each: true }) conflictIdNumbers?: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(100, { each: true }) conflictNames: string[];
}

export class MediationDocumentDto {
  @ApiProperty({ enum: MEDIATION_DOCUMENT_TYPES }) @IsIn(MEDIATION_DOCUMENT_TYPES, { message: '文书类型不正确' }) type: MediationDocumentType;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '编号格式不正确' }) sessionId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(2000, { each: true }) items?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
}

export class FileListQuery {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' }) @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ enum: ['referred', 'assigned', 'in_progress', 'agreed', 'withdrawal_pending', 'closed', 'failed'] })
  @IsOptional() @IsIn(['referred', 'assigned', 'in_progress', 'agreed', 'withdrawal_pending', 'closed', 'failed'], { message: '状态不正确' }) state?: string;
}

export class MeasuresQuery {
  @ApiProperty({ enum: ['category', 'township', 'mediator'] }) @IsIn(['category', 'township', 'mediator'], { message: '统计维度应为 category、township 或 mediator' }) by: 'category' | 'township' | 'mediator';
  @ApiPropertyOptional({ example: '2026-01-01', description: '默认当年1月1日' }) @IsOptional() @IsIsoDay() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: '默认今天' }) @IsOptional() @IsIsoDay() to?: string;
}
