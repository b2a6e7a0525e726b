import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, ATTENDANCE_STATUS_LABELS, SERVICE_METHODS, type AttendanceStatus } from '@fuyi/cases';
import { PartyDto } from './registration.dto';
import { IsIsoDay, MAX_ID, NoPersonalData } from './validators';

export class AddPartyDto {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ enum: ['third_party', 'agent'] }) @IsIn(['third_party', 'agent']) role: 'third_party' | 'agent';
  @ApiProperty({ type: PartyDto }) @IsDefined() @ValidateNested() @Type(() => PartyDto) party: PartyDto;
}

export class PartyNotifiedDto {
  @ApiProperty({ example: 6 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty() @IsUUID() partyId: string;
  @ApiProperty({ enum: Object.keys(SERVICE_METHODS) }) @IsIn(Object.keys(SERVICE_METHODS)) method: string;
  @ApiProperty({ example: '2026-11-26' }) @IsIsoDay() notifiedOn: string;
}

export class PanelDto {
  @ApiProperty({ example: '陈静' }) @IsString() @IsNotEmpty() @MaxLength(50) presiding: string;
  @ApiProperty({ type: [String], example: ['刘洋', '张伟'] }) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(10) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(50, { each: true }) officers: string[];
  @ApiProperty({ example: '李敏' }) @IsString() @IsNotEmpty() @MaxLength(50) clerk: string;
}

export class ScheduleHearingDto {
  @ApiProperty({ example: 6 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ enum: ['listening', 'formal'], description: '听取意见 / 听证' }) @IsIn(['listening', 'formal']) kind: 'listening' | 'formal';
  @ApiProperty({ example: '2026-12-10' }) @IsIsoDay() heldOn: string;
  @ApiProperty({ example: '区司法局听证室' }) @IsString() @IsNotEmpty() @MaxLength(200) place: string;
  @ApiPropertyOptional({ type: PanelDto }) @IsOptional() @ValidateNested() @Type(() => PanelDto) panel?: PanelDto;
  @ApiPropertyOptional({ example: '2026-12-01', description: '听证通知送出日期（听证须提前5个工作日）' }) @IsOptional() @IsIsoDay() noticeSentOn?: string;
}

export class CommitteeOpinionDto {
  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ example: '2026-11-25' }) @IsIsoDay() meetingOn: string;
  @ApiProperty({ maxLength: 20000 }) @IsString() @IsNotEmpty() @MaxLength(20000) opinion: string;
}

const STATUS_DOC = ATTENDANCE_STATUSES.map((s) => `${s} ${ATTENDANCE_STATUS_LABELS[s]}`).join('；');

export class PartyAttendanceDto {
  @ApiProperty({ description: '申请人或第三人' }) @IsUUID() partyId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, description: STATUS_DOC }) @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;
  @ApiPropertyOptional({ example: '赵律师', maxLength: 100, description: '委托代理人出席时：代理人姓名' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) @NoPersonalData() representedBy?: string;
}

export class RespondentAttendanceDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES, description: `${STATUS_DOC}（本人出席：负责人或本机关工作人员出席）` }) @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;
  @ApiPropertyOptional({ maxLength: 100, description: '仅委托代理人出席时：代理人姓名' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) @NoPersonalData() representedBy?: string;
  @ApiProperty({ description: '被申请人负责人是否本人参加' }) @IsBoolean() headAttended: boolean;
  @ApiPropertyOptional({ example: '副局长 李强', maxLength: 100, description: '参加的负责人职务和姓名' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) @NoPersonalData() headName?: string;
}

export class AttendanceDto {
  @ApiProperty({ type: [PartyAttendanceDto], description: '申请人、第三人出席情况；听证须登记全部当事人' })
  @IsArray() @ArrayMaxSize(100) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PartyAttendanceDto) parties: PartyAttendanceDto[];
  @ApiPropertyOptional({ type: RespondentAttendanceDto, description: '被申请人出席情况（听证必填；仅听取申请人意见时可不填）' })
  @IsOptional() @ValidateNested() @Type(() => RespondentAttendanceDto) respondent?: RespondentAttendanceDto;
}

export class RecordAttendanceDto extends AttendanceDto {
  @ApiProperty({ example: 8 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
}

export class MinutesDto {
  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ maxLength: 50000 }) @IsString() @IsNotEmpty() @MaxLength(50000) minutes: string;
  @ApiPropertyOptional({ type: AttendanceDto, description: '出席情况（也可在记录笔录后登记）' })
  @IsOptional() @ValidateNested() @Type(() => AttendanceDto) attendance?: AttendanceDto;
}

export class HearingWaiverDto {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiProperty({ enum: ['listening', 'formal'], description: 'listening：因当事人原因不能听取意见、书面审理（第四十九条）；formal：未能举行听证（如申请人无正当理由拒不参加，第五十一条第二款）' })
  @IsIn(['listening', 'formal']) kind: 'listening' | 'formal';
  @ApiProperty({ maxLength: 2000, example: '申请人经三次电话联系均拒绝陈述意见，本案书面审理' })
  @IsString() @IsNotEmpty() @MaxLength(2000) @NoPersonalData() reason: string;
}
