import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@fuyi/kernel';
import { CASE_OPERATIONS, CaseCommands, CaseOp, type DecisionType } from '@fuyi/cases';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import {
  ApproveDecisionDto, ArchiveDto, ConvertDto, CopySentDto, DecisionDto, ExtendDto, MediationSettlementDto, ReplyReceivedDto, ReturnDecisionDto, ServiceDto, TerminateDto,
} from '../dto/adjudication.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { WithdrawPublicationDto } from '../dto/statistics.dto';
import { uuidParam } from './params';

const ERRORS = [400, 401, 403, 404, 409] as const;

/** 审理与决定: respondent, procedure, decision and its approval, service, termination, mediation, archive. */
@ApiTags('案件审理')
@ApiBearerAuth()
@Controller('cases/:id')
export class AdjudicationController {
  constructor(private readonly commands: CaseCommands) {}

  @Post('copy-sent') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.CopySent].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '记录向被申请人发送申请书副本（第四十八条/第五十四条），答复期限随即起算' })
  copySent(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: CopySentDto) {
    return this.commands.copySent(a, id, dto);
  }

  @Post('reply-received') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ReplyReceived].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '记录被申请人答复及证据' })
  replyReceived(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ReplyReceivedDto) {
    return this.commands.replyReceived(a, id, dto);
  }

  @Post('extend') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Extend].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '批准延长审理期限（第六十二条：普通程序、限一次、不超过30日）' })
  extend(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ExtendDto) {
    return this.commands.extend(a, id, dto);
  }

  @Post('convert-to-ordinary') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ConvertToOrdinary].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '批准简易程序转为普通程序（第五十五条）' })
  convert(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ConvertDto) {
    return this.commands.convertToOrdinary(a, id, dto);
  }

  @Post('decision') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.SubmitDecision].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '提交行政复议决定（第六十三至七十二条）报机构负责人审批' })
  submit(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: DecisionDto) {
    return this.commands.submitDecision(a, id, { ...dto, type: dto.type as DecisionType });
  }

  @Post('decision/approve') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ApproveDecision].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '批准决定：决定作出，送达后生效（第七十五条）' })
  approve(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ApproveDecisionDto) {
    return this.commands.approveDecision(a, id, dto.version, dto.approvedOn);
  }

  @Post('decision/return') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ReturnDecision].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '退回决定稿' })
  returnDecision(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ReturnDecisionDto) {
    return this.commands.returnDecision(a, id, dto.version, dto.reason);
  }

  @Post('services') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.RecordService].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '记录向一名当事人送达；申请人全部送达后起诉期限（15日）起算' })
  serve(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ServiceDto) {
    return this.commands.recordService(a, id, dto);
  }

  @Post('terminate') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Terminate].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '终止行政复议（第四十一条），含准予撤回申请' })
  terminate(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: TerminateDto) {
    return this.commands.terminate(a, id, dto);
  }

  @Post('mediation-settlement') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ConcludeMediation].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '调解结案：调解书经各方签字（第七十三条）' })
  mediation(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: MediationSettlementDto) {
    return this.commands.concludeMediation(a, id, dto);
  }

  @Post('publish') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Publish].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '公开行政复议决定书（第七十九条），当事人姓名匿名化' })
  publish(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ArchiveDto) {
    return this.commands.publish(a, id, dto.version);
  }

  @Post('publication/withdraw') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.WithdrawPublication].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '撤回公开的行政复议决定书（记录撤回人、时间和理由），公众查询不再显示' })
  withdrawPublication(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: WithdrawPublicationDto) {
    return this.commands.withdrawPublication(a, id, dto);
  }

  @Post('archive') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.Archive].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '归档：送达且起诉期限届满后' })
  archive(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ArchiveDto) {
    return this.commands.archive(a, id, dto.version);
  }
}
