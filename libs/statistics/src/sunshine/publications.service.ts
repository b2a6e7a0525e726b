import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@fuyi/platform';
import { CASE_CATEGORIES, DECISION_TYPES, type DecisionType } from '@fuyi/cases';
import { checkPaging, StatisticsErrors } from '../domain/statistics-errors';
import * as Publications from '../stores/publications.store';

export interface PublicationQuery {
  respondentDepartmentId?: number;
  category?: string;
  year?: number;
  q?: string;
  page?: unknown;
  pageSize?: unknown;
}

const EXCERPT = 120;

/**
 * 阳光复议 (ARL 79): the public list and text of published decisions. Reads decision_publications only (anonymised when
 * written, libs/cases domain/anonymise.ts), never the case or its parties; withdrawn publications are not served.
 */
@Injectable()
export class PublicationsService {
  constructor(private readonly uow: UnitOfWork) {}

  async search(q: PublicationQuery) {
    const { page, pageSize } = checkPaging(q.page, q.pageSize ?? 20);
    const filter: Publications.PublicationFilter = {};
    if (q.respondentDepartmentId !== undefined) {
      if (!Number.isInteger(q.respondentDepartmentId)) throw StatisticsErrors.invalid('respondentDepartmentId', '被申请人编号不正确');
      filter.respondentDepartmentId = q.respondentDepartmentId;
    }
    if (q.category !== undefined) {
      if (!(q.category in CASE_CATEGORIES)) throw StatisticsErrors.invalid('category', '案件类别不正确');
      filter.category = q.category;
    }
    if (q.year !== undefined) {
      if (!Number.isInteger(q.year) || q.year < 2000 || q.year > 2100) throw StatisticsErrors.invalid('year', '年份不正确');
      filter.year = q.year;
    }
    if (q.q !== undefined && q.q.trim() !== '') {
      const term = q.q.trim();
      if (term.length > 50) throw StatisticsErrors.invalid('q', '关键词不超过50个字');
      filter.textPattern = `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    }
    const [rows, total] = await Promise.all([
      this.uow.read((m) => Publications.searchPublications(m, filter, EXCERPT + 1, pageSize, (page - 1) * pageSize)),
      this.uow.read((m) => Publications.countPublications(m, filter)),
    ]);
    return {
      total, page, pageSize,
      items: rows.map((r) => ({ ...this.view(r), excerpt: r.head.length > EXCERPT ? `${r.head.slice(0, EXCERPT)}…` : r.head })),
    };
  }

  async get(id: string) {
    const r = await this.uow.read((m) => Publications.publication(m, id));
    if (!r) throw StatisticsErrors.publicationNotFound();
    return { ...this.view(r), text: r.text };
  }

  /** The filters' values for the public page: years and respondents that have published decisions. */
  async facets() {
    const [years, respondents] = await Promise.all([
      this.uow.read((m) => Publications.publicationYears(m)),
      this.uow.read((m) => Publications.publicationRespondents(m)),
    ]);
    return { years, respondents, categories: Object.entries(CASE_CATEGORIES).map(([key, label]) => ({ key, label })) };
  }

  private view(r: Omit<Publications.PublicationRow, 'text'>) {
    return {
      id: r.id, caseNumber: r.case_number, respondent: r.respondent,
      category: r.category, categoryLabel: CASE_CATEGORIES[r.category as keyof typeof CASE_CATEGORIES] ?? r.category,
      decisionType: r.decision_type, decisionLabel: DECISION_TYPES[r.decision_type as DecisionType]?.label ?? r.decision_type,
      year: r.year, decidedOn: r.decided_on, publishedAt: new Date(r.published_at).toISOString(),
    };
  }
}
