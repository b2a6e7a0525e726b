import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DISTRICT_CASE_ROLES, Role, type Actor } from '@fuyi/kernel';
import { CLUSTER_ACTIONS, ClusterAction, ClusterQueries, LiaisonCommands, type ClusterState } from '@fuyi/liaison';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { DismissClusterDto } from '../../dto/group-dispute.dto';
import { ClusterListQuery } from '../../dto/liaison-lists.dto';
import { ApiErrors } from '../../http/api-errors.decorator';
import { boundedLimit } from '../paging';
import { uuidParam } from '../params';

/** Group disputes found by detection (issue 6, item 4): liaison officers act on them, district staff read them. */
@ApiTags('府院联动')
@ApiBearerAuth()
@Roles(Role.LiaisonOfficer, ...DISTRICT_CASE_ROLES)
@Controller('group-disputes')
export class GroupDisputesController {
  constructor(private readonly commands: LiaisonCommands, private readonly queries: ClusterQueries) {}

  @Get() @ApiErrors(400, 401, 403)
  @ApiOperation({ summary: '群体性纠纷线索（默认未处理的；state=closed 为已并入其他线索的，见 mergedInto），最近有新增的在前，游标分页' })
  list(@Query() q: ClusterListQuery) {
    return this.queries.page((q.state ?? 'open') as ClusterState, boundedLimit(q.limit === undefined ? 50 : Number(q.limit)), q.cursor);
  }

  @Get(':id') @ApiErrors(400, 401, 403, 404)
  @ApiOperation({ summary: '群体性纠纷线索详情：关联记录及纳入理由、建议的风险提示' })
  get(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.view(id, a.role);
  }

  @Post(':id/dismiss') @HttpCode(200) @Roles(...CLUSTER_ACTIONS[ClusterAction.Dismiss].roles) @ApiErrors(400, 401, 403, 404, 409)
  @ApiOperation({ summary: '排除群体性纠纷线索（须说明理由）；答复线索的现状及 allowedActions' })
  dismiss(@CurrentActor() a: Actor, @Param('id', uuidParam()) id: string, @Body() dto: DismissClusterDto) {
    return this.commands.dismissCluster(a, id, dto);
  }
}
