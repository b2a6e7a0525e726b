import { Module } from '@nestjs/common';
import { RegistrationService } from './intake/registration.service';
import { AcceptanceService } from './review/acceptance.service';
import { CaseQueriesService } from './queries/case-queries.service';
import { ConsultationService } from './consultations/consultation.service';
import { DeadlineEffectsService } from './effects/deadline-effects.service';
import { CaseHandlingService } from './handling/case-handling.service';

@Module({
  providers: [RegistrationService, AcceptanceService, CaseQueriesService, ConsultationService, DeadlineEffectsService, CaseHandlingService],
  exports: [RegistrationService, AcceptanceService, CaseQueriesService, ConsultationService, DeadlineEffectsService, CaseHandlingService],
})
export class CasesModule {}
