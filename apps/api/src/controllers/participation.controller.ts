import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DISTRICT_CASE_ROLES, type Actor } from '@fuyi/kernel';
import { AttendanceService, CASE_OPERATIONS, CaseCommands, CaseOp, CaseQueriesService } from '@fuyi/cases';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AddPartyDto, CommitteeOpinionDto, HearingWaiverDto, MinutesDto, PartyNotifiedDto, RecordAttendanceDto, ScheduleHearingDto } from '../dto/participation.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { uuidParam } from './params';

@ApiTags('案件审理')
@ApiBearerAuth()
@Roles(...DISTRICT_CASE_ROLES)
@Controller('cases/:id')
export class ParticipationController {
  constructor(
    private readonly commands: CaseCommands, private readonly queries: CaseQueriesService, private readonly attendance: AttendanceService,
  ) {}

  @Post('parties') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.AddParty].roles) @ApiErrors(400, 401, 403, 404, 409)
  @ApiOperation({ summary: '追加第三人或代理人' })
  addParty(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: AddPartyDto) {
    return this.commands.addParty(a, id, dto);
  }

  @Post('parties/notified') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.NotifyParty].roles) @ApiErrors(400, 401, 403, 404, 409)
  @ApiOperation({ summary: '记录已书面通知第三人参加行政复议' })
  notified(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: PartyNotifiedDto) {
    return this.commands.partyNotified(a, id, dto);
  }

  @Post('hearings') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ScheduleHearing].roles) @ApiErrors(400, 401, 403, 404, 409, 422)
  @ApiOperation({ summary: '安排听取意见（第四十九条）或听证（第五十、五十一条：合议组、提前5个工作日书面通知）' })
  schedule(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ScheduleHearingDto) {
    return this.commands.scheduleHearing(a, id, dto);
  }

  @Post('hearings/:hearingId/minutes') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.ScheduleHearing].roles) @ApiErrors(400, 401, 403, 404, 409)
  @ApiOperation({ summary: '记录听取意见或听证笔录' })
  minutes(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Param('hearingId', uuidParam('hearingId')) hearingId: string, @Body() dto: MinutesDto) {
    return this.commands.recordMinutes(a, id, hearingId, dto);
  }

  @Post('hearing-waivers') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.WaiveHearing].roles) @ApiErrors(400, 401, 403, 404, 409)
  @ApiOperation({ summary: '记录不能听取意见（书面审理，第四十九条）或未能举行听证（第五十一条第二款）的原因；作出决定前须听取意见或有此记录' })
  waive(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: HearingWaiverDto) {
    return this.commands.waiveHearing(a, id, dto);
  }

  @Post('committee-opinion') @HttpCode(200) @Roles(...CASE_OPERATIONS[CaseOp.CommitteeOpinion].roles) @ApiErrors(400, 401, 403, 404, 409)
  @ApiOperation({ summary: '记录行政复议委员会咨询意见（第五十二条）' })
  committee(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: CommitteeOpinionDto) {
    return this.commands.committeeOpinion(a, id, dto);
  }

  @Get('hearing-requirements') @ApiErrors(401, 403, 404)
  @ApiOperation({ summary: '本案作出决定前依法须完成的听取意见/听证' })
  requirements(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string) {
    return this.commands.hearingRequirements(a, id);
  }

  @Put('hearings/:hearingId/attendance') @ApiErrors(400, 401, 403, 404, 409)
  @ApiOperation({ summary: '登记（更正）已举行的听取意见或听证的出席情况：各当事人本人出席、委托代理人出席或未出席，被申请人负责人是否参加' })
  recordAttendance(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Param('hearingId', uuidParam('hearingId')) hearingId: string, @Body() dto: RecordAttendanceDto) {
    return this.commands.recordAttendance(a, id, hearingId, dto);
  }

  @Get('participation') @ApiErrors(401, 403, 404)
  @ApiOperation({ summary: '本案听取意见和听证：时间、地点、状态和出席情况（含被申请人负责人是否参加）' })
  async participationOf(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string) {
    await this.queries.assertVisible(a, id);
    return this.attendance.participation(id);
  }
}
