import { Module } from '@nestjs/common';
import { ClustersModule } from './clusters/clusters.module';
import { WorkflowModule } from './workflow/workflow.module';

@Module({ imports: [WorkflowModule, ClustersModule], exports: [WorkflowModule, ClustersModule] })
export class LiaisonModule {}
