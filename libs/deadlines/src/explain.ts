import { fromEpochDay } from '@fuyi/kernel';
import type { CountResult } from './count';
import { citeArticle } from './citation';
import type { RuleDefinition } from './rules';
import type { SuspensionInterval } from './suspensions';
import type { WorkingCalendar } from './working-calendar';

export interface ExplainInput {
  def: RuleDefinition;
  startDay: number;
  total: number;
  count: CountResult;
  intervals: readonly SuspensionInterval[];
  calendar: WorkingCalendar;
  extensionDays: number;
}

const WEEKDAY = '日一二三四五六';
const iso = fromEpochDay;
const withWeekday = (d: number): string => `${iso(d)}（周${WEEKDAY[(((d + 4) % 7) + 7) % 7]}）`;
const span = (a: number, b: number): string => (a === b ? iso(a) : `${iso(a)}至${iso(b)}`);

/** Chinese lines a clerk can read out and defend: start, rule, skipped days, pauses, extension, calendar. */
export function explainDeadline(x: ExplainInput): string[] {
  const { def, startDay, total, count, calendar } = x;
  const unitWord = def.unit === 'working' ? '个工作日' : '日';
  const lines: string[] = [];
  if (def.direction === 'backward') {
    lines.push(`基准日：${withWeekday(startDay)}为${def.dayZero}，当日不计入，向前倒数。`);
    lines.push(
      `规则：${def.label}，应于举行听证的${def.period}个工作日前书面通知当事人，依据${citeArticle(def.article)}；` +
        `按${citeArticle('ARL 88(2)')}，“${def.period}日”指工作日，不含法定休假日。`,
    );
  } else {
    lines.push(`起算：${withWeekday(startDay)}为第0日（${def.dayZero}），当日不计入。`);
    lines.push(ruleLine(def));
  }
  if (x.extensionDays > 0) {
    lines.push(
      `延长：经批准延长${x.extensionDays}${unitWord}（上限${def.extensionCapDays}${unitWord}），` +
        `期间合计${total}${unitWord}。`,
    );
  }
  if (def.unit === 'working') lines.push(...suspensionLines(x), ...workingLines(x));
  else lines.push(...calendarLines(x), ...suspensionLines(x), ...suspensionMoveLines(x));
  lines.push(
    def.direction === 'backward'
      ? `最迟通知日：${withWeekday(count.due)}。`
      : `届满日：${withWeekday(count.due)}${count.due === count.movedDue || def.unit === 'working' ? '' : '（已顺延）'}。`,
  );
  lines.push(calendar.sourceLabel());
  if (count.provisional) lines.push(provisionalLine(x));
  return lines;
}

function ruleLine(def: RuleDefinition): string {
  const basis = `${def.label}，${def.period}${def.unit === 'working' ? '个工作日' : '日'}，依据${citeArticle(def.article)}`;
  if (def.unit === 'working') {
    return `规则：${basis}；按${citeArticle('ARL 88(2)')}，“${def.period}日”指工作日，不含法定休假日，调休上班日按日历设置处理。`;
  }
  return (
    `规则：${basis}；按${citeArticle('ARL 88(1)')}适用${citeArticle('CPL 85')}：期间开始的日不计算，期间内的节假日不予扣除，` +
    `最后一日为节假日（含周末）的，以其后第一个工作日为期间届满日。`
  );
}

function suspensionLines(x: ExplainInput): string[] {
  const { def, startDay, count, calendar } = x;
  return x.intervals.map((s, i) => {
    if (count.effects[i] === 'after') return `中止：${iso(s.from)}起的中止开始于期限届满之后，不影响本期限。`;
    const first = Math.max(s.from, startDay + 1);
    let counted = '';
    if (s.to > first) {
      counted = `${span(first, s.to - 1)}共${s.to - first}日不计入期间`;
      if (def.unit === 'working') {
        let w = 0;
        for (let d = first; d < s.to; d++) if (calendar.isWorkingEpochDay(d)) w++;
        counted += `（其中工作日${w}个）`;
      }
    }
    if (count.effects[i] === 'grace') {
      counted += `；中止开始于期间最后一日之后的节假日顺延期间，仅保留剩余的顺延期间：恢复后以其后第一个工作日为届满日`;
    }
    if (s.open) {
      return (
        `中止：${iso(s.from)}起中止，至计算基准日${iso(s.to)}尚未恢复，期限暂停计算；暂按${iso(s.to)}恢复计算` +
        (counted ? `，${counted}` : '') +
        '，中止每延续一日，届满日相应后移。'
      );
    }
    return `中止：${iso(s.from)}起中止，${iso(s.to)}恢复；${counted || '中止未跨越计入期间的日期，不影响期限'}。`;
  });
}

