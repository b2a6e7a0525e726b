import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { HEARING_KIND_LABELS, JUDGMENT_KIND_IDS, LETTER_KINDS, LIAISON_DUE, type LiaisonDue } from '@fuyi/liaison';
import { IsIsoDay, MAX_ID, NoPersonalData } from './validators';

const apply = (decorators: PropertyDecorator[]) => (target: object, key: string) => decorators.forEach((d) => d(target, key));
// Every liaison text is read by other departments or printed in a notice or letter: no ID or phone numbers.
const Text = (max: number) => [IsString(), IsNotEmpty(), MaxLength(max), NoPersonalData()];
/** A list of short paragraphs (reasons, problems, suggestions…): 1-20 items. */
const Items = () => [IsArray(), ArrayMinSize(1), ArrayMaxSize(20), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(1000, { each: true }), NoPersonalData()];

class Versioned {
  @ApiProperty({ description: '当前版本号（防止并发覆盖）', example: 1 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
}

/** What a risk notice says, to whom, and what it is about: drafted (RiskNoticeDto) or edited (RiskNoticeEditDto). */
class RiskNoticeFields {
  @ApiProperty({ maxLength: 200, example: '关于某片区拆违引发群体性争议风险的提示' }) @apply(Text(200)) title: string;
  @ApiProperty({ maxLength: 5000, description: '风险情况' }) @apply(Text(5000)) summary: string;
  @ApiProperty({ type: [String], description: '可能引发群诉群访或重大社会影响的表现' }) @apply(Items()) reasons: string[];
  @ApiProperty({ type: [String], description: '建议措施' }) @apply(Items()) suggestions: string[];
  @ApiProperty({ type: [Number], description: '收函部门' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true }) departmentIds: number[];
  @ApiPropertyOptional({ type: [String], description: '关联案件' }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) caseIds?: string[];
  @ApiPropertyOptional({ type: [String], description: '关联咨询登记（尚未立案的申请）' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) consultationIds?: string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 90, description: '回复期限（工作日），默认按系统设置（15个工作日）' })
  @IsOptional() @IsInt() @Min(1) @Max(90) responseDays?: number;
}

export class RiskNoticeDto extends RiskNoticeFields {
  @ApiPropertyOptional({ description: '据以起草的群体性纠纷线索（按线索建议起草时填写）；线索已排除或已并入其他线索的，不能起草（409 CLUSTER_NOT_OPEN）' })
  @IsOptional() @IsUUID() clusterId?: string;
}

export class RiskNoticeEditDto extends RiskNoticeFields {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
}

export class LiaisonVersionDto extends Versioned {}

export class RejectDto extends Versioned {
  @ApiProperty({ maxLength: 2000, description: '退回理由' }) @apply(Text(2000)) note: string;
}

export class CloseNoticeDto extends Versioned {
  @ApiPropertyOptional({ maxLength: 2000, description: '办结说明' }) @IsOptional() @apply(Text(2000)) note?: string;
}

export class AcknowledgeDto extends Versioned {
  @ApiProperty({ description: '签收部门' }) @IsInt() @Min(1) @Max(MAX_ID) departmentId: number;
  @ApiPropertyOptional({ example: '2026-11-20', description: '签收日期，默认今天' }) @IsOptional() @IsIsoDay() on?: string;
}

export class NoticeResponseDto extends AcknowledgeDto {
  @ApiProperty({ maxLength: 10000, description: '部门书面回复（排查处置情况）' }) @apply(Text(10000)) response: string;
}

export class LetterDto {
  @ApiProperty({ enum: LETTER_KINDS, description: 'opinion 意见书（第七十六条）；suggestion 建议书' }) @IsIn(LETTER_KINDS) kind: string;
  @ApiPropertyOptional({ description: '来源案件；不填为独立制发' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ description: '受文部门；来源于案件时默认为被申请人' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) recipientDepartmentId?: number;
  @ApiProperty({ type: [String], description: '存在的问题' }) @apply(Items()) problems: string[];
  @ApiProperty({ type: [String], description: '意见或建议' }) @apply(Items()) recommendations: string[];
}

export class LetterEditDto extends Versioned {
  @ApiPropertyOptional({ description: '受文部门' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) recipientDepartmentId?: number;
  @ApiProperty({ type: [String] }) @apply(Items()) problems: string[];
  @ApiProperty({ type: [String] }) @apply(Items()) recommendations: string[];
}

export class LetterReceivedDto extends Versioned {
  @ApiProperty({ example: '2026-11-20', description: '受文部门收到日期（意见书反馈期限自次日起算60日）' }) @IsIsoDay() receivedOn: string;
}

export class LetterFeedbackDto extends Versioned {
  @ApiProperty({ example: '2026-12-20' }) @IsIsoDay() feedbackOn: string;
  @ApiProperty({ maxLength: 10000, description: '反馈内容' }) @apply(Text(10000)) feedback: string;
  @ApiProperty({ type: [String], description: '报告的纠正（整改）情况' }) @apply(Items()) corrections: string[];
}

export class LawsuitDto {
  @ApiProperty({ description: '行政复议案件' }) @IsUUID() caseId: string;
  @ApiProperty({ maxLength: 100, example: '北京市通州区人民法院' }) @apply(Text(100)) court: string;
  @ApiProperty({ maxLength: 64, example: '（2026）京0112行初123号' }) @apply(Text(64)) courtCaseNumber: string;
  @ApiProperty({ example: '2026-11-20', description: '起诉（立案）日期' }) @IsIsoDay() filedOn: string;
}

/** 行政应诉 without a reconsideration case: a suit against the district government or one of its departments. */
export class DirectLawsuitDto {
  @ApiProperty({ maxLength: 100, example: '北京市第三中级人民法院' }) @apply(Text(100)) court: string;
  @ApiProperty({ maxLength: 64, example: '（2026）京03行初456号' }) @apply(Text(64)) courtCaseNumber: string;
  @ApiProperty({ example: '2026-11-20', description: '起诉（立案）日期' }) @IsIsoDay() filedOn: string;
  @ApiPropertyOptional({ description: '被告：区政府工作部门编号；不填为区人民政府' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) defendantDepartmentId?: number;
  @ApiProperty({ type: [String], example: ['王某某'], description: '原告（姓名或名称，不含身份证号码、电话）' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(100, { each: true }) @NoPersonalData() plaintiffs: string[];
  @ApiProperty({ maxLength: 500, example: '房屋征收决定（通政征〔2026〕3号）', description: '被诉行政行为' }) @apply(Text(500)) act: string;
  @ApiPropertyOptional({ example: '2026-11-25', description: '收到起诉状副本日期（答辩期限15日自次日起算，《行政诉讼法》第六十七条）' })
  @IsOptional() @IsIsoDay() complaintReceivedOn?: string;
}

export class ComplaintReceivedDto extends Versioned {
  @ApiProperty({ example: '2026-11-25', description: '被告收到起诉状副本日期' }) @IsIsoDay() receivedOn: string;
}

export class DefenceSubmittedDto extends Versioned {
  @ApiProperty({ example: '2026-12-08', description: '向法院提交答辩状和证据的日期' }) @IsIsoDay() submittedOn: string;
}

export class LawsuitEditDto extends Versioned {
  @ApiProperty({ maxLength: 100 }) @apply(Text(100)) court: string;
  @ApiProperty({ maxLength: 64 }) @apply(Text(64)) courtCaseNumber: string;
}

export class HearingDto extends Versioned {
  @ApiProperty({ example: '2026-12-10' }) @IsIsoDay() heldOn: string;
  @ApiProperty({ enum: Object.keys(HEARING_KIND_LABELS) }) @IsIn(Object.keys(HEARING_KIND_LABELS)) kind: 'hearing' | 'mediation' | 'pronouncement';
  @ApiProperty({ description: '行政机关负责人是否出庭应诉' }) @IsBoolean() headAppeared: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @apply(Text(1000)) note?: string;
}

/** Only what is sent changes (e.g. headAppeared once the hearing was held, or a postponed date). */
export class HearingEditDto extends Versioned {
  @ApiPropertyOptional({ example: '2026-12-10' }) @IsOptional() @IsIsoDay() heldOn?: string;
  @ApiPropertyOptional({ enum: Object.keys(HEARING_KIND_LABELS) }) @IsOptional() @IsIn(Object.keys(HEARING_KIND_LABELS)) kind?: 'hearing' | 'mediation' | 'pronouncement';
  @ApiPropertyOptional({ description: '行政机关负责人是否出庭应诉' }) @IsOptional() @IsBoolean() headAppeared?: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @apply(Text(1000)) note?: string;
}

export class JudgmentDto extends Versioned {
  @ApiProperty({ enum: JUDGMENT_KIND_IDS }) @IsIn(JUDGMENT_KIND_IDS) kind: string;
  @ApiProperty({ example: '2027-01-15' }) @IsIsoDay() on: string;
  @ApiProperty({ maxLength: 5000 }) @apply(Text(5000)) summary: string;
}

/** The liaison desk's filters (a liaison officer's home figures open it with one). */
export class LiaisonViewQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 }) @IsOptional() limit?: string;
  @ApiPropertyOptional({
    enum: LIAISON_DUE,
    description: 'overdue 已逾期（部门逾期未回复的风险提示函、逾期未反馈的意见书（建议书）、逾期未提交答辩状的应诉案件）；thisWeek 今天至本周日到期',
  })
  @IsOptional() @IsIn([...LIAISON_DUE]) due?: LiaisonDue;
  @ApiPropertyOptional({ enum: ['officer'], description: 'officer 待府院联络员办理（发送、登记收到、办结）的事项和未处理的群体性纠纷预警' })
  @IsOptional() @IsIn(['officer']) waiting?: 'officer';
}

export class LiaisonStatsQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: '统计期间起（含），默认本年1月1日' }) @IsOptional() @IsIsoDay() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: '统计期间止（含），默认今天' }) @IsOptional() @IsIsoDay() to?: string;
}
