import { arr, bool, date, docx, instant, int, map, nul, num, obj, oneOfStr, str, uuid, type ResponseRegistry, type S } from '../schema';
import { caseAfter } from '../resources';

// Drafted from the bodies the e2e suite received (test/support/draft-schemas.ts), then read against libs/statistics
// (case/clock/head/township statistics services, publications.service.ts): null where the query may give none.

/** An Excel workbook (.xlsx) download. */
const xlsx: S = { ...docx, 'x-media': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as S;

/** A figure's definition from the catalogue (libs/statistics/src/domain): counts carry SQL, rates their two parts. */
const figure = obj({ label: str, definition: str }, { kind: str, source: str, sql: str, numerator: str, denominator: str });
/** Counts by figure key; rates 0-1 (four decimals), null when the denominator is 0. */
const counts = map(int);
const rates = map(nul(num));
const row = obj({ key: str, label: str, counts, rates });
const paging = { total: int, page: int, pageSize: int };

const caseItem = obj({
  caseId: uuid,
  caseNumber: str,
  state: str,
  stateLabel: str,
  category: str,
  categoryLabel: str,
  procedure: nul(str),
  township: str,
  respondent: nul(str),
  receivedOn: nul(date),
  acceptedOn: nul(date),
  refusedOn: nul(date),
  closedOn: nul(date),
  closeKind: nul(str),
  closeKindLabel: nul(str),
  decisionType: nul(str),
  decisionLabel: nul(str),
});

const publicationView = {
  id: uuid,
  caseNumber: str,
  respondent: nul(str),
  category: str,
  categoryLabel: str,
  decisionType: str,
  decisionLabel: str,
  year: int,
  decidedOn: nul(date),
  publishedAt: instant,
};

export const STATISTICS_RESPONSES: ResponseRegistry = {
  // GET /api/statistics/figures
  statistics_figures: {
    200: obj({ cases: map(figure), clocks: map(figure), heads: map(figure), townships: map(str), defaultSettledWindowDays: int }),
  },
  // GET /api/statistics/overview
  statistics_overview: {
    200: obj({
      from: date,
      to: date,
      by: str,
      windowDays: int,
      computedFrom: oneOfStr('rollup', 'cases'),
      rows: arr(row),
      total: obj({ counts, rates }),
    }),
  },
  // GET /api/statistics/cases
  statistics_figureCases: {
    200: obj(
      {
        figure: str,
        label: str,
        definition: str,
        from: date,
        to: date,
        by: str,
        key: nul(str),
        windowDays: int,
        ...paging,
        items: arr(caseItem),
      },
      { part: str },
    ),
  },
  // GET /api/statistics/clocks
  statistics_clockFigures: {
    200: obj({
      from: date,
      to: date,
      asOf: date,
      rows: arr(obj({ rule: str, label: str, article: nul(str), counts, onTimeRate: nul(num) })),
    }),
  },
  // GET /api/statistics/clocks/cases
  statistics_clockCases: {
    200: obj({
      rule: str,
      figure: str,
      label: str,
      from: date,
      to: date,
      asOf: date,
      ...paging,
      items: arr(
        obj({
          caseId: uuid,
          caseNumber: str,
          state: str,
          stateLabel: str,
          start: date,
          due: nul(date),
          clockStatus: str,
          closedOn: nul(date),
          extensionDays: nul(int),
        }),
      ),
    }),
  },
  // GET /api/statistics/heads
  statistics_headFigures: { 200: obj({ from: date, to: date, asOf: date, rows: arr(row), total: row }) },
  // GET /api/statistics/heads/items: lawsuits (court figures) or hearings (reconsideration figures)
  statistics_headItems: {
    200: obj({
      figure: str,
      label: str,
      from: date,
      to: date,
      key: nul(str),
      ...paging,
      items: arr(
        obj(
          { caseId: nul(uuid), caseNumber: nul(str) },
          {
            lawsuitId: uuid,
            court: nul(str),
            courtCaseNumber: nul(str),
            filedOn: nul(date),
            origin: str,
            headAppeared: bool,
            hearingId: uuid,
            kind: str,
            heldOn: nul(date),
            headAttended: bool,
          },
        ),
      ),
    }),
  },
  // GET /api/statistics/townships
  statistics_townshipFigures: { 200: obj({ from: date, to: date, rows: arr(row), total: obj({ counts, rates }) }) },
  // GET /api/statistics/years
  statistics_years: {
    200: obj({
      fromYear: int,
      toYear: int,
      rows: arr(
        obj({
          year: int,
          closed: int,
          resolvedInCases: int,
          mediationSubstantive: int,
          substantiveTotal: int,
          overallResolutionRate: nul(num),
        }),
      ),
    }),
  },
  // GET /api/statistics/export
  statistics_export: { 200: xlsx },
  // GET /api/statistics/yearly-report
  statistics_yearlyReport: { 200: docx },
  // GET /api/public/decisions
  publicDecisions_search: { 200: obj({ ...paging, items: arr(obj({ ...publicationView, excerpt: str })) }) },
  // GET /api/public/decisions/facets
  publicDecisions_facets: {
    200: obj({
      years: arr(obj({ year: int, count: int })),
      respondents: arr(obj({ id: int, name: str, count: int })),
      categories: arr(obj({ key: str, label: str })),
    }),
  },
  // GET /api/public/decisions/{publicationId}
  publicDecisions_get: { 200: obj({ ...publicationView, text: str }) },
  // POST /api/cases/{id}/publication/withdraw
  adjudication_withdrawPublication: { 200: caseAfter(obj({ publicationId: uuid, withdrawnAt: instant })) },
};
