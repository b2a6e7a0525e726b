import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Role } from '@fuyi/kernel';
import { verifyAuditChains } from '@fuyi/platform';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiPaging, bigintCursor, limitQuery, pageOf } from './paging';

/** An audit row as the API names things (camelCase; the table keeps its snake_case columns). */
const auditRow = (r: Record<string, any>) => ({
  id: String(r.id), chain: r.chain, seq: Number(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), actorId: r.actor_id,
  actorRole: r.actor_role, action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, summary: r.summary, requestId: r.request_id,
});

/** Read-only audit for the auditor (三员分立: the administrator cannot read it). */
@ApiTags('审计')
@ApiBearerAuth()
@Roles(Role.Auditor)
@Controller('audit')
export class AuditController {
  constructor(private readonly ds: DataSource) {}

  @Get() @ApiOperation({ summary: '审计记录（按时间倒序，游标分页）' }) @ApiErrors(400, 401, 403)
  @ApiQuery({ name: 'subjectId', required: false }) @ApiPaging(100, 1000)
  async list(@Query('subjectId') subjectId?: string, @Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    const n = limitQuery(limit, 100, 1000);
    const rows = await this.ds.query(
      `SELECT id, chain, seq, occurred_at, actor_id, actor_role, action, subject_type, subject_id, summary, request_id
         FROM audit_log WHERE ($1::text IS NULL OR subject_id = $1) AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [subjectId ?? null, bigintCursor(cursor) ?? null, n + 1],
    );
    return pageOf(rows.map(auditRow), n, (r: ReturnType<typeof auditRow>) => r.id);
  }

  @Get('verify') @ApiOperation({ summary: '校验审计哈希链' }) @ApiErrors(401, 403)
  verify() {
    return verifyAuditChains(this.ds);
  }
}
