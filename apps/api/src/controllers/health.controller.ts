import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from '../auth/auth.decorators';

export const API_REDIS = Symbol('API_REDIS');

@ApiTags('运行状态')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(API_REDIS) private readonly redis: Redis,
  ) {}

  @Public() @Get('live') @ApiOperation({ summary: '存活检查' })
  live() {
    return { status: 'ok' };
  }

  @Public() @Get('ready') @HealthCheck() @ApiOperation({ summary: '就绪检查：PostgreSQL 和 Redis' })
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2000 }),
      async () => {
        const indicator = this.indicators.check('redis');
        try {
          await this.redis.ping();
          return indicator.up();
        } catch {
          return indicator.down({ message: 'Redis 不可达' });
        }
      },
    ]);
  }
}
