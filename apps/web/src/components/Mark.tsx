import type { ReactNode } from 'react';
import { Typography } from 'antd';

/**
 * A small coloured label with text dark enough on its tint for WCAG AA (Ant Design's gold, orange and green tags are
 * not: axe-core flags them), in the colours of ClockBadge.
 */
const KINDS = {
  red: { background: '#fff1f0', borderColor: '#ff4d4f', color: '#a8071a' },
  warn: { background: '#fffbe6', borderColor: '#faad14', color: '#874d00' },
  ok: { background: '#f6ffed', borderColor: '#52c41a', color: '#135200' },
  info: { background: '#f0f5ff', borderColor: '#2f54eb', color: '#10239e' },
  neutral: { background: '#fafafa', borderColor: '#d9d9d9', color: '#434343' },
} as const;

export function Mark({ kind = 'neutral', children, title, testId }: { kind?: keyof typeof KINDS; children: ReactNode; title?: string; testId?: string }) {
  return (
    <span
      title={title}
      data-testid={testId}
      style={{ ...KINDS[kind], display: 'inline-block', border: '1px solid', borderRadius: 4, padding: '0 7px', fontSize: 12, lineHeight: '20px', marginInlineStart: 6 }}
    >
      {children}
    </span>
  );
}

/** A table's "nothing here" in a grey that passes contrast (Ant Design's default placeholder does not). */
export const empty = (text: string) => ({ emptyText: <Typography.Text type="secondary">{text}</Typography.Text> });

/** The Beijing day of an API instant (ISO 8601, UTC): YYYY-MM-DD. */
export const beijingDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