/** Working periods: list the counted days and each run of skipped days with its reason. */
function workingLines(x: ExplainInput): string[] {
  const { def, startDay, count, calendar, intervals } = x;
  const backward = def.direction === 'backward';
  const [lo, hi] = backward ? [count.due, startDay - 1] : [startDay + 1, count.due];
  const counted: string[] = [];
  const body: string[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length) body.push(`${span(run[0], run[run.length - 1])} ${runReason(run, calendar)}，不计入。`);
    run = [];
  };
  for (let d = lo; d <= hi; d++) {
    const s = intervals.find((iv) => iv.from <= d && d < iv.to);
    if (s) {
      flush();
      d = s.to - 1;
      continue;
    }
    if (!calendar.isWorkingEpochDay(d)) {
      run.push(d);
      continue;
    }
    flush();
    counted.push(iso(d));
    const info = calendar.dayInfoOfEpochDay(d);
    if (info.kind === 'make-up') body.push(`${withWeekday(d)}为调休上班日（${info.name}），计为工作日。`);
  }
  flush();
  return [`计入的工作日（共${counted.length}个）：${counted.join('、')}。`, ...body];
}

/** Calendar periods: name day N and, without a suspension that counts, its roll-forward. */
function calendarLines(x: ExplainInput): string[] {
  const { total, count, calendar } = x;
  const lines = [`第${total}日为${withWeekday(count.dayN)}，${dayNote(count.dayN, calendar)}。`];
  if (count.baseDue === count.dayN) return lines;
  if (suspended(count)) {
    lines.push(`（不计中止时，第${total}日不是工作日，应顺延至${iso(count.baseDue)}；节假日顺延不属于期间本身，中止日数不在其后累加。）`);
    return lines;
  }
  lines.push(`${span(count.dayN, count.baseDue - 1)} ${runReason(range(count.dayN, count.baseDue), calendar)}，不是工作日。`);
  lines.push(
    `期间最后一日不是工作日，依${citeArticle('CPL 85')}顺延至其后第一个工作日${iso(count.baseDue)}（${dayNote(count.baseDue, calendar)}）。`,
  );
  return lines;
}

const suspended = (count: CountResult): boolean => count.effects.some((e) => e === 'period' || e === 'grace');

/**
 * Calendar periods (domain.md §4): the suspended days lengthen the period, i.e. move its last day (day N), and only
 * that last day is rolled forward, once.
 */
function suspensionMoveLines(x: ExplainInput): string[] {
  const { count, calendar, total } = x;
  if (!suspended(count)) return [];
  const grace = count.effects.includes('grace');
  let line = grace
    ? `期间最后一日之后开始的中止恢复于${withWeekday(count.movedDue)}，剩余的顺延期间自该日起算`
    : `中止${count.suspendedDays}日不计入期间，期间最后一日由第${total}日${iso(count.dayN)}后移${count.suspendedDays}日至${withWeekday(count.movedDue)}`;
  if (count.due === count.movedDue) {
    const info = calendar.dayInfoOfEpochDay(count.due);
    line += info.kind === 'workday' && !info.provisional ? '，为工作日。' : `，${dayNote(count.due, calendar)}。`;
  } else {
    line +=
      `；${span(count.movedDue, count.due - 1)} ${runReason(range(count.movedDue, count.due), calendar)}，不是工作日，` +
      `依${citeArticle('CPL 85')}顺延至其后第一个工作日${withWeekday(count.due)}。`;
  }
  return [line];
}

/** The days lo … hi − 1. */
function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let d = lo; d < hi; d++) out.push(d);
  return out;
}

function dayNote(d: number, calendar: WorkingCalendar): string {
  const info = calendar.dayInfoOfEpochDay(d);
  if (!info.working) return `${calendar.describeEpochDay(d)}，非工作日`;
  if (info.kind === 'make-up') return `${calendar.describeEpochDay(d)}，为工作日`;
  return info.provisional ? '工作日（暂定）' : '工作日';
}

/** '国庆节放假', '周六、周日', '台风（停止办公）' … for a run of consecutive non-working days. */
function runReason(run: number[], calendar: WorkingCalendar): string {
  const holidays: string[] = [];
  const others: string[] = [];
  let provisional = false;
  for (const d of run) {
    const info = calendar.dayInfoOfEpochDay(d);
    provisional ||= info.provisional;
    const bucket = info.kind === 'holiday' ? holidays : others;
    const label = info.kind === 'holiday' ? (info.name ?? '法定节假日') : calendar.describeEpochDay(d).replace('（暂定）', '');
    if (!bucket.includes(label)) bucket.push(label);
  }
  const parts = holidays.length ? [`${holidays.join('、')}放假`, ...others] : others;
  return parts.join('、') + (provisional ? '（暂定）' : '');
}

function provisionalLine(x: ExplainInput): string {
  let first = -1;
  let last = -1;
  for (const [lo, hi] of x.count.consulted) {
    for (let d = lo; d <= hi; d++) {
      if (!x.calendar.isProvisionalEpochDay(d)) continue;
      if (first < 0 || d < first) first = d;
      if (d > last) last = d;
    }
  }
  const years = [...new Set([iso(first).slice(0, 4), iso(last).slice(0, 4)])].join('、');
  return (
    `暂定：${years}年放假安排尚未载入工作日历，${span(first, last)}暂按周末及固定日期法定节假日` +
    `（元旦1月1日，劳动节5月1日至2日，国庆节10月1日至3日）认定；本结果为暂定，放假安排公布后须重新计算。`
  );
}
