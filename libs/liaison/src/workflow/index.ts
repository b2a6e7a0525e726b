export * from './workflow.module';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const WORKFLOW_ENTITIES: Function[] = [];
