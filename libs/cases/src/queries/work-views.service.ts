import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, shanghaiDate, type Actor, type IsoDate } from '@fuyi/kernel';
import { FieldCipher, TimeSource } from '@fuyi/platform';
import { CalendarService } from '@fuyi/clocks';
import { CASE_STATE_LABELS, CaseState } from '../domain/case-state';
import { CaseErrors } from '../domain/case-errors';
import { caseScopeOf, scopeClause } from './case-scope';
import {
  decodeCursor, encodeCursor, filterConditions, ISO_DAY, likeContains, NAME_GRAMS_SQL, OPEN_CLOCK_SQL, remainingWorkingDays, UUID,
  type OfficeFilters,
} from './work-view-filters';

export interface WorkClock {
  rule: string;
  due: IsoDate;
  status: 'running' | 'paused';
  /** Working days left until the due date: 0 on the due day, negative once past. */
  remainingWorkingDays: number;
  overdue: boolean;
  extensionDays: number;
}

export interface WorkItem {
  caseId: string;
  caseNumber: string;
  state: CaseState;
  stateLabel: string;
  version: number;
  procedure: string | null;
  category: string;
  townshipId: number | null;
  township: string | null;
  respondentId: number;
  respondent: string | null;
  handlerId: string | null;
  handler: string | null;
  applicants: string;
  receiptAt: string;
  acceptedOn: IsoDate | null;
  /** The nearest due date of a running or paused clock (what the views sort by); null without one. */
  nextDue: IsoDate | null;
  flags: { overdue: boolean; paused: boolean; extended: boolean };
  clocks: WorkClock[];
}

export interface SearchItem extends WorkItem {
  /** The parties whose name or ID number matched (ID numbers are never returned here). */
  matches: Array<{ role: string; name: string }>;
}

export interface WorkPage<T = WorkItem> {
  items: T[];
  nextCursor: string | null;
}

export interface TimelineEntry {
  id: string;
  at: string;
  type: string;
  actorId: string | null;
  actor: string | null;
  data: Record<string, unknown>;
}

type DueKey = [IsoDate | null, string];
type ReceiptKey = [string, string];

const isDueKey = (k: unknown[]): k is DueKey => k.length === 2 && (k[0] === null || (typeof k[0] === 'string' && ISO_DAY.test(k[0]))) && typeof k[1] === 'string' && UUID.test(k[1]);
const isReceiptKey = (k: unknown[]): k is ReceiptKey =>
  k.length === 2 && typeof k[0] === 'string' && !Number.isNaN(Date.parse(k[0])) && typeof k[1] === 'string' && UUID.test(k[1]);
const isEventKey = (k: unknown[]): k is [string] => k.length === 1 && typeof k[0] === 'string' && /^\d{1,18}$/.test(k[0]);

/** Search results are at most this many per page. */
const SEARCH_CAP = 200;

/**
 * The office's work views (issue 4, item 9): the handler's queue, the office view, search and the case timeline.
 * District staff only. Each list is keyset-paged; the ordered query returns ids and sort keys only, and one
 * query per page adds what is shown (names, open clocks), so the sort stays on indexes at 1,000,000 cases.
 */
