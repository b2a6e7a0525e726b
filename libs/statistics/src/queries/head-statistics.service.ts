import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { statsQuery } from './read-query';
import { shanghaiDate } from '@fuyi/kernel';
import { COURT_HEARING_KINDS } from '@fuyi/liaison';
import { HEAD_FIGURES, type HeadFigureKey } from '../domain/clock-figures';
import { rate } from '../domain/figures';
import { checkPaging, checkPeriod, StatisticsErrors, type Period } from '../domain/statistics-errors';

/** $1/$2 period, $3 today, $4 court hearing kinds: one row per lawsuit with a court hearing held, and whether the head appeared. */
const COURT = `
  SELECT x.id, x.case_id, x.court, x.court_case_number, x.filed_on, x.origin,
         coalesce(x.defendant_department_id, c.respondent_department_id) AS dep,
         bool_or((e->>'headAppeared')::boolean) AS head
    FROM liaison_lawsuits x LEFT JOIN cases c ON c.id = x.case_id
    CROSS JOIN LATERAL jsonb_array_elements(x.hearings) e
   WHERE x.filed_on BETWEEN $1::date AND $2::date AND e->>'kind' = ANY($4::text[]) AND (e->>'heldOn')::date <= $3::date
   GROUP BY x.id, c.respondent_department_id`;

/** $1/$2 period: one row per held hearing with the respondent's attendance recorded. */
const HEARINGS = `
  SELECT h.id, h.case_id, h.kind, h.held_on, c.respondent_department_id AS dep, coalesce(r.head_attended, false) AS head
    FROM case_hearings h JOIN case_hearing_attendance r ON r.hearing_id = h.id AND r.side = 'respondent'
    JOIN cases c ON c.id = h.case_id
   WHERE h.status = 'held' AND h.held_on BETWEEN $1::date AND $2::date`;

/** Agency heads in court (ALL 3) and in reconsideration hearings (ARL 49-51), by respondent department. */
@Injectable()
export class HeadStatisticsService {
  constructor(private readonly ds: DataSource) {}

  async byRespondent(q: Period, today = shanghaiDate(new Date())) {
    const { from, to } = checkPeriod(q.from, q.to);
    const raw: any[] = await statsQuery(this.ds, 
      `WITH court AS (${COURT}), hearing AS (${HEARINGS}),
            ct AS (SELECT dep, count(*)::int AS heard, count(*) FILTER (WHERE head)::int AS appeared FROM court GROUP BY dep),
            ht AS (SELECT dep, count(*)::int AS recorded, count(*) FILTER (WHERE head)::int AS attended FROM hearing GROUP BY dep)
       SELECT coalesce(ct.dep, ht.dep) AS dep, coalesce(d.name, '区人民政府') AS label,
              coalesce(ct.heard, 0) AS heard, coalesce(ct.appeared, 0) AS appeared,
              coalesce(ht.recorded, 0) AS recorded, coalesce(ht.attended, 0) AS attended
         FROM ct FULL JOIN ht ON coalesce(ht.dep, -1) = coalesce(ct.dep, -1) LEFT JOIN departments d ON d.id = coalesce(ct.dep, ht.dep)
        ORDER BY 2`,
      [from, to, today, COURT_HEARING_KINDS],
    );
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
  async items(q: Period & { figure: string; key?: string; page?: unknown; pageSize?: unknown }, today = shanghaiDate(new Date())) {
    const { from, to } = checkPeriod(q.from, q.to);
    const figures: HeadFigureKey[] = ['courtHeard', 'courtHeadAppeared', 'hearingsRecorded', 'hearingsHeadAttended'];
    if (!figures.includes(q.figure as HeadFigureKey)) throw StatisticsErrors.invalid('figure', `指标应为 ${figures.join('、')} 之一`);
    const { page, pageSize } = checkPaging(q.page, q.pageSize);
    const court = q.figure.startsWith('court');
    const headOnly = q.figure === 'courtHeadAppeared' || q.figure === 'hearingsHeadAttended';
    const params: unknown[] = court ? [from, to, today, COURT_HEARING_KINDS] : [from, to];
    let where = headOnly ? 'x.head' : 'true';
    if (q.key === 'government') where += ' AND x.dep IS NULL';
    else if (q.key !== undefined && q.key !== 'total') {
      if (!/^\d+$/.test(q.key)) throw StatisticsErrors.invalid('key', '部门编号不正确');
      params.push(Number(q.key));
      where += ` AND x.dep = $${params.length}`;
    }
    const base = `WITH x AS (${court ? COURT : HEARINGS}) SELECT x.*, c.case_number FROM x LEFT JOIN cases c ON c.id = x.case_id WHERE ${where}`;
    const [rows, [{ total }]] = await Promise.all([
      statsQuery(this.ds, `${base} ORDER BY 1 LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, pageSize, (page - 1) * pageSize]),
      statsQuery(this.ds, `SELECT count(*)::int AS total FROM (${base}) y`, params),
    ]);
    return {
      figure: q.figure, label: HEAD_FIGURES[q.figure as HeadFigureKey].label, from, to, key: q.key ?? null, total, page, pageSize,
      items: rows.map((r: any) => court
        ? { lawsuitId: r.id, caseId: r.case_id, caseNumber: r.case_number, court: r.court, courtCaseNumber: r.court_case_number, filedOn: shanghaiDayOf(r.filed_on), origin: r.origin, headAppeared: r.head }
        : { hearingId: r.id, caseId: r.case_id, caseNumber: r.case_number, kind: r.kind, heldOn: shanghaiDayOf(r.held_on), headAttended: r.head }),
    };
  }
}

/** node-postgres returns DATE columns as text when typed so; the platform keeps them as strings. */
function shanghaiDayOf(v: unknown): string {
  return v instanceof Date ? shanghaiDate(v) : String(v);
}
