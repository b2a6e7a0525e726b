import { Inject, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Role } from '@fuyi/kernel';
import { APP_CONFIG, verifyAuditChains, type AppConfig } from '@fuyi/platform';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { boundedLimit } from './paging';

/** Read-only audit for the auditor (三员分立: the administrator cannot read it). */
@ApiTags('审计')
@ApiBearerAuth()
@Roles(Role.Auditor)
@Controller('audit')
export class AuditController {
  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get() @ApiOperation({ summary: '审计记录（按时间倒序）' }) @ApiErrors(400, 401, 403)
  @ApiQuery({ name: 'subjectId', required: false }) @ApiQuery({ name: 'limit', required: false })
  async list(@Query('subjectId') subjectId?: string, @Query('limit') limit?: string) {
    const rows = await this.ds.query(
      `SELECT id, chain, seq, occurred_at, actor_id, actor_role, action, subject_type, subject_id, summary, request_id
         FROM audit_log WHERE ($1::text IS NULL OR subject_id = $1) ORDER BY id DESC LIMIT $2`,
      [subjectId ?? null, boundedLimit(limit === undefined ? 100 : Number(limit), 1000)],
    );
    return rows;
  }

  @Get('verify') @ApiOperation({ summary: '校验审计哈希链' }) @ApiErrors(401, 403)
  verify() {
    return verifyAuditChains(this.ds, 5000, this.config.auditKey);
  }
}
