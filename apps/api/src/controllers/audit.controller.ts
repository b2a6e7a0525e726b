import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Role, type Actor } from '@fuyi/kernel';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { bigintCursor, pageOf } from './paging';
import { AUDIT_LOG_COLUMNS } from '@fuyi/platform';
import { AuditLogService } from '../services/audit-log.service';

/** An audit row as the API names things (camelCase; the table keeps its snake_case columns). */
const auditRow = (r: Record<string, any>) => ({
  id: String(r.id), chain: r.chain, seq: Number(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), actorId: r.actor_id,
  actorRole: r.actor_role, action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, summary: r.summary, requestId: r.request_id,
  clientRequestId: r.client_request_id ?? null,
});

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The auditor's filters (issue 14 item 5): by actor, action, subject and date (Asia/Shanghai calendar days, inclusive). */
export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'case.read_personal_data' }) @IsOptional() @IsString() @Matches(/^[a-z_.]{1,64}$/) action?: string;
  @ApiPropertyOptional({ example: 'case' }) @IsOptional() @IsString() @Matches(/^[a-z_]{1,32}$/) subjectType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) subjectId?: string;
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-11-30' }) @IsOptional() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' }) @IsOptional() @IsString() cursor?: string;
}

const csvCell = (v: unknown) => {
  const text = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet: prefixed with a quote.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/**
 * Read-only audit for the auditor (三员分立: the administrator cannot read it). Audit rows are never deleted by the
 * application (its database role may not), so retention is unlimited, well over the 180 days required (issue 14 item 5).
 */
@ApiTags('审计')
@ApiBearerAuth()
@Roles(Role.Auditor)
@Controller('audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get() @ApiOperation({ summary: '审计记录（按时间倒序，游标分页），可按操作人、操作、对象、日期筛选' }) @ApiErrors(400, 401, 403)
  async list(@Query() q: AuditQueryDto) {
    const n = q.limit ?? 100;
    const { limit: _, cursor, ...filters } = q;
    const rows = await this.auditLog.page(filters, n + 1, bigintCursor(cursor) ?? null);
    return pageOf(rows.map(auditRow), n, (r: ReturnType<typeof auditRow>) => r.id);
  }

  @Get('export') @Header('content-type', 'text/csv; charset=utf-8') @Header('cache-control', 'private, no-store')
  @Header('content-disposition', 'attachment; filename="audit-export.csv"')
  @ApiOperation({ summary: '导出审计记录（CSV，最多 50,000 条，筛选条件同列表）；导出本身也记入审计' }) @ApiErrors(400, 401, 403)
  async export(@Query() q: AuditQueryDto, @Req() req: { actor: Actor; ip: string }): Promise<string> {
    const { limit: _, cursor: __, ...filters } = q;
    const rows = await this.auditLog.exportRows(req.actor, req.ip, filters, 50_000);
    const header = AUDIT_LOG_COLUMNS;
    return '\ufeff' + [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\r\n') + '\r\n';
  }

  @Get('verify') @ApiOperation({ summary: '校验审计哈希链（含链头封印：检测末尾记录被删除）' }) @ApiErrors(401, 403)
  verify() {
    return this.auditLog.verify();
  }
}
