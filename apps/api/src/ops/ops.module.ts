import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { QueueName, QueueRegistry, redisConnection, type AppConfig } from '@fuyi/platform';
import { BoardSessionController } from './board-session.controller';
import { BoardSessionService } from './board-session.service';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsController } from './metrics.controller';
import { METRICS_SCRAPER_TOKEN, metricsScraperToken } from './metrics-token';
import { OpsMetricsService } from './ops-metrics.service';

export const OPS_REDIS = Symbol('OPS_REDIS');

/**
 * Operations surface of the api: /metrics and the queue board's session. The api reads queues (counts, the board)
 * through a QueueRegistry of its own; it registers no processor and publishes nothing (the worker's relay does).
 */
@Module({})
export class OpsModule implements OnApplicationShutdown {
  constructor(@Inject(QueueRegistry) private readonly queues: QueueRegistry, @Inject(OPS_REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: OpsModule,
      controllers: [MetricsController, BoardSessionController],
      providers: [
        {
          provide: OPS_REDIS,
          // Fails fast (one retry) instead of queueing commands while Redis is away: a scrape must not hang.
          useFactory: () => redisConnection(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 }).on('error', () => undefined),
        },
        {
          provide: QueueRegistry,
          inject: [OPS_REDIS],
          useFactory: (redis: Redis) => {
            const registry = new QueueRegistry(redis, config.queuePrefix);
            // A Queue re-emits connection errors; without a listener one Redis blip would crash the api. Readiness reports it.
            for (const name of Object.values(QueueName)) registry.get(name).on('error', () => undefined);
            return registry;
          },
        },
        { provide: METRICS_SCRAPER_TOKEN, useFactory: () => metricsScraperToken() },
        OpsMetricsService,
        MetricsAccessGuard,
        BoardSessionService,
      ],
      exports: [QueueRegistry, BoardSessionService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    this.redis.disconnect();
  }
}
