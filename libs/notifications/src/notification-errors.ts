import { DomainError } from '@fuyi/kernel';

export const NotificationErrors = {
  /** Also for another user's notification: 404, so existence does not leak. */
  notFound: () => new DomainError('NOTIFICATION_NOT_FOUND', '通知不存在或不属于当前用户', 'not_found'),
  invalidCursor: () =>
    new DomainError('NOTIFICATION_INVALID_CURSOR', '分页游标无效', 'invalid', { fields: [{ field: 'cursor', message: '分页游标无效' }] }),
};
