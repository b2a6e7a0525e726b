/**
 * Mediation centre (domain.md §6): pre-case and in-case mediation. Its workflow arrives with its own issue;
 * the library exists now so that the dependency direction (mediation → cases → platform) is fixed from the start.
 */
export const MEDIATION_CATEGORIES = {
  expropriation: '征地拆迁',
  demolition: '拆违拆临',
  public_security: '治安罚款拘留',
  other: '其他',
} as const;

export const MEDIATION_ENTITIES = [] as const;
