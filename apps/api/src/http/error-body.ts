import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldIssueDto {
  @ApiProperty({ example: 'applicants.0.idNumber' }) field: string;
  @ApiProperty({ example: '身份证号码校验位不正确' }) message: string;
}

/** Every error answer has this shape: a stable code for programs, a Chinese message for people. */
export class ErrorBodyDto {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'CASE_VERSION_CONFLICT' }) code: string;
  @ApiProperty({ example: '案件已被他人修改，请刷新后重新操作' }) message: string;
  @ApiPropertyOptional({ type: [FieldIssueDto] }) fields?: FieldIssueDto[];
  @ApiProperty({ example: 'b3c1e2f0-…', description: '请求编号，反馈问题时请提供' }) requestId: string;
}
