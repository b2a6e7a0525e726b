import type { CSSProperties, ReactNode } from 'react';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleFilled,
  FieldTimeOutlined,
  PauseCircleOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { clockSignal, type ClockFacts, type Tone } from './clock-signal';

/** Colours with dark text on a light ground (WCAG AA contrast); each tone also has its own icon and words. */
const TONES: Record<Tone, { style: CSSProperties; icon: ReactNode }> = {
  red: { style: { background: '#fff1f0', borderColor: '#ff4d4f', color: '#a8071a' }, icon: <ExclamationCircleFilled /> },
  yellow: { style: { background: '#fffbe6', borderColor: '#faad14', color: '#874d00' }, icon: <ClockCircleOutlined /> },
  green: { style: { background: '#f6ffed', borderColor: '#52c41a', color: '#135200' }, icon: <CheckCircleOutlined /> },
  paused: { style: { background: '#f5f5f5', borderColor: '#8c8c8c', color: '#434343' }, icon: <PauseCircleOutlined /> },
  closed: { style: { background: '#fafafa', borderColor: '#d9d9d9', color: '#595959' }, icon: <CheckCircleOutlined /> },
};

const chip: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 4,
  border: '1px solid',
  borderRadius: 4,
  padding: '0 6px',
  fontSize: 12,
  lineHeight: '20px',
  whiteSpace: 'nowrap',
};

/**
 * 红黄绿灯: one clock's light (red overdue, yellow close, green in time) with the remaining days in words; a paused
 * clock (中止) is grey with a pause icon, an extended one (延期) and a provisional due date (暂定) carry their own mark.
 */
export function ClockBadge({ clock, today, label }: { clock: ClockFacts; today: string; label?: string }) {
  const s = clockSignal(clock, today);
  const t = TONES[s.tone];
  const extended = (clock.extensionDays ?? 0) > 0;
  return (
    <span data-testid="clock-badge" data-tone={s.tone} style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      <span style={{ ...chip, ...t.style }}>
        <span aria-hidden>{t.icon}</span>
        {label ? `${label}：` : ''}
        {s.text}
      </span>
      {extended && (
        <span data-testid="clock-extended" style={{ ...chip, background: '#f0f5ff', borderColor: '#2f54eb', color: '#10239e' }}>
          <span aria-hidden>
            <FieldTimeOutlined />
          </span>
          已延期 {clock.extensionDays} 日
        </span>
      )}
      {clock.provisional && (
        <span
          data-testid="clock-provisional"
          title="届满日依赖尚未公布的节假日安排，公布后可能变动"
          style={{ ...chip, borderStyle: 'dashed', borderColor: '#595959', color: '#262626', background: '#fff' }}
        >
          <span aria-hidden>
            <QuestionCircleOutlined />
          </span>
          暂定
        </span>
      )}
    </span>
  );
}
