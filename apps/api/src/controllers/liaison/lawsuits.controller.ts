import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@fuyi/kernel';
import { CaseQueriesService } from '@fuyi/cases';
import { LAWSUIT_ACTIONS, LawsuitAction, LiaisonCommands, LiaisonQueriesService, type JudgmentKind } from '@fuyi/liaison';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ComplaintReceivedDto, DefenceSubmittedDto, DirectLawsuitDto, HearingDto, HearingEditDto, JudgmentDto, LawsuitDto, LawsuitEditDto } from '../../dto/liaison.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { validationFailed } from '../../http/validation';
import { uuidParam } from '../params';
import { LIAISON_READ, LIAISON_WRITE } from './liaison-roles';

const HEARING_INDEX = new ParseIntPipe({ exceptionFactory: () => validationFailed([{ field: 'index', message: '开庭记录序号必须是整数' }]) });

@ApiTags('府院联络：行政应诉')
@ApiBearerAuth()
@Controller()
export class LawsuitsController {
  constructor(
    private readonly commands: LiaisonCommands, private readonly queries: LiaisonQueriesService, private readonly cases: CaseQueriesService,
  ) {}

  @Post('liaison/lawsuits/direct') @Roles(...LIAISON_WRITE)
  @ApiOperation({ summary: '登记未经行政复议、以区人民政府或其工作部门为被告的行政诉讼（行政应诉）；可同时登记收到起诉状副本日期' })
  @ApiErrors(400, 401, 403, 409)
  recordDirect(@CurrentActor() actor: Actor, @Body() dto: DirectLawsuitDto) {
    return this.commands.recordLawsuitWithoutCase(actor, dto);
  }

  @Post('liaison/lawsuits/:id/complaint-received') @HttpCode(200) @Roles(...LIAISON_WRITE)
  @ApiOperation({ summary: '登记被告收到起诉状副本：答辩期限15日起算（《行政诉讼法》第六十七条，届满日遇节假日顺延）' })
  @ApiErrors(400, 401, 403, 404, 409)
  complaintReceived(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ComplaintReceivedDto) {
    return this.commands.complaintReceived(actor, id, dto);
  }

  @Post('liaison/lawsuits/:id/defence') @HttpCode(200) @Roles(...LIAISON_WRITE)
  @ApiOperation({ summary: '登记向法院提交答辩状和证据（逾期提供证据视为没有相应证据，《行政诉讼法》第三十四条）' })
  @ApiErrors(400, 401, 403, 404, 409)
  defenceSubmitted(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: DefenceSubmittedDto) {
    return this.commands.defenceSubmitted(actor, id, dto);
  }

  @Post('liaison/lawsuits') @Roles(...LIAISON_WRITE)
  @ApiOperation({ summary: '登记复议后行政诉讼（《行政诉讼法》第四十五条）；维持（含驳回复议请求）的自动列为共同被告' })
  @ApiErrors(400, 401, 403, 404, 409)
  async record(@CurrentActor() actor: Actor, @Body() dto: LawsuitDto) {
    await this.cases.assertVisible(actor, dto.caseId);
    return this.commands.recordLawsuit(actor, dto);
  }

  @Get('liaison/lawsuits/:id') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '应诉案件详情（含当前用户可登记的事项 allowedActions）' }) @ApiErrors(401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.lawsuit(id, actor.role);
  }

  @Patch('liaison/lawsuits/:id') @Roles(...LAWSUIT_ACTIONS[LawsuitAction.CorrectCourt].roles)
  @ApiOperation({ summary: '更正法院和案号（任何阶段均可更正；须带读取时的版本号，他人已修改的答复 409）' })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LawsuitEditDto) {
    return this.commands.updateLawsuit(actor, id, dto);
  }

  @Post('liaison/lawsuits/:id/hearings') @HttpCode(200) @Roles(...LIAISON_WRITE)
  @ApiOperation({ summary: '登记开庭（含负责人是否出庭应诉）' }) @ApiErrors(400, 401, 403, 404, 409)
  hearing(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: HearingDto) {
    return this.commands.addHearing(actor, id, { ...dto, note: dto.note ?? null });
  }

  @Patch('liaison/lawsuits/:id/hearings/:index') @Roles(...LIAISON_WRITE)
  @ApiOperation({ summary: '修改开庭记录（补登负责人出庭、改期）；index 为详情中 hearings 的序号（从0起）' }) @ApiErrors(400, 401, 403, 404, 409)
  updateHearing(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Param('index', HEARING_INDEX) index: number, @Body() dto: HearingEditDto) {
    return this.commands.updateHearing(actor, id, index, dto);
  }

  @Post('liaison/lawsuits/:id/judgment') @HttpCode(200) @Roles(...LIAISON_WRITE)
  @ApiOperation({ summary: '登记裁判结果' }) @ApiErrors(400, 401, 403, 404, 409)
  judgment(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: JudgmentDto) {
    return this.commands.judgment(actor, id, { ...dto, kind: dto.kind as JudgmentKind });
  }

  @Get('cases/:id/litigation') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '案件的起诉期限和复议后诉讼（双向关联）' }) @ApiErrors(401, 403, 404)
  async litigation(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    await this.cases.assertVisible(actor, id);
    return this.queries.caseLitigation(id);
  }
}
