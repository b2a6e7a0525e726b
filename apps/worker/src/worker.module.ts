import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type Redis from 'ioredis';
import { PlatformModule, QueueRegistry, dataSourceOptions, redisConnection, type AppConfig } from '@fuyi/platform';
import { ClocksModule } from '@fuyi/clocks';
import { CasesModule } from '@fuyi/cases';
import { NotificationsModule } from '@fuyi/notifications';
import { DocumentsModule } from '@fuyi/documents';
import { MediationModule } from '@fuyi/mediation';
import { LiaisonModule } from '@fuyi/liaison';
import { StatisticsModule } from '@fuyi/statistics';
import { FilesModule } from '@fuyi/files';
import { SCHEMA } from '../../../db/schema';
import { JobHandlers } from './job-handlers';
import { OutboxRelayService } from './outbox-relay.service';
import { QueueProcessorsService } from './queue-processors.service';
import { WORKER_REDIS } from './tokens';

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(QueueRegistry) private readonly queues: QueueRegistry, @Inject(WORKER_REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, SCHEMA, { logging: false, extra: { max: config.databasePoolMax } } as never) /* TypeORM would print SQL parameters: personal data */),
        PlatformModule.forRoot(config),
        ClocksModule,
        CasesModule,
        NotificationsModule.forRoot(),
        DocumentsModule,
        MediationModule,
        LiaisonModule,
        StatisticsModule,
        FilesModule,
      ],
      providers: [
        { provide: WORKER_REDIS, useFactory: () => redisConnection(config.redisUrl, { lazyConnect: false }) },
        { provide: QueueRegistry, useFactory: (redis: Redis) => new QueueRegistry(redis, config.queuePrefix), inject: [WORKER_REDIS] },
        JobHandlers,
        OutboxRelayService,
        QueueProcessorsService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    this.redis.disconnect();
  }
}
