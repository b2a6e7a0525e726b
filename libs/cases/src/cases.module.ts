import { Module } from '@nestjs/common';
import { RegistrationService } from './intake/registration.service';
import { AcceptanceService } from './review/acceptance.service';
import { CaseQueriesService } from './queries/case-queries.service';
import { ConsultationService } from './consultations/consultation.service';

@Module({
  providers: [RegistrationService, AcceptanceService, CaseQueriesService, ConsultationService],
  exports: [RegistrationService, AcceptanceService, CaseQueriesService, ConsultationService],
})
export class CasesModule {}
