import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CASE_CATEGORIES, DECISION_TYPES, type DecisionType } from '@fuyi/cases';
import { checkPaging, StatisticsErrors } from '../domain/statistics-errors';

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
  constructor(private readonly ds: DataSource) {}

  async search(q: PublicationQuery) {
    const { page, pageSize } = checkPaging(q.page, q.pageSize ?? 20);
    const where = ['p.withdrawn_at IS NULL'];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
    if (q.respondentDepartmentId !== undefined) {
      if (!Number.isInteger(q.respondentDepartmentId)) throw StatisticsErrors.invalid('respondentDepartmentId', '被申请人编号不正确');
      add('p.respondent_department_id = ?', q.respondentDepartmentId);
    }
    if (q.category !== undefined) {
      if (!(q.category in CASE_CATEGORIES)) throw StatisticsErrors.invalid('category', '案件类别不正确');
      add('p.category = ?', q.category);
    }
    if (q.year !== undefined) {
      if (!Number.isInteger(q.year) || q.year < 2000 || q.year > 2100) throw StatisticsErrors.invalid('year', '年份不正确');
      add('p.year = ?', q.year);
    }
    if (q.q !== undefined && q.q.trim() !== '') {
      const term = q.q.trim();
      if (term.length > 50) throw StatisticsErrors.invalid('q', '关键词不超过50个字');
      add(`p.text ILIKE ? ESCAPE '\\'`, `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    }
    const filter = where.join(' AND ');
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT p.id, p.case_number, p.category, p.decision_type, p.year, p.decided_on, p.published_at, left(p.text, ${EXCERPT + 1}) AS head, d.name AS respondent
           FROM decision_publications p JOIN departments d ON d.id = p.respondent_department_id
          WHERE ${filter} ORDER BY p.decided_on DESC NULLS LAST, p.published_at DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.ds.query(`SELECT count(*)::int AS total FROM decision_publications p WHERE ${filter}`, params),
    ]);
    return {
      total, page, pageSize,
      items: rows.map((r: any) => ({ ...this.view(r), excerpt: r.head.length > EXCERPT ? `${r.head.slice(0, EXCERPT)}…` : r.head })),
    };
  }

  async get(id: string) {
    const [r] = await this.ds.query(
      `SELECT p.id, p.case_number, p.category, p.decision_type, p.year, p.decided_on, p.published_at, p.text, d.name AS respondent
         FROM decision_publications p JOIN departments d ON d.id = p.respondent_department_id WHERE p.id = $1 AND p.withdrawn_at IS NULL`,
      [id],
    );
    if (!r) throw StatisticsErrors.publicationNotFound();
    return { ...this.view(r), text: r.text as string };
  }

  /** The filters' values for the public page: years and respondents that have published decisions. */
  async facets() {
    const [years, respondents] = await Promise.all([
      this.ds.query(`SELECT year, count(*)::int AS count FROM decision_publications WHERE withdrawn_at IS NULL GROUP BY 1 ORDER BY 1 DESC`),
      this.ds.query(`SELECT d.id, d.name, count(*)::int AS count FROM decision_publications p JOIN departments d ON d.id = p.respondent_department_id
                      WHERE p.withdrawn_at IS NULL GROUP BY 1, 2 ORDER BY 2`),
    ]);
    return { years, respondents, categories: Object.entries(CASE_CATEGORIES).map(([key, label]) => ({ key, label })) };
  }

  private view(r: any) {
    return {
      id: r.id as string, caseNumber: r.case_number as string, respondent: r.respondent as string,
      category: r.category as string, categoryLabel: CASE_CATEGORIES[r.category as keyof typeof CASE_CATEGORIES] ?? r.category,
      decisionType: r.decision_type as string, decisionLabel: DECISION_TYPES[r.decision_type as DecisionType]?.label ?? r.decision_type,
      year: r.year as number, decidedOn: r.decided_on as string | null, publishedAt: new Date(r.published_at).toISOString(),
    };
  }
}
