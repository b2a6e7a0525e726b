import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { components, operations } from '@generated/api-types';
import { api, unwrap } from '../../api/client';
import { saveBlob } from '../../api/save-blob';

export type AuditRow = components['schemas']['AuditListResponse']['items'][number];
export type AuditFilters = Omit<NonNullable<operations['audit_list']['parameters']['query']>, 'limit' | 'cursor'>;
export type AuditVerification = components['schemas']['AuditVerifyResponse'];

/** The auditor's log: newest first, 50 a page, the cursor pages on. */
export function useAuditLog(filters: AuditFilters, cursor?: string) {
  return useQuery({
    queryKey: ['/api/audit', filters, cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query: { ...filters, limit: 50, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/** Recomputes every hash chain on the server (a mutation: the auditor asks for it, it is not cached). */
export function useVerify() {
  return useMutation({ mutationFn: () => unwrap(api.GET('/api/audit/verify')) });
}

/** The CSV of the filtered log (the export itself is audited), saved through a temporary link. */
export async function downloadExport(filters: AuditFilters): Promise<void> {
  const blob = await unwrap(api.GET('/api/audit/export', { params: { query: filters }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `审计日志-${new Date().toISOString().slice(0, 10)}.csv`);
}

/** Words for the actions the log records most (the code is always shown beside them). */
export const ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.account_locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.logout_all': '在所有设备上退出',
  'auth.password_change': '修改密码',
  'auth.refresh_reuse': '刷新凭证重放',
  'auth.totp_enrol': '绑定动态验证码',
  'user.create': '新建用户',
  'user.password_reset': '重置密码',
  'user.deactivate': '停用用户',
  'user.role_change': '变更角色',
  'user.management_refused': '用户管理被拒绝',
  'security.totp_policy': '动态验证码策略',
  'calendar.change': '修改工作日历',
  'calendar.load_year': '载入年度放假安排',
  'reminder_policy.set': '设置提醒策略',
  'case.register': '登记申请',
  'case.read_personal_data': '查看完整个人信息',
  'case.search_id_number': '按身份证号查找',
  'case.assign': '分配承办人',
  'document.issue': '出具文书',
  'document.download': '下载文书',
  'audit.export': '导出审计记录',
  'ops.queue_board_opened': '打开队列看板',
};
