import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '@fuyi/kernel';
import { CaseQueriesService } from '@fuyi/cases';
import { CopyReportService, LiaisonCommands, type CopyReportState } from '@fuyi/liaison';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { LiaisonVersionDto } from '../../dto/liaison.dto';
import { CopyReportListQuery, SuperiorDto } from '../../dto/copy-report.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { validationFailed } from '../../http/validation';
import { boundedLimit } from '../paging';
import { uuidParam } from '../params';
import { LIAISON_READ } from './liaison-roles';

const DEPARTMENT_ID = new ParseIntPipe({ exceptionFactory: () => validationFailed([{ field: 'id', message: '部门编号必须是整数' }]) });

/** ARL 79(2) 抄告: the copies of effective decisions and opinion letters to the respondent's superior, and who that is. */
@ApiTags('府院联络：抄告')
@ApiBearerAuth()
@Controller()
export class CopyReportsController {
  constructor(private readonly commands: LiaisonCommands, private readonly copies: CopyReportService, private readonly cases: CaseQueriesService) {}

  @Get('cases/:id/copy-reports') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '本案是否须抄告（第七十九条第二款）、抄告对象和抄告记录（谁、何时、抄告了哪份文书）' }) @ApiErrors(401, 403, 404)
  async forCase(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    await this.cases.assertVisible(actor, id);
    return this.copies.forCase(id);
  }

  @Get('liaison/copy-reports') @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '抄告记录列表（可只看待抄告；旧到新，游标分页）' }) @ApiErrors(400, 401, 403)
  list(@Query() q: CopyReportListQuery) {
    return this.copies.listAll(q.state as CopyReportState | undefined, boundedLimit(q.limit === undefined ? 50 : Number(q.limit)), q.cursor);
  }

  @Post('liaison/copy-reports/:id/issue') @HttpCode(200) @Roles(...LIAISON_READ)
  @ApiOperation({ summary: '出具待抄告的抄告函（上一级主管部门已配置、被抄告文书已出具后）' }) @ApiErrors(400, 401, 403, 404, 409)
  issue(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: LiaisonVersionDto) {
    return this.commands.issueCopyReport(actor, id, dto.version);
  }

  @Put('reference/departments/:id/superior') @Roles(Role.Admin)
  @ApiOperation({ summary: '设置部门的上一级主管部门（抄告对象，《行政复议法》第七十九条第二款）' }) @ApiErrors(400, 401, 403, 404)
  superior(@CurrentActor() actor: Actor, @Param('id', DEPARTMENT_ID) id: number, @Body() dto: SuperiorDto) {
    return this.commands.setSuperior(actor, id, dto.superior);
  }
}
