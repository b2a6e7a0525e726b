import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '@fuyi/kernel';
import { CASE_OPERATIONS, CaseCommands, CaseOp } from '@fuyi/cases';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AssignDto, ResumeDto, SuspendDto } from '../dto/handling.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidParam } from './params';

@ApiTags('案件审理')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseHandlingController {
  constructor(private readonly commands: CaseCommands) {}

  @Post('assign') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Assign].roles)
  @ApiOperation({ summary: '分配（或改派）承办人；期限和记录保持不变' }) @ApiErrors(400, 401, 403, 404, 409)
  assign(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: AssignDto) {
    return this.commands.assign(actor, id, dto.version, dto.handlerId);
  }

  @Get('assignment-proposal') @Roles(Role.SectionChief, Role.OfficeHead)
  @ApiOperation({ summary: '按工作量（在办案件数，临近届满加权）推荐承办人，可限定科室' }) @ApiErrors(401, 403, 404)
  @ApiQuery({ name: 'section', required: false, example: '审理一科' })
  propose(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Query('section') section?: string) {
    return this.commands.proposeHandlers(actor, id, section?.slice(0, 32));
  }

  @Post('suspend') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Suspend].roles)
  @ApiOperation({ summary: '中止审理（第三十九条）：决定期限暂停；第一、二、四项起算60日终止期限' }) @ApiErrors(400, 401, 403, 404, 409)
  suspend(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: SuspendDto) {
    return this.commands.suspend(actor, id, dto);
  }

  @Post('resume') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Resume].roles)
  @ApiOperation({ summary: '恢复审理：中止期间不计入决定期限' }) @ApiErrors(400, 401, 403, 404, 409)
  resume(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ResumeDto) {
    return this.commands.resume(actor, id, dto.version, dto.on);
  }
}
