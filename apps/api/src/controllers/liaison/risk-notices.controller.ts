import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@fuyi/kernel';
import { NOTICE_ACTION_ROLES, NoticeAction, LiaisonCommands, LiaisonQueriesService } from '@fuyi/liaison';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { AcknowledgeDto, CloseNoticeDto, NoticeResponseDto, RejectDto, RiskNoticeDto, RiskNoticeEditDto, LiaisonVersionDto } from '../../dto/liaison.dto';
import { NoticeListQuery } from '../../dto/liaison-lists.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { boundedLimit } from '../paging';
import { uuidParam } from '../params';
import { LIAISON_READ, LIAISON_WRITE } from './liaison-roles';

@ApiTags('府院联络：风险提示函')
@ApiBearerAuth()
@Controller('liaison/risk-notices')
export class RiskNoticesController {
  constructor(private readonly commands: LiaisonCommands, private readonly queries: LiaisonQueriesService) {}

  @Post() @Roles(...LIAISON_WRITE)
  @ApiOperation({
    summary: '起草风险提示函（收函部门、关联案件和咨询登记、回复期限）',
    description: '按群体性纠纷线索的建议起草时带 clusterId：线索已排除或已并入其他线索的，答复 409 CLUSTER_NOT_OPEN。',
  })
  @ApiErrors(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: RiskNoticeDto) {
    return this.commands.createNotice(actor, dto);
  }

  @Get() @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '风险提示函列表（可按状态筛选；新到旧，游标分页）' }) @ApiErrors(400, 401, 403)
  list(@Query() q: NoticeListQuery) {
    return this.queries.listNotices(q.state, boundedLimit(q.limit === undefined ? 50 : Number(q.limit)), q.cursor);
  }

  @Get(':id') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '风险提示函详情（各部门签收、回复和期限，关联案件，文书）' }) @ApiErrors(401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.notice(id, actor);
  }

  @Put(':id') @Roles(...NOTICE_ACTION_ROLES[NoticeAction.Edit])
  @ApiOperation({ summary: '修改草稿（退回后亦可修改）' }) @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: RiskNoticeEditDto) {
    const { version, ...draft } = dto;
    return this.commands.updateNotice(actor, id, version, draft);
  }

  @Post(':id/submit') @HttpCode(200) @Roles(...NOTICE_ACTION_ROLES[NoticeAction.Submit])
  @ApiOperation({ summary: '提交机构负责人审批' }) @ApiErrors(400, 401, 403, 404, 409)
  submit(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LiaisonVersionDto) {
    return this.commands.submitNotice(actor, id, dto.version);
  }

  @Post(':id/approve') @HttpCode(200) @Roles(...NOTICE_ACTION_ROLES[NoticeAction.Approve])
  @ApiOperation({ summary: '机构负责人批准' }) @ApiErrors(400, 401, 403, 404, 409)
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LiaisonVersionDto) {
    return this.commands.approveNotice(actor, id, dto.version);
  }

  @Post(':id/reject') @HttpCode(200) @Roles(...NOTICE_ACTION_ROLES[NoticeAction.Reject])
  @ApiOperation({ summary: '机构负责人退回修改' }) @ApiErrors(400, 401, 403, 404, 409)
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: RejectDto) {
    return this.commands.rejectNotice(actor, id, dto.version, dto.note);
  }

  @Post(':id/send') @HttpCode(200) @Roles(...NOTICE_ACTION_ROLES[NoticeAction.Send])
  @ApiOperation({ summary: '发送各部门：出具风险提示函（.docx），计算回复期限' }) @ApiErrors(400, 401, 403, 404, 409)
  send(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LiaisonVersionDto) {
    return this.commands.sendNotice(actor, id, dto.version);
  }

  @Post(':id/acknowledge') @HttpCode(200) @Roles(...NOTICE_ACTION_ROLES[NoticeAction.Acknowledge])
  @ApiOperation({ summary: '登记部门签收' }) @ApiErrors(400, 401, 403, 404, 409)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: AcknowledgeDto) {
    return this.commands.acknowledgeNotice(actor, id, dto);
  }

  @Post(':id/response') @HttpCode(200) @Roles(...NOTICE_ACTION_ROLES[NoticeAction.Respond])
  @ApiOperation({ summary: '登记部门书面回复' }) @ApiErrors(400, 401, 403, 404, 409)
  respond(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: NoticeResponseDto) {
    return this.commands.noticeResponse(actor, id, dto);
  }

  @Post(':id/close') @HttpCode(200) @Roles(...NOTICE_ACTION_ROLES[NoticeAction.Close])
  @ApiOperation({ summary: '办结（各部门均已回复）' }) @ApiErrors(400, 401, 403, 404, 409)
  close(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: CloseNoticeDto) {
    return this.commands.closeNotice(actor, id, dto.version, dto.note);
  }
}
