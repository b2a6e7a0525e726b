import { Module } from '@nestjs/common';
import { CaseStatisticsService } from './queries/case-statistics.service';
import { ClockStatisticsService } from './queries/clock-statistics.service';
import { HeadStatisticsService } from './queries/head-statistics.service';
import { TownshipStatisticsService } from './queries/township-statistics.service';
import { StatisticsExportService } from './export/statistics-export.service';
import { PublicationsService } from './sunshine/publications.service';
import { RollupCompactor } from './queries/rollup-compactor';

const SERVICES = [CaseStatisticsService, ClockStatisticsService, HeadStatisticsService, TownshipStatisticsService, StatisticsExportService, PublicationsService, RollupCompactor];

/** Reads only: the figures over the tables of cases, clocks, mediation and liaison (DataSource from TypeOrmModule.forRoot). */
@Module({ providers: SERVICES, exports: SERVICES })
export class StatisticsModule {}
