import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, shanghaiDate, type Actor } from '@fuyi/kernel';
import { computeDeadline, type RuleId } from '@fuyi/deadlines';
import { CalendarService, ReminderPolicyService } from '@fuyi/clocks';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ComputeDeadlineDto, LoadYearDto, ReminderPolicyDto, RemoveCalendarDayDto, SetCalendarDayDto } from '../dto/calendar.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { IsIsoDayPipe, YearPipe } from './calendar.pipes';
import { validationFailed } from '../http/validation';
import { ApiPaging, bigintCursor, limitQuery, pageOf } from './paging';

@ApiTags('期限与工作日历')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService, private readonly reminderPolicies: ReminderPolicyService) {}

  @Post('deadlines/compute') @HttpCode(200)
  @ApiOperation({ summary: '计算法定期限（含说明和是否为暂定结果），使用当前工作日历' }) @ApiErrors(400, 401)
  async compute(@Body() dto: ComputeDeadlineDto) {
    const calendar = await this.calendars.current();
    const hasOpen = dto.suspensions?.some((s) => !s.to);
    return computeDeadline(
      { rule: dto.rule as RuleId, start: dto.from, suspensions: dto.suspensions, extensionDays: dto.extendDays, asOf: dto.asOf ?? (hasOpen ? shanghaiDate(new Date()) : undefined) },
      calendar,
    );
  }

  @Get('calendar/:year') @ApiOperation({ summary: '某年的非默认日（放假、调休上班、停止办公）' }) @ApiErrors(400, 401)
  list(@Param('year', YearPipe) year: number) {
    return this.calendars.list(year);
  }

  @Get('calendar-versions') @Roles(Role.Admin, Role.Auditor) @ApiOperation({ summary: '工作日历变更历史（新的在前）' })
  @ApiErrors(400, 401, 403) @ApiPaging(50)
  async versions(@Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    const n = limitQuery(limit, 50);
    const before = bigintCursor(cursor);
    // The API's names (camelCase); the table keeps its columns.
    const rows: Array<Record<string, any>> = await this.calendars.versions(n + 1, before === undefined ? undefined : Number(before));
    const items = rows.map((r) => ({
      version: r.version, changedBy: r.changed_by, reason: r.reason, changes: r.changes, clocksRecomputed: r.clocks_recomputed,
      createdAt: new Date(r.created_at).toISOString(),
    }));
    return pageOf(items, n, (last) => String(last.version));
  }

  @Put('calendar/days/:date') @Roles(Role.Admin)
  @ApiOperation({ summary: '新增或修改一天（如临时放假、台风停止办公）；受影响的未结期限随即重算' }) @ApiErrors(400, 401, 403, 422)
  setDay(@CurrentActor() actor: Actor, @Param('date', IsIsoDayPipe) date: string, @Body() dto: SetCalendarDayDto) {
    if (dto.date !== date) throw validationFailed([{ field: 'date', message: '请求体中的日期与路径中的日期不一致' }]);
    return this.calendars.setDay(actor, dto.reason, date, dto.kind, dto.name);
  }

  // The console shows these before the administrator confirms: the same body as the change, nothing written.
  @Post('calendar/days/:date/preview') @HttpCode(200) @Roles(Role.Admin)
  @ApiOperation({ summary: '预览新增或修改一天：列出会被重算的未结期限（案号、期限、原到期日 → 新到期日），不作任何修改' }) @ApiErrors(400, 401, 403, 422)
  previewSetDay(@Param('date', IsIsoDayPipe) date: string, @Body() dto: SetCalendarDayDto) {
    if (dto.date !== date) throw validationFailed([{ field: 'date', message: '请求体中的日期与路径中的日期不一致' }]);
    return this.calendars.previewSetDay(date, dto.kind, dto.name);
  }

  @Post('calendar/days/:date/removal-preview') @HttpCode(200) @Roles(Role.Admin)
  @ApiOperation({ summary: '预览删除一天的特殊安排：列出会被重算的未结期限，不作任何修改' }) @ApiErrors(400, 401, 403, 422)
  previewRemoveDay(@Param('date', IsIsoDayPipe) date: string, @Body() _dto: RemoveCalendarDayDto) {
    return this.calendars.previewRemoveDay(date);
  }

  @Post('calendar/years/:year/load-preview') @HttpCode(200) @Roles(Role.Admin)
  @ApiOperation({ summary: '预览载入某年放假安排：列出变化的日期和会被重算的未结期限，不作任何修改' }) @ApiErrors(400, 401, 403)
  previewLoadYear(@Param('year', YearPipe) year: number, @Body() dto: LoadYearDto) {
    return this.calendars.previewLoadYear(year, dto.days);
  }

  @Delete('calendar/days/:date') @Roles(Role.Admin)
  @ApiOperation({ summary: '删除一天的特殊安排（恢复为普通工作日或周末）' }) @ApiErrors(400, 401, 403, 422)
  removeDay(@CurrentActor() actor: Actor, @Param('date', IsIsoDayPipe) date: string, @Body() dto: RemoveCalendarDayDto) {
    return this.calendars.removeDay(actor, dto.reason, date);
  }

  @Get('reminder-policies') @Roles(Role.Admin, Role.OfficeHead) @ApiOperation({ summary: '期限提醒策略（按规则和提醒对象）' }) @ApiErrors(401, 403)
  policies() {
    return this.reminderPolicies.list();
  }

  @Put('reminder-policies/:rule/:recipientRole') @Roles(Role.Admin)
  @ApiOperation({ summary: '设置提醒策略（规则 * 为默认）；在办期限的待发提醒随即按新策略重排' }) @ApiErrors(400, 401, 403)
  setPolicy(@CurrentActor() actor: Actor, @Param('rule') rule: string, @Param('recipientRole') recipientRole: string, @Body() dto: ReminderPolicyDto) {
    return this.reminderPolicies.set(actor, { rule, recipientRole, offsets: dto.offsets, overdueDaily: dto.overdueDaily });
  }

  @Post('calendar/years/:year/load') @Roles(Role.Admin)
  @ApiOperation({ summary: '载入某年放假安排（提交的清单或内置数据），替换该年已有记录' }) @ApiErrors(400, 401, 403)
  loadYear(@CurrentActor() actor: Actor, @Param('year', YearPipe) year: number, @Body() dto: LoadYearDto) {
    return this.calendars.loadYear(actor, dto.reason, year, dto.days);
  }
}

