import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CASE_CATEGORIES, CHANNELS } from '@fuyi/cases';
import { IsCreditCode, IsIsoDay, IsPhone, IsResidentId, IsTimestamp, MAX_ID, NoPersonalData } from './validators';
import { IsDisputePlace } from './group-dispute.dto';

export class PartyDto {
  @ApiProperty({ enum: ['person', 'organisation'], description: '自然人 / 法人或其他组织' })
  @IsIn(['person', 'organisation']) kind: 'person' | 'organisation';

  @ApiProperty({ example: '张三', maxLength: 100 })
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;

  @ApiPropertyOptional({ description: '居民身份证号码（自然人必填），GB 11643 校验', example: '110101199003070038' })
  @ValidateIf((o: PartyDto) => o.kind === 'person' || o.idNumber !== undefined) @IsResidentId() idNumber?: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional() @IsPhone() phone?: string;

  @ApiPropertyOptional({ example: '北京市通州区新华大街1号', maxLength: 200 })
  @IsOptional() @IsString() @MaxLength(200) address?: string;

  @ApiPropertyOptional({ description: '统一社会信用代码（组织必填）' })
  @ValidateIf((o: PartyDto) => o.kind === 'organisation' || o.creditCode !== undefined) @IsCreditCode() creditCode?: string;

  @ApiPropertyOptional({ description: '法定代表人（组织必填）', maxLength: 50 })
  @ValidateIf((o: PartyDto) => o.kind === 'organisation') @IsString() @IsNotEmpty() @MaxLength(50) legalRepresentative?: string;
}

export class ActDto {
  @ApiProperty({ example: '行政处罚决定', maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) type: string;
  @ApiPropertyOptional({ example: '京通公（治）决字〔2026〕第123号', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) @NoPersonalData() documentNumber?: string;
  @ApiPropertyOptional({ example: '2026-10-20', description: '行政行为作出日期' }) @IsOptional() @IsIsoDay() date?: string;
  @ApiProperty({ example: '2026-10-22', description: '申请人知道该行政行为的日期（《行政复议法》第二十条）' }) @IsIsoDay() knownDate: string;
  @ApiPropertyOptional({ example: '宋庄镇小堡村棚户区改造项目', maxLength: 100, description: '涉及的项目名称（用于发现群体性纠纷）' }) @IsOptional() @IsString() @MaxLength(100) @NoPersonalData() project?: string;
  @ApiPropertyOptional({ example: '宋庄镇小堡村东区', maxLength: 200, description: '争议土地、房屋所在地点，填到村、社区、街道或地块（不是申请人住址，不得含门牌、楼号、房号）' }) @IsOptional() @IsString() @MaxLength(200) @IsDisputePlace() @NoPersonalData() place?: string;
}

export class MaterialDto {
  @ApiProperty({ example: '行政复议申请书' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(999) copies: number;
}

export class RegisterApplicationDto {
  @ApiProperty({ type: [PartyDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PartyDto) applicants: PartyDto[];

  @ApiPropertyOptional({ type: PartyDto, description: '代理人' })
  @IsOptional() @ValidateNested() @Type(() => PartyDto) agent?: PartyDto;

  @ApiProperty({ description: '被申请人（部门编号）', example: 1 }) @IsInt() @Min(1) @Max(MAX_ID) respondentDepartmentId: number;

  @ApiProperty({ enum: Object.keys(CASE_CATEGORIES) }) @IsIn(Object.keys(CASE_CATEGORIES)) category: string;

  @ApiProperty({ type: ActDto }) @IsDefined() @ValidateNested() @Type(() => ActDto) act: ActDto;

  @ApiProperty({ description: '行政复议请求', maxLength: 2000 }) @IsString() @IsNotEmpty() @MaxLength(2000) requests: string;

  @ApiProperty({ description: '事实和理由', maxLength: 10000 }) @IsString() @IsNotEmpty() @MaxLength(10000) factsReasons: string;

  @ApiProperty({ enum: Object.keys(CHANNELS) }) @IsIn(Object.keys(CHANNELS)) channel: 'counter' | 'oral' | 'post' | 'online';

  @ApiPropertyOptional({ description: '窗口收件时间（盖章时间），默认当前时间；不得晚于当前时间', example: '2026-11-26T09:30:00+08:00' })
  @IsOptional() @IsTimestamp() receivedAt?: string;

  @ApiPropertyOptional({ description: '邮寄提交的申请的邮戳日期：申请日期以邮戳为准（《民事诉讼法》第八十五条，经《行政复议法》第八十八条适用）', example: '2026-11-24' })
  @IsOptional() @IsIsoDay() postmarkedOn?: string;

  @ApiPropertyOptional({ description: '收件分中心（区级人员代为登记时填写；分中心人员自动为本分中心）' })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) townshipId?: number;

  @ApiProperty({ type: [MaterialDto] })
  @IsArray() @ArrayMaxSize(100) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => MaterialDto) materials: MaterialDto[];

  @ApiPropertyOptional({ description: '关联的咨询登记' }) @IsOptional() @IsUUID() consultationId?: string;
}
