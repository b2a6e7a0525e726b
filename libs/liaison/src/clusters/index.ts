export * from './clusters.module';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CLUSTERS_ENTITIES: Function[] = [];
