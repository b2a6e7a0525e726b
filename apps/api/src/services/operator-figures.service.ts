import { Injectable } from '@nestjs/common';
import { addDays, Role, type IsoDate } from '@fuyi/kernel';
import { DeliveryService } from '@fuyi/notifications';
import { UsersService } from '@fuyi/platform';
import { AuditLogService, type AuditFilter } from './audit-log.service';

/**
 * The home figures of the three operator roles (三员, issue 16 item 5): nothing of theirs falls due, so the figures are
 * what waits for them, each the row count of the page it opens: the dead-letter list, the users list filtered to locked
 * accounts or to accounts without the second factor, the audit log with a filter (answered as `query`, so the console
 * opens the list with the very filter counted).
 */
const COUNTED = {
  deadLetters: { label: '投递失败的通知', definition: '已放弃重试的短信、邮件、Webhook 通知投递数（即“投递失败”清单的条数）' },
  lockedAccounts: { label: '被锁定的账号', definition: '因短时间内多次登录失败、当前被暂时锁定登录的用户数（锁定期满自动解除）' },
  totpMissing: {
    label: '未绑定动态验证码的账号',
    definition: '所属角色按安全策略须启用动态验证码、但尚未绑定的在用账号数（其下次登录时须先绑定）',
  },
};

/** The auditor's figures: the audit log with an action (or none) over the last `days` Shanghai days, today included. */
const AUDITED = {
  auditToday: { label: '今日审计记录', definition: '今天（北京时间）记入审计日志的全部操作', days: 1 },
  auditLoginFailures: {
    label: '近7日登录失败',
    definition: '近7日（含今天）登录失败的次数（auth.login_failed）',
    days: 7,
    action: 'auth.login_failed',
  },
  auditPersonalDataReads: {
    label: '近7日查看完整个人信息',
    definition: '近7日（含今天）查看当事人未脱敏个人信息的次数（case.read_personal_data）',
    days: 7,
    action: 'case.read_personal_data',
  },
  auditDownloads: {
    label: '近7日下载文书',
    definition: '近7日（含今天）下载文书的次数（document.download）',
    days: 7,
    action: 'document.download',
  },
  auditExports: {
    label: '近7日导出审计记录',
    definition: '近7日（含今天）导出审计记录的次数（audit.export）',
    days: 7,
    action: 'audit.export',
  },
} satisfies Record<string, { label: string; definition: string; days: number; action?: string }>;

type CountedKey = keyof typeof COUNTED;
type AuditedKey = keyof typeof AUDITED;
export const OPERATOR_FIGURE_KEYS = [...Object.keys(COUNTED), ...Object.keys(AUDITED)] as Array<CountedKey | AuditedKey>;

export interface OperatorFigure {
  key: CountedKey | AuditedKey;
  label: string;
  definition: string;
  count: number;
  /** The list's filter the count was taken with (the audit log's), when the page takes one. */
  query?: AuditFilter;
}

@Injectable()
export class OperatorFiguresService {
  constructor(
    private readonly deliveries: DeliveryService,
    private readonly users: UsersService,
    private readonly auditLog: AuditLogService,
  ) {}

  /** The administrator's, the security administrator's or the auditor's figures, `asOf` a Shanghai date. */
  figures(role: Role, asOf: IsoDate): Promise<OperatorFigure[]> {
    if (role === Role.Admin)
      return this.counted({ deadLetters: this.deliveries.deadLetterCount(), lockedAccounts: this.users.lockedCount() });
    if (role === Role.SecurityAdmin)
      return this.counted({ lockedAccounts: this.users.lockedCount(), totpMissing: this.users.totpMissingCount() });
    return Promise.all(
      (Object.keys(AUDITED) as AuditedKey[]).map(async (key) => {
        const { days, label, definition, ...f } = AUDITED[key];
        const query: AuditFilter = { ...f, from: addDays(asOf, 1 - days), to: asOf };
        return { key, label, definition, query, count: await this.auditLog.count(query) };
      }),
    );
  }

  private counted(counts: Partial<Record<CountedKey, Promise<number>>>): Promise<OperatorFigure[]> {
    return Promise.all((Object.keys(counts) as CountedKey[]).map(async (key) => ({ key, ...COUNTED[key], count: await counts[key]! })));
  }
}
