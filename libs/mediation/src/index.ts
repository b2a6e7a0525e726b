/**
 * Mediation centre (domain.md §6): pre-case and in-case mediation. Depends on cases, clocks, documents, platform.
 */
export const MEDIATION_CATEGORIES = {
  expropriation: '征地拆迁',
  demolition: '拆违拆临',
  public_security: '治安罚款拘留',
  other: '其他',
} as const;

export * from './mediation.module';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MEDIATION_ENTITIES: Function[] = [];
