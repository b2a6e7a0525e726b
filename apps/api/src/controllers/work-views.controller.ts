import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmpty, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DISTRICT_CASE_ROLES, RESERVED_ROLES, Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { LiaisonViewService } from '@fuyi/liaison';
import { MediationQueriesService } from '@fuyi/mediation';
import { OperatorFiguresService } from '../services/operator-figures.service';
import {
  CASE_CATEGORIES, OPEN_CASE_STATES, PENDING_REQUEST_KINDS, WORK_FLAGS, weekEndOf, WorkViewsService, type CaseState, type PendingRequestKind, type WorkFlag,
} from '@fuyi/cases';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IsResidentId, MAX_ID } from '../dto/validators';
import { ApiErrors } from '../http/api-errors.decorator';
import { boundedLimit } from './paging';
import { uuidParam } from './params';
import { AuditedRead } from '../http/audited-read';

const NOT_IN_URL = '身份证号码不能放在网址中，请用 POST /work/search/id-number 在请求体中提交';
const NAME_NOT_IN_URL = '申请人姓名不能放在网址中，请用 POST /work/search/name 在请求体中提交';

class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() limit?: number;
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

const FLAG_DOC = 'overdue 已超期 / paused 期限中止 / extended 已延期 / dueThisWeek 本周（今天至周日）到期';

class MyQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WORK_FLAGS, description: FLAG_DOC }) @IsOptional() @IsIn([...WORK_FLAGS]) flag?: WorkFlag;
}

class OfficeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OPEN_CASE_STATES }) @IsOptional() @IsIn([...OPEN_CASE_STATES], { message: '只能按未结案件的状态筛选' }) state?: CaseState;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) townshipId?: number;
  @ApiPropertyOptional({ description: '被申请人' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) respondentDepartmentId?: number;
  @ApiPropertyOptional({ enum: Object.keys(CASE_CATEGORIES) }) @IsOptional() @IsIn(Object.keys(CASE_CATEGORIES)) category?: string;
  @ApiPropertyOptional({ description: '承办人' }) @IsOptional() @IsUUID() handlerId?: string;
  @ApiPropertyOptional({ enum: ['ordinary', 'simplified'] }) @IsOptional() @IsIn(['ordinary', 'simplified']) procedure?: 'ordinary' | 'simplified';
  @ApiPropertyOptional({ enum: WORK_FLAGS, description: FLAG_DOC })
  @IsOptional() @IsIn([...WORK_FLAGS]) flag?: WorkFlag;
  @ApiPropertyOptional({ enum: PENDING_REQUEST_KINDS, description: '有待审批的申请：extension 延期（第六十二条）/ termination 终止（第四十一条）' })
  @IsOptional() @IsIn([...PENDING_REQUEST_KINDS]) pendingRequest?: PendingRequestKind;
}

/** Personal data (a name, an ID number) never travels in a URL, where browser history and server logs keep it. */
class SearchQuery extends PageQuery {
  @ApiProperty({ description: '案件编号（完整）', example: '通复〔2026〕第00012号' }) @IsString({ message: '请填写案件编号' }) @IsNotEmpty({ message: '请填写案件编号' }) @MaxLength(40) caseNumber: string;
  @IsEmpty({ message: NAME_NOT_IN_URL }) name?: never;
  @IsEmpty({ message: NOT_IN_URL }) idNumber?: never;
}

class NameSearchDto {
  @ApiProperty({ description: '申请人姓名，可只输入一部分（如“小明”）' }) @IsString() @IsNotEmpty({ message: '请输入申请人姓名（可只输入其中一部分）' }) @MaxLength(50) name: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 20 }) @IsOptional() @IsInt() limit?: number;
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

class IdNumberSearchDto {
  @ApiProperty({ description: '当事人身份证号码（精确匹配，经盲索引查找，不解密任何记录）' }) @IsResidentId() idNumber: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 20 }) @IsOptional() @IsInt() limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

/** The district office's work views: my queue, the office view, search and the case timeline (issue 4, item 9). */
@ApiTags('办案视图')
@ApiBearerAuth()
@Controller()
export class WorkViewsController {
  constructor(
    private readonly views: WorkViewsService, private readonly mediation: MediationQueriesService, private readonly liaison: LiaisonViewService,
    private readonly operators: OperatorFiguresService,
  ) {}

