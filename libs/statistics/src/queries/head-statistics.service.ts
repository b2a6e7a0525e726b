import { Injectable } from '@nestjs/common';
import { TimeSource, UnitOfWork } from '@fuyi/platform';
import { statsRead } from './read-query';
import { shanghaiDate } from '@fuyi/kernel';
import { COURT_HEARING_KINDS } from '@fuyi/liaison';
import { HEAD_FIGURES, type HeadFigureKey } from '../domain/clock-figures';
import { rate } from '../domain/figures';
import { checkPaging, checkPeriod, StatisticsErrors, type Period } from '../domain/statistics-errors';
import * as HeadFigures from '../stores/head-figures.store';

/**
 * Agency heads in court (ALL 3) and in reconsideration hearings (ARL 49-51), by respondent department. Court hearings
 * count once held by today (Asia/Shanghai): the day given, or the TimeSource's today.
 */
@Injectable()
export class HeadStatisticsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: TimeSource,
  ) {}

  private today(): string {
    return shanghaiDate(this.time.now());
  }

  async byRespondent(q: Period, today = this.today()) {
    const { from, to } = checkPeriod(q.from, q.to);
    const raw = await statsRead(this.uow, (m) => HeadFigures.headCountsByRespondent(m, from, to, today, COURT_HEARING_KINDS));
    const row = (key: string, label: string, r: { heard: number; appeared: number; recorded: number; attended: number }) => ({
      key, label,
      counts: { courtHeard: r.heard, courtHeadAppeared: r.appeared, hearingsRecorded: r.recorded, hearingsHeadAttended: r.attended },
      rates: { courtAppearanceRate: rate(r.appeared, r.heard), hearingParticipationRate: rate(r.attended, r.recorded) },
    });
    const rows = raw.map((r) => row(r.dep === null ? 'government' : String(r.dep), r.label, r));
    const sum = (f: 'heard' | 'appeared' | 'recorded' | 'attended') => raw.reduce((n, r) => n + r[f], 0);
    return { from, to, asOf: today, rows, total: row('total', '合计', { heard: sum('heard'), appeared: sum('appeared'), recorded: sum('recorded'), attended: sum('attended') }) };
  }

  /** What a head figure counts: lawsuits (court figures) or hearings (reconsideration figures), optionally of one department. */
  async items(q: Period & { figure: string; key?: string; page?: unknown; pageSize?: unknown }, today = this.today()) {
    const { from, to } = checkPeriod(q.from, q.to);
    const figures: HeadFigureKey[] = ['courtHeard', 'courtHeadAppeared', 'hearingsRecorded', 'hearingsHeadAttended'];
    if (!figures.includes(q.figure as HeadFigureKey)) throw StatisticsErrors.invalid('figure', `指标应为 ${figures.join('、')} 之一`);
    const { page, pageSize } = checkPaging(q.page, q.pageSize);
    const court = q.figure.startsWith('court');
    const headOnly = q.figure === 'courtHeadAppeared' || q.figure === 'hearingsHeadAttended';
    let dep: number | null | undefined;
    if (q.key === 'government') dep = null;
    else if (q.key !== undefined && q.key !== 'total') {
      if (!/^\d+$/.test(q.key)) throw StatisticsErrors.invalid('key', '部门编号不正确');
      dep = Number(q.key);
    }
    const filter: HeadFigures.HeadItemsFilter = { from, to, today, courtHearingKinds: COURT_HEARING_KINDS, headOnly, dep };
    const offset = (page - 1) * pageSize;
    const [items, total] = await Promise.all([
      court
        ? statsRead(this.uow, (m) => HeadFigures.courtItems(m, filter, pageSize, offset)).then((rows) =>
            rows.map((r) => ({ lawsuitId: r.id, caseId: r.case_id, caseNumber: r.case_number, court: r.court, courtCaseNumber: r.court_case_number, filedOn: shanghaiDayOf(r.filed_on), origin: r.origin, headAppeared: r.head })),
          )
        : statsRead(this.uow, (m) => HeadFigures.hearingItems(m, filter, pageSize, offset)).then((rows) =>
            rows.map((r) => ({ hearingId: r.id, caseId: r.case_id, caseNumber: r.case_number, kind: r.kind, heldOn: shanghaiDayOf(r.held_on), headAttended: r.head })),
          ),
      statsRead(this.uow, (m) => HeadFigures.countHeadItems(m, court, filter)),
    ]);
    return { figure: q.figure, label: HEAD_FIGURES[q.figure as HeadFigureKey].label, from, to, key: q.key ?? null, total, page, pageSize, items: items as Array<(typeof items)[number]> };
  }
}

/** node-postgres returns DATE columns as text when typed so; the platform keeps them as strings. */
function shanghaiDayOf(v: unknown): string {
  return v instanceof Date ? shanghaiDate(v) : String(v);
}
