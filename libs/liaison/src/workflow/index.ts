import { WORKFLOW_ENTITY_LIST } from './entities';

export * from './entities';
export * from './domain/risk-notice-state';
export * from './domain/letter-state';
export * from './domain/litigation';
export * from './services/liaison-errors';
export * from './services/due-dates';
export * from './services/notice-writer';
export * from './services/risk-notice.service';
export * from './services/letter.service';
export * from './services/lawsuit.service';
export * from './services/lawsuit-defence.service';
export * from './services/copy-report.service';
export * from './domain/copy-report';
export * from './services/liaison-queries.service';
export * from './services/liaison-view.service';
export * from './services/liaison-scanner';
export * from './services/liaison-notifier';
export * from './services/liaison-commands';
export * from './domain/next-steps';
export * from './workflow.module';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const WORKFLOW_ENTITIES: Function[] = [...WORKFLOW_ENTITY_LIST];
export * from './domain/liaison-actions';
export * from './domain/lawsuit-actions';
