import { PLATFORM_ENTITIES, type SchemaParts } from '@fuyi/platform';
import { CASES_ENTITIES } from '@fuyi/cases';
import { CLOCKS_ENTITIES } from '@fuyi/clocks';
import { NOTIFICATIONS_ENTITIES } from '@fuyi/notifications';
import { DOCUMENTS_ENTITIES } from '@fuyi/documents';
import { MEDIATION_ENTITIES } from '@fuyi/mediation';
import { LIAISON_ENTITIES } from '@fuyi/liaison';
import { FILES_ENTITIES } from '@fuyi/files';
import { MIGRATIONS } from './migrations';

/** The whole schema: every library's entities and the ordered migrations that create them. */
export const SCHEMA: SchemaParts = {
  entities: [...PLATFORM_ENTITIES, ...CLOCKS_ENTITIES, ...NOTIFICATIONS_ENTITIES, ...CASES_ENTITIES, ...DOCUMENTS_ENTITIES, ...MEDIATION_ENTITIES, ...LIAISON_ENTITIES, ...FILES_ENTITIES],
  migrations: MIGRATIONS,
};
