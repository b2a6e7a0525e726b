import type { IsoDate } from '@fuyi/kernel';

export const DIGEST_KIND = 'digest';
/** Running clocks due within this many calendar days (today included) are listed as due soon. */
export const DIGEST_HORIZON_DAYS = 3;

export interface DigestCounts {
  /** Unread notifications, earlier digests not included (else a digest would report the previous one forever). */
  unread: number;
  dueSoon: number;
  overdue: number;
}

/** The date in the title is also the idempotency marker: one digest per user and day. */
export function digestTitle(date: IsoDate): string {
  return `每日待办提醒（${date}）`;
}

/** null when there is nothing to report: no digest is sent then. */
export function digestBody(c: DigestCounts): string | null {
  const parts: string[] = [];
  if (c.unread > 0) parts.push(`未读通知 ${c.unread} 条`);
  if (c.dueSoon > 0) parts.push(`承办案件中 ${c.dueSoon} 个期限将在 ${DIGEST_HORIZON_DAYS} 日内届满`);
  if (c.overdue > 0) parts.push(`${c.overdue} 个期限已超期，请立即处理`);
  return parts.length ? `今日待办：${parts.join('；')}。` : null;
}
