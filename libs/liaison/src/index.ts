import { CLUSTERS_ENTITIES } from './clusters';
import { WORKFLOW_ENTITIES } from './workflow';

/**
 * Court liaison (domain.md §1, §3.11-12): risk notices, opinion and suggestion letters, litigation follow-up
 * (workflow/) and group-dispute detection (clusters/). Depends on cases, clocks, documents and platform.
 */
export * from './clusters';
export * from './workflow';
export * from './liaison.module';

export const LIAISON_ENTITIES = [...WORKFLOW_ENTITIES, ...CLUSTERS_ENTITIES];
