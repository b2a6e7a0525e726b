import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Role, type Actor } from '@fuyi/kernel';
import { CASE_OPERATIONS, CaseHandlingService, CaseOp, CaseQueriesService } from '@fuyi/cases';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AssignDto, ResumeDto, SuspendDto } from '../dto/handling.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidParam } from './params';

@ApiTags('案件审理')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseHandlingController {
  constructor(private readonly ds: DataSource, private readonly handling: CaseHandlingService, private readonly queries: CaseQueriesService) {}

  @Post('assign') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Assign].roles)
  @ApiOperation({ summary: '分配（或改派）承办人；期限和记录保持不变' }) @ApiErrors(400, 401, 403, 404, 409)
  assign(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: AssignDto) {
    return this.ds.transaction(async (m) => this.queries.afterChange(m, actor, id, await this.handling.assign(m, actor, id, dto.version, dto.handlerId)));
  }

  @Get('assignment-proposal') @Roles(Role.SectionChief, Role.OfficeHead)
  @ApiOperation({ summary: '按工作量（在办案件数，临近届满加权）推荐承办人，可限定科室' }) @ApiErrors(401, 403, 404)
  @ApiQuery({ name: 'section', required: false, example: '审理一科' })
  async propose(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Query('section') section?: string) {
    await this.queries.assertVisible(actor, id);
    return this.handling.proposeHandlers(this.ds.manager, section?.slice(0, 32));
  }

  @Post('suspend') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Suspend].roles)
  @ApiOperation({ summary: '中止审理（第三十九条）：决定期限暂停；第一、二、四项起算60日终止期限' }) @ApiErrors(400, 401, 403, 404, 409)
  suspend(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: SuspendDto) {
    return this.ds.transaction(async (m) => this.queries.afterChange(m, actor, id, await this.handling.suspend(m, actor, id, dto)));
  }

  @Post('resume') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Resume].roles)
  @ApiOperation({ summary: '恢复审理：中止期间不计入决定期限' }) @ApiErrors(400, 401, 403, 404, 409)
  resume(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ResumeDto) {
    return this.ds.transaction(async (m) => this.queries.afterChange(m, actor, id, await this.handling.resume(m, actor, id, dto.version, dto.on)));
  }
}
