/**
 * Mediation centre (domain.md §6): pre-case and in-case mediation. Depends on cases, clocks, documents, platform.
 */
import { MediationAssignmentEntity, MediationFileEntity, MediationPartyEntity, MediationSessionEntity, MediatorProfileEntity } from './entities';

export * from './domain/mediation-types';
export * from './domain/mediation-state';
export * from './domain/mediation-errors';
export * from './domain/conflict-check';
export * from './entities';
export * from './mediation.module';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MEDIATION_ENTITIES: Function[] = [MediationFileEntity, MediationPartyEntity, MediatorProfileEntity, MediationAssignmentEntity, MediationSessionEntity];
export * from './domain/warnings';
export * from './services/file-access';
export * from './services/referral.types';
export * from './services/referral.service';
export * from './services/assignment.service';
export * from './services/session.service';
export * from './services/outcome.service';
export * from './services/mediation-queries.service';
export * from './services/work-list-filter';
export * from './services/mediation-figures';
export * from './services/mediator-profile.service';
export * from './services/measures.service';
export * from './services/mediation-documents.service';
export * from './services/mediation-clock';
export * from './services/mediation-due-scanner';
export * from './services/mediation-commands';
export * from './domain/mediation-actions';
