import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { uuidParam } from './params';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DISTRICT_CASE_ROLES, DomainError, FULL_PERSONAL_DATA_ROLES, Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditedRead } from '../http/audited-read';
import { APPLICATION_LIST_STATES, CASE_OPERATIONS, isApplicationListState, CaseCommands, CaseOp, CaseQueriesService } from '@fuyi/cases';
import { APP_CONFIG, TimeSource, type AppConfig } from '@fuyi/platform';
import { ClockService } from '@fuyi/clocks';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { RegisterApplicationDto } from '../dto/registration.dto';
import { CorrectionReceivedDto, ReviewDecisionDto, VersionDto } from '../dto/review.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiPaging, boundedLimit } from './paging';
import { validationFailed } from '../http/validation';

const INTAKE_ROLES = [Role.TownshipClerk, ...DISTRICT_CASE_ROLES];

@ApiTags('申请与受理')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueriesService,
    private readonly clocks: ClockService,
    private readonly time: TimeSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('case-numbers/gaps') @Roles(Role.SectionChief, Role.OfficeHead)
  @ApiOperation({
    summary: '案件编号使用情况：本年已发出的最大编号、已登记案件数和未使用的编号（登记未完成而空出的号，不再补发）',
    description: '案件编号在登记事务之外先行取号（避免全区登记排队），登记失败时该号空出。编号按年唯一、递增，但可能不连续；空号在此列出（最多 500 个，unusedCount 为总数）。',
  })
  @ApiQuery({ name: 'year', required: false, description: '年度（默认本年）' }) @ApiErrors(400, 401, 403)
  numberGaps(@Query('year') year?: string) {
    const y = year === undefined ? Number(shanghaiDate(this.time.now()).slice(0, 4)) : Number(year);
    if (!/^\d{4}$/.test(String(y)) || y < 2000 || y > 2100) {
      throw new DomainError('VALIDATION_FAILED', '年度应为 2000 到 2100 之间的四位数字', 'invalid', { fields: [{ field: 'year', message: '应为四位年份' }] });
    }
    return this.commands.numberGaps(this.config.caseNumberPrefix, y);
  }

  @Post('applications') @Roles(...INTAKE_ROLES)
  @ApiOperation({ summary: '申请登记：返回案件编号、查询码和收件回执；支持 Idempotency-Key 防重复提交' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '同一键+同一内容重复提交返回同一结果；同一键不同内容 422；处理中 409' })
  @ApiErrors(400, 401, 403, 409, 422)
  async register(
    @CurrentActor() actor: Actor,
    @Body() dto: RegisterApplicationDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { result, replayed } = await this.commands.register(actor, dto, key);
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    return result;
  }

  @Get('applications') @Roles(...INTAKE_ROLES)
  @ApiOperation({ summary: '申请列表：分中心只见本分中心收件，区级可见全部（新到旧）' }) @ApiErrors(400, 401, 403)
  @ApiPaging(50)
  @ApiQuery({ name: 'state', required: false, enum: APPLICATION_LIST_STATES, description: '只看该阶段：registered 待受理审查、correction_requested 待补正' })
  list(@CurrentActor() actor: Actor, @Query('limit') limit?: string, @Query('cursor') cursor?: string, @Query('state') state?: string) {
    if (state !== undefined && !isApplicationListState(state)) throw validationFailed([{ field: 'state', message: '阶段只能是待受理审查或待补正' }]);
    return this.queries.townshipApplications(actor, boundedLimit(limit === undefined ? 50 : Number(limit)), cursor, state);
  }

  @Get('intake-queue') @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '区级收件队列：各分中心新收申请，按收件时间从早到晚，含受理审查期限' }) @ApiErrors(400, 401, 403)
  @ApiPaging(50)
  intakeQueue(@CurrentActor() actor: Actor, @Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    return this.queries.intakeQueue(actor, boundedLimit(limit === undefined ? 50 : Number(limit)), cursor);
  }

  @Get('cases/:id') @Roles(...INTAKE_ROLES, Role.LiaisonOfficer)
  @AuditedRead({ action: 'case.read_personal_data', subjectType: 'case', param: 'id', when: (a) => FULL_PERSONAL_DATA_ROLES.includes(a.role) })
  @ApiOperation({ summary: '案件详情与时间线（个人信息按角色脱敏）' }) @ApiErrors(401, 403, 404)
  detail(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.detail(actor, id);
  }

  @Get('cases/:id/clocks') @Roles(...INTAKE_ROLES, Role.LiaisonOfficer)
  @ApiOperation({ summary: '案件的法定期限（起算、届满、状态、计算说明、日历版本）' }) @ApiErrors(401, 403, 404)
  async clocksOf(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    await this.queries.assertVisible(actor, id);
    return this.clocks.forCase(id, this.time.now());
  }

  @Get('cases/:id/acceptance-review') @Roles(...INTAKE_ROLES)
  @ApiOperation({ summary: '受理审查要点：申请期限（第二十条）是否超过、超过天数、须审查的第二十条第二款和第三款情形、第二十一条最长期限；系统不自动不予受理' })
  @ApiErrors(401, 403, 404)
  acceptanceReview(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.acceptanceReview(actor, id);
  }

  @Post('cases/:id/acceptance-review') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Accept].roles)
  @ApiOperation({ summary: '受理审查决定：受理（普通/简易程序）、通知补正或不予受理' }) @ApiErrors(400, 401, 403, 404, 409)
  review(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ReviewDecisionDto) {
    return this.commands.decideAcceptance(actor, id, dto as never);
  }

  @Post('cases/:id/abandon') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Abandon].roles)
  @ApiOperation({ summary: '确认视为放弃申请：补正期限届满且无正当理由（第三十一条）' }) @ApiErrors(400, 401, 403, 404, 409)
  abandon(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: VersionDto) {
    return this.commands.confirmAbandoned(actor, id, dto.version);
  }

  @Post('cases/:id/correction-received') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ReceiveCorrection].roles)
  @ApiOperation({ summary: '收到补正材料：重新开始5个工作日的受理审查' }) @ApiErrors(400, 401, 403, 404, 409)
  correctionReceived(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: CorrectionReceivedDto) {
    return this.commands.receiveCorrection(actor, id, dto.version, dto.receivedOn);
  }
}
