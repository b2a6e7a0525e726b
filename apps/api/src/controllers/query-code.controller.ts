import { Body, Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DISTRICT_CASE_ROLES, Role, type Actor } from '@fuyi/kernel';
import { QueryCodeService } from '@fuyi/cases';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IsCreditCode, IsResidentId } from '../dto/validators';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidParam } from './params';

export class QueryCodeReissueDto {
  @ApiPropertyOptional({ description: '窗口核验：申请人（自然人）身份证件上的号码；只用于比对，不保存、不记录' })
  @IsOptional() @IsResidentId() idNumber?: string;

  @ApiPropertyOptional({ description: '窗口核验：申请人（组织）的统一社会信用代码' })
  @IsOptional() @IsCreditCode() creditCode?: string;
}

/** 补发查询码 at the counter, after the clerk checked the applicant's identity document against the record. */
@ApiTags('申请与受理')
@ApiBearerAuth()
@Controller('cases/:id')
export class QueryCodeController {
  constructor(private readonly codes: QueryCodeService) {}

  @Post('query-code/reissue') @HttpCode(200) @Roles(Role.TownshipClerk, ...DISTRICT_CASE_ROLES) @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '补发查询码：核验申请人身份证件后生成新查询码（仅此一次显示，原查询码即时失效），返回重新打印的收件回执；每次核验均留痕' })
  @ApiErrors(400, 401, 403, 404, 422)
  reissue(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: QueryCodeReissueDto) {
    return this.codes.reissue(a, id, dto);
  }
}
