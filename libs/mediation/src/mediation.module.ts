import { Module } from '@nestjs/common';
import { CasesModule } from '@fuyi/cases';
import { ClocksModule } from '@fuyi/clocks';
import { DocumentsModule } from '@fuyi/documents';
import { AssignmentService } from './services/assignment.service';
import { MeasuresService } from './services/measures.service';
import { MediationDueScanner } from './services/mediation-due-scanner';
import { MediationClock } from './services/mediation-clock';
import { MediationDocumentsService } from './services/mediation-documents.service';
import { MediationQueriesService } from './services/mediation-queries.service';
import { MediatorProfileService } from './services/mediator-profile.service';
import { OutcomeService } from './services/outcome.service';
import { ReferralService } from './services/referral.service';
import { SessionService } from './services/session.service';
import { MediationCommands } from './services/mediation-commands';

const SERVICES = [MediationClock, ReferralService, AssignmentService, SessionService, OutcomeService, MediationQueriesService, MediatorProfileService, MeasuresService, MediationDocumentsService, MediationDueScanner, MediationCommands];

@Module({ imports: [CasesModule, ClocksModule, DocumentsModule], providers: SERVICES, exports: SERVICES })
export class MediationModule {}
