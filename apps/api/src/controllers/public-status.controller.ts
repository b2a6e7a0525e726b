import { Body, Controller, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { CaseQueriesService } from '@fuyi/cases';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';

export class CaseStatusQueryDto {
  @ApiProperty({ example: '通复〔2026〕第00012号' }) @IsString() @IsNotEmpty() @MaxLength(40) caseNumber: string;
  @ApiProperty({ example: 'K7M2QX' }) @IsString() @Matches(/^[A-Za-z2-9]{6}$/, { message: '查询码为6位字母或数字' }) queryCode: string;
}

/** For applicants: stage only, no personal data. POST so that the query code never lands in a URL or access log. */
@ApiTags('公众查询')
@Controller('public')
export class PublicStatusController {
  constructor(private readonly queries: CaseQueriesService) {}

  @Public() @Post('case-status') @HttpCode(200) @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: '申请人凭案件编号和查询码查询办理阶段；多次查询不成功后需逐步等待（Retry-After），编号存在与否答复相同' })
  @ApiErrors(400, 404, 429)
  status(@Body() dto: CaseStatusQueryDto, @Ip() ip: string) {
    return this.queries.publicStatus(dto.caseNumber.trim(), dto.queryCode, ip);
  }
}
