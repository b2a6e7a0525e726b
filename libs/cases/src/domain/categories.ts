/** Case categories used in the office's statistics (domain.md §8). */
export const CASE_CATEGORIES = {
  penalty: '行政处罚',
  coercive: '行政强制',
  expropriation: '征地拆迁',
  demolition: '拆违拆临',
  public_security: '治安罚款拘留',
  info_disclosure: '政府信息公开',
  licensing: '行政许可',
  inaction: '不履行法定职责',
  social_security: '社会保障',
  other: '其他',
} as const;
export type CaseCategory = keyof typeof CASE_CATEGORIES;

export const CHANNELS = { counter: '窗口递交', oral: '口头申请（当场记录）', post: '邮寄', online: '网上申请' } as const;
