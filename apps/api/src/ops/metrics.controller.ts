import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { MetricsAccessGuard } from './metrics-access.guard';
import { OpsMetricsService } from './ops-metrics.service';

@ApiTags('运行状态')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: OpsMetricsService) {}

  @Public() @UseGuards(MetricsAccessGuard) // admin session or scraper token: see MetricsAccessGuard
  @Get() @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE) @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus 指标（系统管理员，或携带 METRICS_TOKEN 的采集器）',
    description:
      '采集时从 PostgreSQL 和 BullMQ 读取：fuyi_queue_jobs{queue,state}、fuyi_reminders_fired_total、' +
      'fuyi_reminder_firing_lateness_seconds（最近 24 小时，直方图）、fuyi_outbox_lag_seconds、fuyi_outbox_pending、' +
      'fuyi_outbox_parked、fuyi_deliveries{status}、fuyi_milestones_pending_due、fuyi_metrics_source_up{source}。',
  })
  @ApiProduces(Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOkResponse({ description: 'Prometheus 文本格式 0.0.4', schema: { type: 'string', example: 'fuyi_outbox_pending 0\n' } })
  @ApiErrors(401, 403)
  scrape(): Promise<string> {
    return this.metrics.metrics();
  }
}
