import { diffDays, type IsoDate } from '@fuyi/kernel';

/**
 * ARL 20-21: whether an application came in time, and what the clerk must weigh when it did not. Plain data in, plain
 * data out: the registration, the intake queue and the acceptance review all show the same facts. A late application
 * is never refused here: ARL 20(2)/(3) may still make it timely, and only the office decides (ARL 30).
 */
export interface ApplicationPeriodInput {
  /** Day 0 of the application period: the day the applicant knew (or should have known) of the act (ARL 20(1)). */
  knownDate: IsoDate;
  /** The day the act was made, when known: the start of the absolute caps of ARL 21. */
  actDate: IsoDate | null;
  category: string;
  /** The counter's receipt date (Asia/Shanghai). */
  receivedOn: IsoDate;
  /** Last day of the 60-day period (rule `application`, computed by the deadline engine, CPL 85 roll-forward). */
  due: IsoDate;
  provisional: boolean;
  /** CPL 85: the next working day on or after a date (a period in years ending on a holiday ends after it). */
  nextWorkingDay: (date: IsoDate) => IsoDate;
}

export type ApplicationException = {
  code: 'OBSTACLE' | 'NO_NOTICE_OF_RIGHTS';
  article: string;
  text: string;
  /** ARL 20(3) only: the one-year cap counted from knowing the act's content, and whether the receipt is within it. */
  lastDay?: IsoDate;
  withinCap?: boolean;
};

export interface AbsoluteLimit {
  article: string;
  /** ARL 21: 20 years for real property, 5 for everything else (inferred from the category; the clerk confirms). */
  realProperty: boolean;
  years: 5 | 20;
  actDate: IsoDate;
  lastDay: IsoDate;
  exceeded: boolean;
  text: string;
}

export interface ApplicationPeriodFacts {
  knownDate: IsoDate;
  due: IsoDate;
  provisional: boolean;
  receivedOn: IsoDate;
  late: boolean;
  /** Calendar days from the last day of the period to the receipt (0 when in time). */
  daysOver: number;
  /** Set when late: ARL 20(2) and 20(3), which the clerk must consider before any refusal. */
  exceptions: ApplicationException[];
  absoluteLimit: AbsoluteLimit | null;
  /** One sentence for the clerk; null when the application is in time and within ARL 21. */
  warning: string | null;
}

/** Categories whose acts concern land or buildings (征地拆迁, 拆违拆临): ARL 21's 20-year cap. */
export const REAL_PROPERTY_CATEGORIES: readonly string[] = ['expropriation', 'demolition'];

/**
 * A period in years (民法典 202, CPL 85): it ends on the corresponding day of the last year (no such day, 29 February:
 * the last day of that month), rolled forward when that day is not a working day.
 */
export function yearsLater(start: IsoDate, years: number, nextWorkingDay: (d: IsoDate) => IsoDate): IsoDate {
  const y = Number(start.slice(0, 4)) + years;
  const md = start.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return nextWorkingDay(`${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`);
}

export function applicationPeriodFacts(i: ApplicationPeriodInput): ApplicationPeriodFacts {
  const daysOver = Math.max(0, diffDays(i.receivedOn, i.due));
  const late = daysOver > 0;
  const absoluteLimit = i.actDate ? absoluteLimitOf({ ...i, actDate: i.actDate }) : null;
  const exceptions = late ? exceptionsOf(i) : [];
  const parts: string[] = [];
  if (late) {
    parts.push(`本申请超过法定申请期限${daysOver}日：申请人知道行政行为之日为${i.knownDate}，申请期限于${i.due}届满（《行政复议法》第二十条第一款）。`
      + '不得仅以超过期限为由不予受理，请审查是否存在第二十条第二款、第三款规定的情形。');
  }
  if (absoluteLimit?.exceeded) parts.push(absoluteLimit.text);
  return {
    knownDate: i.knownDate, due: i.due, provisional: i.provisional, receivedOn: i.receivedOn, late, daysOver, exceptions, absoluteLimit,
    warning: parts.length ? parts.join('') : null,
  };
}

function exceptionsOf(i: ApplicationPeriodInput): ApplicationException[] {
  // ARL 20(3): without notice of the right, the period runs from learning of it, but never beyond one year from
  // knowing the act's content.
  const lastDay = yearsLater(i.knownDate, 1, i.nextWorkingDay);
  const withinCap = i.receivedOn <= lastDay;
  return [
    {
      code: 'OBSTACLE', article: '《行政复议法》第二十条第二款',
      text: '因不可抗力或者其他正当理由耽误法定申请期限的，申请期限自障碍消除之日起继续计算：请核实障碍发生和消除的日期及证明材料。',
    },
    {
      code: 'NO_NOTICE_OF_RIGHTS', article: '《行政复议法》第二十条第三款', lastDay, withinCap,
      text: `行政机关作出行政行为时未告知申请行政复议的权利、行政复议机关和申请期限的，申请期限自申请人知道或者应当知道上述内容之日起计算，`
        + `但自知道或者应当知道行政行为内容之日起最长不得超过一年（至${lastDay}）`
        + (withinCap ? '：请核实行政行为文书是否载明上述告知内容。' : `；本申请收到于${i.receivedOn}，已超过该一年期限。`),
    },
  ];
}

function absoluteLimitOf(i: ApplicationPeriodInput & { actDate: IsoDate }): AbsoluteLimit {
  const realProperty = REAL_PROPERTY_CATEGORIES.includes(i.category);
  const years = realProperty ? 20 : 5;
  const lastDay = yearsLater(i.actDate, years, i.nextWorkingDay);
  const exceeded = i.receivedOn > lastDay;
  const kind = realProperty ? '因不动产提出的申请' : '其他申请';
  return {
    article: '《行政复议法》第二十一条', realProperty, years, actDate: i.actDate, lastDay, exceeded,
    text: exceeded
      ? `行政行为作出于${i.actDate}，${kind}自作出之日起超过${years === 20 ? '二十' : '五'}年（至${lastDay}）的，行政复议机关不予受理（《行政复议法》第二十一条）；请承办人审查确认，系统不自动不予受理。`
      : `${kind}自行政行为作出之日起${years === 20 ? '二十' : '五'}年内（至${lastDay}）可以申请（《行政复议法》第二十一条）。`,
  };
}
