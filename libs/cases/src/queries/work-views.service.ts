import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, Role, shanghaiDate, type Actor, type IsoDate } from '@fuyi/kernel';
import { FieldCipher, TimeSource, UnitOfWork } from '@fuyi/platform';
import { CalendarService } from '@fuyi/clocks';
import { CaseErrors } from '../domain/case-errors';
import { caseScopeOf } from './case-scope';
import { byNearestDue, withoutOpenClock, type DueKey } from '../stores/nearest-due.store';
import { newestCasesWithParty, type Bind, type PartyMatch } from '../stores/party-search.store';
import { figuresTransaction, pageTransaction } from '../stores/work-lists.store';
import { caseIdsByNumber, caseInScope } from '../stores/cases.store';
import { timelinePage } from '../stores/case-events.store';
import { matchingParties } from '../stores/parties.store';
import { loadWorkItems, type WorkItem } from './work-item';
import { homeFigures, type HomeFigures } from './home-figures';
import { decodeCursor, encodeCursor, ISO_DAY, likeContains, NAME_GRAMS_SQL, UUID, type OfficeFilters, type WorkFlag } from './work-view-filters';

export type { WorkClock, WorkItem } from './work-item';

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

type ReceiptKey = [string, string];

const isDueKey = (k: unknown[]): k is DueKey =>
  k.length === 2 && (k[0] === null || (typeof k[0] === 'string' && ISO_DAY.test(k[0]))) && typeof k[1] === 'string' && UUID.test(k[1]);
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
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
    private readonly calendars: CalendarService,
    private readonly time: TimeSource,
  ) {}

  /** 我的案件: the caller's open cases, nearest due date first. */
  myQueue(actor: Actor, limit: number, cursor?: string, flag?: WorkFlag): Promise<WorkPage> {
    return this.office(actor, { handlerId: actor.userId, ...(flag ? { flag } : {}) }, limit, cursor);
  }

  /** 办案总览: every open case of the district, filtered, nearest due date first; cases without a running clock last. */
  office(actor: Actor, filters: OfficeFilters, limit: number, cursor?: string): Promise<WorkPage> {
    this.assertDistrict(actor);
    const after = decodeCursor(cursor, isDueKey);
    const today = this.today();
    return this.read(async (db) => {
      const keys: DueKey[] = after?.[0] === null ? [] : await byNearestDue(db, filters, today, limit + 1, after);
      // Cases without an open clock (e.g. decided, not yet served) follow, by id; every flag needs an open clock.
      if (keys.length <= limit && !filters.flag) {
        keys.push(...(await withoutOpenClock(db, filters, today, limit + 1 - keys.length, after?.[0] === null ? after[1] : null)));
      }
      const page = keys.slice(0, limit);
      const last = page[page.length - 1];
      return { items: await this.items(db, actor, page.map((k) => k[1]), today), nextCursor: keys.length > limit && last ? encodeCursor(last) : null };
    });
  }

  /** The caller's home figures (overdue, due this week, awaiting me): counts of the work lists they open. */
  figures(actor: Actor): Promise<HomeFigures> {
    // The township counter's figures count its own township's applications (application-list-filter.ts).
    if (actor.role !== Role.TownshipClerk) this.assertDistrict(actor);
    // Not this.read(): counts have no page to stop at, so the planner keeps its joins (a merge semi-join of the open
    // cases with the open clocks counts the overdue in 8 ms at 100,000 cases, a nested loop in 12 ms).
    return this.uow.snapshot(async (m) => {
      // jit off as for the statistics (libs/statistics read-query.ts): compiling costs more than these counts.
      await figuresTransaction(m);
      return homeFigures(m, actor, this.today());
    });
  }

  /** Exact case number (案件编号). */
  searchByCaseNumber(actor: Actor, caseNumber: string): Promise<WorkPage<SearchItem>> {
    this.assertDistrict(actor);
    return this.read(async (db) => {
      const rows = await caseIdsByNumber(db, caseNumber.trim());
      return { items: (await this.items(db, actor, rows.map((r) => r.id), this.today())).map((i) => ({ ...i, matches: [] })), nextCursor: null };
    });
  }

  /**
   * Applicant name, partial ('小明' finds 王小明), newest case first. Three or more characters go through the trigram
   * index; one or two (a surname, a given name) through the index of characters and character pairs, whose terms
   * are exact for them. Case by case, LIKE is the cheaper test of the same thing.
   */
  searchByName(actor: Actor, name: string, limit: number, cursor?: string): Promise<WorkPage<SearchItem>> {
    const term = name.trim();
    if (!term) throw CaseErrors.invalid('name', '请输入申请人姓名（可只输入其中一部分）');
    const contains = (bind: Bind) => `p.role = 'applicant' AND p.name LIKE ${bind(likeContains(term))}`;
    const indexed = [...term].length >= 3 ? contains : (bind: Bind) => `p.role = 'applicant' AND ${NAME_GRAMS_SQL('p.name')} @> ARRAY[${bind(term)}::text]`;
    return this.search(actor, { indexed, perCase: contains }, limit, cursor);
  }

  /** Exact ID number of any party, through the blind index: no row is decrypted. */
  searchByIdNumber(actor: Actor, idNumber: string, limit: number, cursor?: string): Promise<WorkPage<SearchItem>> {
    const index = this.cipher.blindIndex(idNumber);
    const same = (bind: Bind) => `p.id_number_index = ${bind(index)}`;
    return this.search(actor, { indexed: same, perCase: same }, limit, cursor);
  }

  /** The case timeline, oldest first, paged by event id (the order things were recorded). */
  timeline(actor: Actor, caseId: string, limit: number, cursor?: string): Promise<WorkPage<TimelineEntry>> {
    this.assertDistrict(actor);
    const after = decodeCursor(cursor, isEventKey);
    return this.read(async (db) => {
      if (!(await caseInScope(db, caseId, caseScopeOf(actor)))) throw CaseErrors.notFound();
      const rows = await timelinePage(db, caseId, limit + 1, after ? after[0] : null);
      const items: TimelineEntry[] = rows.slice(0, limit).map((e) => ({
        id: String(e.id), at: new Date(e.occurred_at).toISOString(), type: e.type, actorId: e.actor_id, actor: e.actor, data: e.data,
      }));
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
    });
  }

  /** Cases with a matching party, newest receipt first, with the parties that matched. */
  private search(actor: Actor, match: PartyMatch, limit: number, cursor?: string): Promise<WorkPage<SearchItem>> {
    this.assertDistrict(actor);
    const after = decodeCursor(cursor, isReceiptKey);
    const n = Math.min(limit, SEARCH_CAP);
    return this.read(async (db) => {
      const rows = await newestCasesWithParty(db, match, n + 1, after);
      const page = rows.slice(0, n);
      const ids = page.map((r) => r.id);
      const items = await this.items(db, actor, ids, this.today());
      const matched = ids.length ? await matchingParties(db, ids, match.perCase) : [];
      const last = page[page.length - 1];
      return {
        items: items.map((i) => ({ ...i, matches: matched.filter((m) => m.case_id === i.caseId).map((m) => ({ role: m.role, name: m.name })) })),
        nextCursor: rows.length > n && last ? encodeCursor([last.at, last.id]) : null,
      };
    });
  }

  private async items(db: EntityManager, actor: Actor, ids: string[], today: IsoDate): Promise<WorkItem[]> {
    return ids.length ? loadWorkItems(db, actor, ids, today, await this.calendars.current(db)) : [];
  }

  /**
   * One short read-only transaction per view, so that a page and what it shows come from the same moment, with the
   * planner kept to the two shapes that suit a page: walk an index in order and stop, or sort the few rows that match.
   * Its row estimates for a keyset condition count the whole closed history (open clocks are all recent), so it would
   * otherwise hash-join a whole side for the second page; and starting a parallel worker costs more than these queries.
   */
  private read<T>(fn: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.uow.snapshot(async (m) => {
      await pageTransaction(m);
      return fn(m);
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
