import { Module } from '@nestjs/common';
import { ClusterAlerts } from './cluster-alerts';
import { ClusterDetector } from './cluster-detector';
import { ClusterDismissal } from './cluster-dismissal';
import { ClusterQueries } from './cluster.queries';

/** Group-dispute detection (issue 6, item 4): the worker runs ClusterDetector; the api and the liaison view read ClusterQueries. */
@Module({ providers: [ClusterDetector, ClusterAlerts, ClusterQueries, ClusterDismissal], exports: [ClusterDetector, ClusterQueries, ClusterDismissal] })
export class ClustersModule {}
