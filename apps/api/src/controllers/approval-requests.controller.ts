import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DISTRICT_CASE_ROLES, type Actor } from '@fuyi/kernel';
import { CASE_OPERATIONS, CaseCommands, CaseOp } from '@fuyi/cases';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ExtensionRequestDto, ReturnRequestDto, TerminationRequestDto } from '../dto/approval-requests.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidParam } from './params';

const ERRORS = [400, 401, 403, 404, 409] as const;

/**
 * Extension (ARL 62) and termination (ARL 41) go to the office head as requests: the handler submits, the head (never
 * the submitter) approves through POST …/extend or …/terminate, or returns the request with a reason.
 */
@ApiTags('案件审理')
@ApiBearerAuth()
@Controller('cases/:id')
export class ApprovalRequestsController {
  constructor(private readonly commands: CaseCommands) {}

  @Post('extension-request') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.RequestExtension].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '承办人申请延长审理期限（第六十二条），报机构负责人审批' })
  requestExtension(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ExtensionRequestDto) {
    return this.commands.requestExtension(a, id, dto);
  }

  @Post('extension-request/return') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ReturnExtension].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '退回延长审理期限申请' })
  returnExtension(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ReturnRequestDto) {
    return this.commands.returnRequest(a, id, 'extension', dto);
  }

  @Post('termination-request') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.RequestTermination].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '承办人申请终止行政复议（第四十一条），报机构负责人审批' })
  requestTermination(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: TerminationRequestDto) {
    return this.commands.requestTermination(a, id, dto);
  }

  @Post('termination-request/return') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ReturnTermination].roles) @ApiErrors(...ERRORS)
  @ApiOperation({ summary: '退回终止行政复议申请' })
  returnTermination(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ReturnRequestDto) {
    return this.commands.returnRequest(a, id, 'termination', dto);
  }

  @Get('approval-requests') @Roles(...DISTRICT_CASE_ROLES) @ApiErrors(401, 403, 404)
  @ApiOperation({ summary: '本案的延期、终止申请及审批情况' })
  list(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string) {
    return this.commands.approvalRequests(a, id);
  }
}
