/**
 * Statistics the office publishes (domain.md §8) and sunshine reconsideration (阳光复议): figure definitions as plain
 * data (domain/), the queries behind them (queries/), the .xlsx and yearly-report exports (export/) and the public
 * list of published decisions (sunshine/). The top library: it reads cases, clocks, mediation and liaison.
 */
export * from './domain/dimensions';
export * from './domain/figures';
export * from './domain/clock-figures';
export * from './domain/case-facts';
export * from './domain/statistics-errors';
export * from './queries/case-statistics.service';
export * from './queries/clock-statistics.service';
export * from './queries/head-statistics.service';
export * from './queries/township-statistics.service';
export * from './queries/rollup-compactor';
export * from './export/tables';
export * from './export/xlsx';
export * from './export/statistics-export.service';
export * from './sunshine/publications.service';
export * from './statistics.module';
