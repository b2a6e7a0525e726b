/**
 * The system administrator's home figures (issue 16 item 5): nothing of theirs falls due, so the figures are what waits
 * for them, each the row count of the page it opens (the dead-letter list, the users list filtered to locked accounts).
 */
export const ADMIN_FIGURE_KEYS = ['deadLetters', 'lockedAccounts'] as const;
export type AdminFigureKey = (typeof ADMIN_FIGURE_KEYS)[number];

export const ADMIN_FIGURES: Record<AdminFigureKey, { label: string; definition: string }> = {
  deadLetters: { label: '投递失败的通知', definition: '已放弃重试的短信、邮件、Webhook 通知投递数（即“投递失败”清单的条数）' },
  lockedAccounts: { label: '被锁定的账号', definition: '因短时间内多次登录失败、当前被暂时锁定登录的用户数（锁定期满自动解除）' },
};
