import { Module } from '@nestjs/common';
import { CasesModule } from '@fuyi/cases';
import { ClocksModule } from '@fuyi/clocks';
import { DocumentsModule } from '@fuyi/documents';
import { ClustersModule } from '../clusters';
import { LiaisonDueDates } from './services/due-dates';
import { LawsuitService } from './services/lawsuit.service';
import { LawsuitDefenceService } from './services/lawsuit-defence.service';
import { CopyReportService } from './services/copy-report.service';
import { LetterService } from './services/letter.service';
import { LiaisonNotifier } from './services/liaison-notifier';
import { LiaisonQueriesService } from './services/liaison-queries.service';
import { LiaisonScanner } from './services/liaison-scanner';
import { LiaisonViewService } from './services/liaison-view.service';
import { RiskNoticeService } from './services/risk-notice.service';
import { LiaisonCommands } from './services/liaison-commands';

const SERVICES = [LiaisonDueDates, LiaisonNotifier, RiskNoticeService, LetterService, LawsuitService, LawsuitDefenceService, CopyReportService, LiaisonQueriesService, LiaisonViewService, LiaisonScanner, LiaisonCommands];

/** Court liaison workflow (issue #6 items 1-3, 5): risk notices, opinion/suggestion letters, litigation, the view. */
@Module({ imports: [CasesModule, ClocksModule, DocumentsModule, ClustersModule], providers: SERVICES, exports: SERVICES })
export class WorkflowModule {}
