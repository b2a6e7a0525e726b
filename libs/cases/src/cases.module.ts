import { Module } from '@nestjs/common';
import { RegistrationService } from './intake/registration.service';
import { AcceptanceService } from './review/acceptance.service';
import { CaseQueriesService } from './queries/case-queries.service';
import { ConsultationService } from './consultations/consultation.service';
import { DeadlineEffectsService } from './effects/deadline-effects.service';
import { ClockMoveRecorder } from './effects/clock-move-recorder';
import { CaseHandlingService } from './handling/case-handling.service';
import { RespondentService } from './handling/respondent.service';
import { DecisionService } from './handling/decision.service';
import { ParticipationService } from './handling/participation.service';
import { AttendanceService } from './handling/attendance.service';
import { DecisionEffectHooks } from './effects/decision-effect-hooks';
import { CaseRiskHooks } from './queries/case-risk-hooks';
import { WorkViewsService } from './queries/work-views.service';
import { ApprovalRequestService } from './handling/approval-requests.service';
import { CaseNotifier } from './handling/case-notifier';
import { QueryCodeService } from './intake/query-code.service';
import { CaseNumberAllocator } from './intake/case-number-allocator';
import { CaseCommands } from './commands/case-commands';

const SERVICES = [
  RegistrationService, AcceptanceService, CaseQueriesService, ConsultationService, DeadlineEffectsService, ClockMoveRecorder, CaseHandlingService, RespondentService,
  DecisionService, ParticipationService, WorkViewsService, ApprovalRequestService, CaseNotifier, QueryCodeService, AttendanceService, DecisionEffectHooks, CaseRiskHooks,
  CaseNumberAllocator, CaseCommands,
];

@Module({
  providers: SERVICES,
  exports: SERVICES,
})
export class CasesModule {}
