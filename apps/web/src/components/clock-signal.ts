import { diffDays } from '@fuyi/kernel';

/**
 * What the badge is told of one clock: the API's fields. The API counts the remaining working days (the work lists and
 * the case's clocks alike, on the Chinese working calendar); the browser never counts them itself.
 */
export interface ClockFacts {
  due: string;
  status: string;
  /** Null once the clock has ended. */
  remainingWorkingDays: number | null;
  overdue?: boolean;
  extensionDays?: number;
  provisional?: boolean;
}

export type Tone = 'red' | 'yellow' | 'green' | 'paused' | 'closed';

/** 红黄绿灯预警: yellow from this many working days left (a working week). */
export const YELLOW_WITHIN = 5;

export interface Signal {
  tone: Tone;
  /** The words the badge shows (the colour only repeats them). */
  text: string;
}

const CLOSED: Record<string, string> = { met: '已完成', missed: '已逾期结束', cancelled: '已撤销' };

/** The light of one clock on `today` (Shanghai date). */
export function clockSignal(c: ClockFacts, today: string): Signal {
  if (c.status === 'paused') return { tone: 'paused', text: '已中止·暂停计算' };
  if (c.status !== 'running') return { tone: c.status === 'missed' ? 'red' : 'closed', text: CLOSED[c.status] ?? c.status };
  const late = c.overdue ?? c.due < today;
  if (late) return { tone: 'red', text: `已超期 ${diffDays(today, c.due)} 日` };
  const n = c.remainingWorkingDays;
  if (n === null) return { tone: 'green', text: `${c.due} 届满` }; // a running clock always has its count from the API
  return { tone: n <= YELLOW_WITHIN ? 'yellow' : 'green', text: n === 0 ? '今日届满' : `剩 ${n} 个工作日` };
}
