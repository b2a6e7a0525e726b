import { DetectionWatermarkEntity, GroupDisputeEntity, GroupDisputeMemberEntity } from './entities';

export * from './clusters.module';
export * from './entities';
export * from './cluster-errors';
export * from './cluster.queries';
export * from './cluster-detector';
export * from './cluster-alerts';
export { ClusterRecords, type DeptRecord, type RecordRef } from './stores/detection.store';
export * from './cluster-dismissal';
export * from './domain/cluster-match';
export * from './domain/cluster-plan';
export * from './domain/suggested-notice';
export * from './domain/place-detail';
export * from './domain/cluster-actions';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CLUSTERS_ENTITIES: Function[] = [GroupDisputeEntity, GroupDisputeMemberEntity, DetectionWatermarkEntity];
