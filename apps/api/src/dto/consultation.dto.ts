import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CASE_CATEGORIES } from '@fuyi/cases';
import { IsPhone, IsTimestamp, MAX_ID, NoPersonalData } from './validators';
import { IsDisputePlace } from './group-dispute.dto';

export class RecordConsultationDto {
  @ApiPropertyOptional({ example: '2026-11-26T10:00:00+08:00' }) @IsOptional() @IsTimestamp() consultedAt?: string;
  @ApiProperty({ example: '李四' }) @IsString() @IsNotEmpty() @MaxLength(100) visitorName: string;
  @ApiPropertyOptional({ example: '13900139000' }) @IsOptional() @IsPhone() visitorPhone?: string;
  @ApiProperty({ example: '对拆除违法建设决定不服' }) @IsString() @IsNotEmpty() @MaxLength(200) topic: string;
  @ApiProperty({ enum: Object.keys(CASE_CATEGORIES) }) @IsIn(Object.keys(CASE_CATEGORIES)) category: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) respondentDepartmentId?: number;
  @ApiPropertyOptional({ example: '宋庄镇小堡村棚户区改造项目', maxLength: 100, description: '涉及的项目名称（用于发现群体性纠纷）' }) @IsOptional() @IsString() @MaxLength(100) @NoPersonalData() actProject?: string;
  @ApiPropertyOptional({ example: '宋庄镇小堡村东区', maxLength: 200, description: '争议土地、房屋所在地点，填到村、社区、街道或地块（不是来访人住址，不得含门牌、楼号、房号）' }) @IsOptional() @IsString() @MaxLength(200) @IsDisputePlace() @NoPersonalData() actPlace?: string;
  @ApiProperty({ example: '告知可在知道该行为之日起60日内申请行政复议' }) @IsString() @IsNotEmpty() @MaxLength(2000) advice: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() applicationFollowed?: boolean;
  @ApiPropertyOptional({ description: '区级人员代为登记时指定街乡镇' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) townshipId?: number;
}
