import { CaseEntity, CaseEventEntity, CaseNumberCounterEntity, CaseServiceEntity, ConsultationEntity, PartyEntity, CaseHearingEntity } from './entities';

export * from './entities';
export * from './domain/case-state';
export * from './domain/case-number';
export * from './domain/categories';
export * from './domain/case-errors';
export * from './domain/query-code';
export * from './intake/registration.types';
export * from './intake/registration.service';
export * from './review/review.types';
export * from './review/acceptance.service';
export * from './queries/case-queries.service';
export * from './queries/case-scope';
export * from './queries/document-scope';
export * from './queries/work-views.service';
export * from './queries/work-view-filters';
export * from './consultations/consultation.service';
export * from './effects/deadline-effects.service';
export * from './handling/case-handling.service';
export * from './handling/respondent.service';
export * from './handling/decision.service';
export * from './handling/participation.service';
export * from './domain/suspension-grounds';
export * from './domain/decision-types';
export * from './cases.module';

export const CASES_ENTITIES = [CaseEntity, PartyEntity, CaseEventEntity, CaseNumberCounterEntity, ConsultationEntity, CaseServiceEntity, CaseHearingEntity];
