import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DISTRICT_CASE_ROLES, Role, type Actor } from '@fuyi/kernel';
import {
  isWorkListDue, MEDIATION_OPERATIONS, MediationCommands, MediationOp, MediationQueriesService, WORK_LIST_DUE_FILTERS,
} from '@fuyi/mediation';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import {
  AssignMediatorsDto, ExtendMediationDto, FileListQuery, FollowUpDto, ObjectionDto, OutcomeDto, ReferralDto, SealDto, SuspendLinkedCaseDto, TakeDto,
} from '../../dto/mediation.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { validationFailed } from '../../http/validation';
import { uuidParam } from '../params';
import { CENTRE_ROLES, MEDIATION_VIEW_ROLES } from './mediation-roles';

@ApiTags('调解中心')
@ApiBearerAuth()
@Controller('mediation')
export class MediationFilesController {
  constructor(private readonly commands: MediationCommands, private readonly queries: MediationQueriesService) {}

  @Post('referrals') @Roles(Role.TownshipClerk, ...DISTRICT_CASE_ROLES, Role.Mediator)
  @ApiOperation({ summary: '引导调解：立案前、受理审查期内、受理后（经双方同意中止案件）或法院委派' }) @ApiErrors(400, 401, 403, 409)
  refer(@CurrentActor() actor: Actor, @Body() dto: ReferralDto) {
    return this.commands.refer(actor, dto);
  }

  @Get('files') @Roles(...MEDIATION_VIEW_ROLES)
  @ApiOperation({ summary: '调解案件列表（本人数据范围内；新到旧，游标分页）' }) @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() q: FileListQuery) {
    return this.queries.list(actor, { state: q.state, limit: q.limit ?? 50, cursor: q.cursor });
  }

  @Get('work-list') @Roles(Role.Mediator)
  @ApiOperation({ summary: '我的调解：在办案件（按调解期限排序）及待分配数量；due=soon 只看调解期限3日内届满或已届满的' }) @ApiErrors(400, 401, 403)
  @ApiQuery({ name: 'due', required: false, enum: WORK_LIST_DUE_FILTERS })
  workList(@CurrentActor() actor: Actor, @Query('due') due?: string) {
    if (due !== undefined && !isWorkListDue(due)) throw validationFailed([{ field: 'due', message: '筛选条件只能是 soon（3日内届满或已届满）' }]);
    return this.queries.workList(actor, due);
  }

  @Get('files/:id') @Roles(...MEDIATION_VIEW_ROLES)
  @ApiOperation({ summary: '调解案件详情：当事人、调解员及回避记录、关联案件及可执行操作' }) @ApiErrors(401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.get(actor, id);
  }

  @Get('files/:id/assignment-proposal') @Roles(...CENTRE_ROLES)
  @ApiOperation({ summary: '推荐调解员：无回避事由、擅长该类别、在办数量少者优先' }) @ApiErrors(401, 403, 404)
  propose(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.commands.proposeMediators(actor, id);
  }

  @Post('files/:id/assign') @HttpCode(200) @Roles(...MEDIATION_OPERATIONS[MediationOp.Assign].roles)
  @ApiOperation({ summary: '指派调解员（一名或两名），经回避审查' }) @ApiErrors(400, 401, 403, 404, 409)
  assign(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: AssignMediatorsDto) {
    return this.commands.assign(actor, id, dto);
  }

  @Post('files/:id/objection') @HttpCode(200) @Roles(...MEDIATION_OPERATIONS[MediationOp.Object].roles)
  @ApiOperation({ summary: '当事人申请调解员回避：记录理由，案件退回待分配' }) @ApiErrors(400, 401, 403, 404, 409)
  object(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ObjectionDto) {
    return this.commands.object(actor, id, dto);
  }

  @Post('files/:id/take') @HttpCode(200) @Roles(...MEDIATION_OPERATIONS[MediationOp.Take].roles)
  @ApiOperation({ summary: '调解员接收案件：调解期限自当日起算' }) @ApiErrors(400, 401, 403, 404, 409)
  take(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: TakeDto) {
    return this.commands.take(actor, id, dto.version);
  }

  @Post('files/:id/extension') @HttpCode(200) @Roles(...MEDIATION_OPERATIONS[MediationOp.Extend].roles)
  @ApiOperation({ summary: '经双方同意延长调解期限' }) @ApiErrors(400, 401, 403, 404, 409)
  extend(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ExtendMediationDto) {
    return this.commands.extend(actor, id, dto);
  }

  @Post('files/:id/suspend-case') @HttpCode(200) @Roles(...MEDIATION_OPERATIONS[MediationOp.SuspendCase].roles)
  @ApiOperation({ summary: '受理审查期内转调解的案件已（视为）受理：经双方同意中止审理（第三十九条第一款第六项）' }) @ApiErrors(400, 401, 403, 404, 409)
  suspendCase(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: SuspendLinkedCaseDto) {
    return this.commands.suspendLinkedCase(actor, id, dto);
  }

  @Post('files/:id/outcome') @HttpCode(200) @Roles(...CENTRE_ROLES)
  @ApiOperation({ summary: '记录调解结果；调解不成或反悔的，案件回到复议程序（恢复审理或继续审查）' }) @ApiErrors(400, 401, 403, 404, 409)
  outcome(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: OutcomeDto) {
    return this.commands.recordOutcome(actor, id, dto);
  }

  @Post('files/:id/seal') @HttpCode(200) @Roles(...MEDIATION_OPERATIONS[MediationOp.Seal].roles)
  @ApiOperation({ summary: '调解书盖章（调解结案，第七十三条）或准予撤回（终止，第四十一条第一项）' }) @ApiErrors(400, 401, 403, 404, 409)
  seal(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: SealDto) {
    return this.commands.seal(actor, id, dto.version);
  }

  @Post('files/:id/follow-up') @HttpCode(200) @Roles(...MEDIATION_OPERATIONS[MediationOp.FollowUp].roles)
  @ApiOperation({ summary: '回访：调解协议履行情况' }) @ApiErrors(400, 401, 403, 404, 409)
  followUp(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: FollowUpDto) {
    return this.commands.followUp(actor, id, dto);
  }
}