@Injectable()
export class WorkViewsService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: FieldCipher,
    private readonly calendars: CalendarService,
    private readonly time: TimeSource,
  ) {}

  /** 我的案件: the caller's open cases, nearest due date first. */
  myQueue(actor: Actor, limit: number, cursor?: string): Promise<WorkPage> {
    return this.office(actor, { handlerId: actor.userId }, limit, cursor);
  }

  /** 办案总览: every open case of the district, filtered, nearest due date first; cases without a running clock last. */
  async office(actor: Actor, filters: OfficeFilters, limit: number, cursor?: string): Promise<WorkPage> {
    this.assertDistrict(actor);
    const after = decodeCursor(cursor, isDueKey);
    const today = this.today();
    const keys: DueKey[] = after?.[0] === null ? [] : await this.byNearestDue(filters, today, limit + 1, after);
    // Cases without an open clock (e.g. decided, not yet served) follow, by id.
    if (keys.length <= limit && !filters.flag) keys.push(...(await this.withoutOpenClock(filters, today, limit + 1 - keys.length, after?.[0] === null ? after[1] : null)));
    const page = keys.slice(0, limit);
    const items = await this.hydrate(page.map((k) => k[1]), today);
    const last = page[page.length - 1];
    return { items, nextCursor: keys.length > limit && last ? encodeCursor(last) : null };
  }

  /** Exact case number (案件编号). */
  async searchByCaseNumber(actor: Actor, caseNumber: string): Promise<WorkPage<SearchItem>> {
    this.assertDistrict(actor);
    const rows: Array<{ id: string }> = await this.ds.query('SELECT c.id FROM cases c WHERE c.case_number = $1', [caseNumber.trim()]);
    return { items: (await this.hydrate(rows.map((r) => r.id), this.today())).map((i) => ({ ...i, matches: [] })), nextCursor: null };
  }

  /**
   * Applicant name, partial ('小明' finds 王小明), newest case first. Three or more characters go through the trigram
   * index; one or two (a given name, a surname) through the index of characters and character pairs.
   */
  searchByName(actor: Actor, name: string, limit: number, cursor?: string): Promise<WorkPage<SearchItem>> {
    const term = name.trim();
    if (!term) throw CaseErrors.invalid('name', '请输入申请人姓名（可只输入其中一部分）');
    const like = likeContains(term);
    const short = [...term].length < 3;
    return this.searchParties(actor, (p, bind) => {
      const contains = `p.name LIKE ${bind(like)}`;
      return `p.role = 'applicant' AND ${short ? `${NAME_GRAMS_SQL('p.name')} @> ARRAY[${bind(term)}::text] AND ` : ''}${contains}`;
    }, limit, cursor);
  }

  /** Exact ID number of any party, through the blind index: no row is decrypted. */
  searchByIdNumber(actor: Actor, idNumber: string, limit: number, cursor?: string): Promise<WorkPage<SearchItem>> {
    const index = this.cipher.blindIndex(idNumber);
    return this.searchParties(actor, (p, bind) => `p.id_number_index = ${bind(index)}`, limit, cursor);
  }

  /** The case timeline, oldest first, paged by event id (the order things were recorded). */
  async timeline(actor: Actor, caseId: string, limit: number, cursor?: string): Promise<WorkPage<TimelineEntry>> {
    this.assertDistrict(actor);
    const after = decodeCursor(cursor, isEventKey);
    const scope = scopeClause(caseScopeOf(actor), 2);
    const [visible] = await this.ds.query(`SELECT 1 FROM cases c WHERE c.id = $1 ${scope.sql}`, [caseId, ...scope.params]);
    if (!visible) throw CaseErrors.notFound();
    const rows = await this.ds.query(
      `SELECT e.id, e.occurred_at, e.type, e.actor_id, u.display_name AS actor, e.data
         FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.case_id = $1 ${after ? 'AND e.id > $3' : ''}
        ORDER BY e.id LIMIT $2`,
      [caseId, limit + 1, ...(after ?? [])],
    );
    const items: TimelineEntry[] = rows.slice(0, limit).map((e: any) => ({
      id: String(e.id), at: new Date(e.occurred_at).toISOString(), type: e.type, actorId: e.actor_id, actor: e.actor, data: e.data,
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
  }

  /**
   * Walks the open clocks in due order and keeps each case's earliest one (ties by clock id): with LIMIT the walk
   * stops early when the filters are broad; with narrow filters the planner starts from the cases' partial indexes.
   */
  private async byNearestDue(filters: OfficeFilters, today: IsoDate, n: number, after: DueKey | null): Promise<DueKey[]> {
    const params: unknown[] = [n];
    const where = filterConditions(filters, today, params);
    // A running clock past due is the case's earliest open clock or later than it: the walk can stop at today.
    if (filters.flag === 'overdue') where.push(`k.due_date < $${params.push(today)}::date`);
    if (after) where.push(`(k.due_date, k.case_id) > ($${params.push(after[0])}::date, $${params.push(after[1])}::uuid)`);
    const rows: Array<{ id: string; due: IsoDate }> = await this.ds.query(
      `SELECT k.case_id AS id, k.due_date AS due
         FROM case_clocks k JOIN cases c ON c.id = k.case_id
        WHERE ${OPEN_CLOCK_SQL('k')}
          AND NOT EXISTS (SELECT 1 FROM case_clocks e WHERE e.case_id = k.case_id AND ${OPEN_CLOCK_SQL('e')}
                             AND (e.due_date < k.due_date OR (e.due_date = k.due_date AND e.id < k.id)))
          AND ${where.join(' AND ')}
        ORDER BY k.due_date, k.case_id LIMIT $1`,
      params,
    );
    return rows.map((r) => [r.due, r.id]);
  }

  private async withoutOpenClock(filters: OfficeFilters, today: IsoDate, n: number, afterId: string | null): Promise<DueKey[]> {
    const params: unknown[] = [n];
    const where = filterConditions(filters, today, params);
    if (afterId) where.push(`c.id > $${params.push(afterId)}::uuid`);
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT c.id FROM cases c
        WHERE ${where.join(' AND ')}
          AND NOT EXISTS (SELECT 1 FROM case_clocks e WHERE e.case_id = c.id AND ${OPEN_CLOCK_SQL('e')})
        ORDER BY c.id LIMIT $1`,
      params,
    );
    return rows.map((r) => [null, r.id]);
  }

  /** Cases with a party matching `partyCondition` (alias p), newest receipt first. */
  private async searchParties(
    actor: Actor,
    partyCondition: (alias: 'p', bind: (v: unknown) => string) => string,
    limit: number,
    cursor?: string,
  ): Promise<WorkPage<SearchItem>> {
    this.assertDistrict(actor);
    const after = decodeCursor(cursor, isReceiptKey);
    const n = Math.min(limit, SEARCH_CAP);
    const params: unknown[] = [n + 1];
    const bind = (v: unknown) => `$${params.push(v)}`;
    const condition = partyCondition('p', bind);
    const keyset = after ? `AND (c.receipt_at, c.id) < (${bind(after[0])}::timestamptz, ${bind(after[1])}::uuid)` : '';
    const rows: Array<{ id: string; at: string }> = await this.ds.query(
      `SELECT c.id, c.receipt_at::text AS at FROM cases c
        WHERE EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND ${condition}) ${keyset}
        ORDER BY c.receipt_at DESC, c.id DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, n);
    const ids = page.map((r) => r.id);
    const items = await this.hydrate(ids, this.today());
    const matchParams: unknown[] = [ids];
    const matched: Array<{ case_id: string; role: string; name: string }> = ids.length
      ? await this.ds.query(
        `SELECT p.case_id, p.role, p.name FROM case_parties p WHERE p.case_id = ANY($1::uuid[]) AND ${partyCondition('p', (v) => `$${matchParams.push(v)}`)}
          ORDER BY p.role, p.position`,
        matchParams,
      )
      : [];
    const last = page[page.length - 1];
    return {
      items: items.map((i) => ({ ...i, matches: matched.filter((m) => m.case_id === i.caseId).map((m) => ({ role: m.role, name: m.name })) })),
      nextCursor: rows.length > n && last ? encodeCursor([last.at, last.id]) : null,
    };
  }

  /** What a list shows for each case, in the order given, with its open clocks and their remaining working days. */
  private async hydrate(ids: string[], today: IsoDate): Promise<WorkItem[]> {
    if (!ids.length) return [];
    const [cases, clocks, calendar] = await Promise.all([
      this.ds.query(
        `SELECT c.id, c.case_number, c.state, c.version, c.procedure, c.category, c.township_id, t.name AS township,
                c.respondent_department_id, d.name AS respondent, c.handler_id, u.display_name AS handler, c.receipt_at, c.accepted_on,
                (SELECT string_agg(p.name, '、' ORDER BY p.position) FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant') AS applicants
           FROM cases c LEFT JOIN departments d ON d.id = c.respondent_department_id LEFT JOIN townships t ON t.id = c.township_id
           LEFT JOIN users u ON u.id = c.handler_id
          WHERE c.id = ANY($1::uuid[])`,
        [ids],
      ),
      this.ds.query(
        `SELECT k.case_id, k.rule, k.due_date, k.status, k.extension_days FROM case_clocks k
          WHERE k.case_id = ANY($1::uuid[]) AND ${OPEN_CLOCK_SQL('k')} ORDER BY k.due_date, k.rule`,
        [ids],
      ),
      this.calendars.current(),
    ]);
    const memo = new Map<string, number>();
    const clocksOf = new Map<string, WorkClock[]>();
    for (const k of clocks) {
      const list = clocksOf.get(k.case_id) ?? [];
      list.push({
        rule: k.rule, due: k.due_date, status: k.status, extensionDays: k.extension_days,
        remainingWorkingDays: remainingWorkingDays(calendar, today, k.due_date, memo), overdue: k.status === 'running' && k.due_date < today,
      });
      clocksOf.set(k.case_id, list);
    }
    const byId = new Map<string, any>(cases.map((c: any) => [c.id, c]));
    return ids.flatMap((id) => {
      const c = byId.get(id);
      if (!c) return []; // gone between the two queries
      const own = clocksOf.get(id) ?? [];
      return [{
        caseId: c.id, caseNumber: c.case_number, state: c.state, stateLabel: CASE_STATE_LABELS[c.state as CaseState] ?? c.state, version: c.version,
        procedure: c.procedure, category: c.category, townshipId: c.township_id, township: c.township,
        respondentId: c.respondent_department_id, respondent: c.respondent, handlerId: c.handler_id, handler: c.handler,
        applicants: c.applicants ?? '', receiptAt: new Date(c.receipt_at).toISOString(), acceptedOn: c.accepted_on,
        nextDue: own[0]?.due ?? null,
        flags: { overdue: own.some((k) => k.overdue), paused: own.some((k) => k.status === 'paused'), extended: own.some((k) => k.extensionDays > 0) },
        clocks: own,
      }];
    });
  }

  private today(): IsoDate {
    return shanghaiDate(this.time.now());
  }

  /** Work views are the district office's; township counters have their own lists (libs/cases/src/queries/case-scope.ts). */
  private assertDistrict(actor: Actor): void {
    if (caseScopeOf(actor).kind !== 'district') throw new DomainError('WORK_VIEW_FORBIDDEN', '办案视图仅供区复议机构使用', 'forbidden');
  }
}
