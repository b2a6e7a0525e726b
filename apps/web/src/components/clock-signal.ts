import { diffDays } from '@fuyi/kernel';

/** What the badge is told of one clock: the API's fields (the queue gives remaining working days, the case page does not). */
export interface ClockFacts {
  due: string;
  status: string;
  remainingWorkingDays?: number;
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
  if (c.remainingWorkingDays !== undefined) {
    const n = c.remainingWorkingDays;
    return { tone: n <= YELLOW_WITHIN ? 'yellow' : 'green', text: n === 0 ? '今日届满' : `剩 ${n} 个工作日` };
  }
  const days = diffDays(c.due, today);
  return { tone: days <= YELLOW_WITHIN ? 'yellow' : 'green', text: days === 0 ? '今日届满' : `剩 ${days} 日` };
}
