export * from './case.entity';
export * from './party.entity';
export * from './case-event.entity';
export * from './case-number-counter.entity';
export * from './consultation.entity';
export * from './case-service.entity';
export * from './case-hearing.entity';
export * from './case-approval-request.entity';
