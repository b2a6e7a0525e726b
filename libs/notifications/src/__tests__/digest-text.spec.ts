import { digestBody, digestTitle } from '@fuyi/notifications';

describe('daily digest text', () => {
  it('puts the date in the title (the per-day idempotency marker)', () => {
    expect(digestTitle('2026-11-27')).toBe('每日待办提醒（2026-11-27）');
  });

  it('lists only what there is, in Chinese', () => {
    expect(digestBody({ unread: 2, dueSoon: 1, overdue: 3 })).toBe('今日待办：未读通知 2 条；承办案件中 1 个期限将在 3 日内届满；3 个期限已超期，请立即处理。');
    expect(digestBody({ unread: 0, dueSoon: 0, overdue: 1 })).toBe('今日待办：1 个期限已超期，请立即处理。');
    expect(digestBody({ unread: 4, dueSoon: 0, overdue: 0 })).toBe('今日待办：未读通知 4 条。');
  });

  it('nothing to report: no digest', () => {
    expect(digestBody({ unread: 0, dueSoon: 0, overdue: 0 })).toBeNull();
  });
});
