export * from './mediation-file.entity';
export * from './mediation-party.entity';
export * from './mediator-profile.entity';
export * from './mediation-assignment.entity';
export * from './mediation-session.entity';