  @Get('work/my-queue') @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '我的案件：本人承办的未结案件，按最近届满的期限排序，含各期限剩余工作日' }) @ApiErrors(400, 401, 403)
  myQueue(@CurrentActor() actor: Actor, @Query() q: MyQueueQuery) {
    return this.views.myQueue(actor, boundedLimit(q.limit ?? 50), q.cursor, q.flag);
  }

  @Get('me/figures') @Roles(Role.TownshipClerk, ...DISTRICT_CASE_ROLES, Role.Mediator, Role.LiaisonOfficer, ...RESERVED_ROLES)
  @ApiOperation({
    summary: '首页指标：本人角色的超期、本周到期、待我处理的案件数，每项为一个工作清单（我的案件或办案总览加筛选条件）的件数',
    description:
      '承办人：myOverdue（我的案件 flag=overdue）、myDueThisWeek（flag=dueThisWeek）、myOpen（我的案件）；科长、机构负责人：overdue、dueThisWeek'
      + '（办案总览 flag=…）、toAssign（state=accepted）、awaitingApproval（state=decision_pending 与 pendingRequest=extension、termination 三个清单之和）。'
      + '本周 = 今天至本周日（北京时间）；期限以进行中的期限计，中止的期限不计超期。'
      + '分中心接待：awaitingCorrection（申请列表 state=correction_requested）、inAcceptanceReview（state=registered），只计本分中心收件。'
      + '调解员：mediationMine（我的调解）、mediationDueSoon（我的调解 due=soon：调解期限3日内届满或已届满）。'
      + '府院联络员：liaisonOverdue（工作台 due=overdue）、liaisonDueThisWeek（due=thisWeek）、liaisonAwaitingMe（waiting=officer）。'
      + '系统管理员：deadLetters（投递失败清单）、lockedAccounts（用户列表中 locked 为 true 的用户）；'
      + '安全管理员：lockedAccounts、totpMissing（用户列表中 totpMissing 为 true 的用户）；'
      + '安全审计员：auditToday、auditLoginFailures、auditPersonalDataReads、auditDownloads、auditExports，各为审计记录列表按 query 所给条件（操作、起止日期）筛选的条数。',
  })
  @ApiErrors(401, 403)
  async figures(@CurrentActor() actor: Actor) {
    if (![Role.Mediator, Role.LiaisonOfficer, ...RESERVED_ROLES].includes(actor.role as Role)) return this.views.figures(actor);
    const asOf = shanghaiDate(new Date());
    const figures =
      actor.role === Role.Mediator ? await this.mediation.figures(actor)
      : actor.role === Role.LiaisonOfficer ? await this.liaison.figures()
      : await this.operators.figures(actor.role as Role, asOf);
    return { asOf, weekEnd: weekEndOf(asOf), figures };
  }

  @Get('work/office') @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '办案总览：全部未结案件，可按状态、街乡镇、被申请人、类别、承办人、程序、超期/中止/延期及待审批的延期/终止申请筛选，按最近届满期限排序' })
  @ApiErrors(400, 401, 403)
  office(@CurrentActor() actor: Actor, @Query() q: OfficeQuery) {
    const { limit, cursor, ...filters } = q;
    return this.views.office(actor, filters, boundedLimit(limit ?? 50), cursor);
  }

  @Get('work/search') @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '按案件编号（精确）查找案件；申请人姓名请用 POST /work/search/name，身份证号码请用 POST /work/search/id-number' })
  @ApiErrors(400, 401, 403)
  search(@CurrentActor() actor: Actor, @Query() q: SearchQuery) {
    return this.views.searchByCaseNumber(actor, q.caseNumber);
  }

  @Post('work/search/name') @HttpCode(200) @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '按申请人姓名（部分匹配）查找案件，新案在前（姓名只在请求体中传递）' }) @ApiErrors(400, 401, 403)
  searchByName(@CurrentActor() actor: Actor, @Body() dto: NameSearchDto) {
    return this.views.searchByName(actor, dto.name, boundedLimit(dto.limit ?? 20), dto.cursor);
  }

  @Post('work/search/id-number') @HttpCode(200) @Roles(...DISTRICT_CASE_ROLES)
  @AuditedRead({ action: 'case.search_id_number', subjectType: 'search' })
  @ApiOperation({ summary: '按身份证号码查找当事人所涉案件（号码只在请求体中传递）' }) @ApiErrors(400, 401, 403)
  searchByIdNumber(@CurrentActor() actor: Actor, @Body() dto: IdNumberSearchDto) {
    return this.views.searchByIdNumber(actor, dto.idNumber, boundedLimit(dto.limit ?? 20), dto.cursor);
  }

  @Get('cases/:id/timeline') @Roles(...DISTRICT_CASE_ROLES)
  @ApiOperation({ summary: '案件时间线：全部记录，按发生顺序分页' }) @ApiErrors(400, 401, 403, 404)
  timeline(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Query() q: PageQuery) {
    return this.views.timeline(actor, id, boundedLimit(q.limit ?? 50), q.cursor);
  }
}
