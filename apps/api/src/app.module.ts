import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { PgThrottlerStorage, PlatformModule, dataSourceOptions, redisConnection, type AppConfig } from '@fuyi/platform';
import { CasesModule } from '@fuyi/cases';
import { ClocksModule } from '@fuyi/clocks';
import { NotificationsModule } from '@fuyi/notifications';
import { DocumentsModule } from '@fuyi/documents';
import { MediationModule } from '@fuyi/mediation';
import { LiaisonModule } from '@fuyi/liaison';
import { StatisticsModule } from '@fuyi/statistics';
import { FilesModule } from '@fuyi/files';
import { FilesController } from './controllers/files/files.controller';
import { SCHEMA } from '../../../db/schema';
import { AuthGuard } from './auth/auth.guard';
import { CaseAccessGuard } from './auth/case-access.guard';
import { requestIdOf } from './http/request-id';
import { AuthController } from './controllers/auth.controller';
import { UsersController } from './controllers/users.controller';
import { SecurityPolicyController } from './controllers/security-policy.controller';
import { ReferenceController } from './controllers/reference.controller';
import { ConsultationsController } from './controllers/consultations.controller';
import { ApplicationsController } from './controllers/applications.controller';
import { PublicStatusController } from './controllers/public-status.controller';
import { API_REDIS, HealthController } from './controllers/health.controller';
import { AuditController } from './controllers/audit.controller';
import { CalendarController } from './controllers/calendar.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { CaseHandlingController } from './controllers/case-handling.controller';
import { AdjudicationController } from './controllers/adjudication.controller';
import { ParticipationController } from './controllers/participation.controller';
import { DocumentsController } from './controllers/documents.controller';
import { WorkViewsController } from './controllers/work-views.controller';
import { ApprovalRequestsController } from './controllers/approval-requests.controller';
import { QueryCodeController } from './controllers/query-code.controller';
import { OpsModule } from './ops/ops.module';
import { MEDIATION_CONTROLLERS } from './controllers/mediation';
import { LIAISON_CONTROLLERS } from './controllers/liaison';
import { GROUP_DISPUTE_CONTROLLERS } from './controllers/group-disputes';
import { AuditLogService } from './services/audit-log.service';
import { OperatorFiguresService } from './services/operator-figures.service';
import { ReferenceDataService } from './services/reference-data.service';
import { STATISTICS_CONTROLLERS } from './controllers/statistics';

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(API_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  static forRoot(config: AppConfig, opts: { rateLimitPerMinute?: number } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestIdOf,
            // Bodies are never logged; tokens and keys are redacted. Personal data only travels in bodies.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
            serializers: {
              req: (req) => ({ id: req.id, method: req.method, url: String(req.url).split('?')[0] }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, SCHEMA, { logging: false, extra: { max: config.databasePoolMax } } as never) /* TypeORM would print SQL parameters: personal data */),
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          useFactory: (ds: DataSource) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: opts.rateLimitPerMinute ?? config.rateLimitPerMinute }],
            storage: new PgThrottlerStorage(ds), // shared by every api process (issue 14 item 12)
          }),
        }),
        TerminusModule,
        PlatformModule.forRoot(config),
        ClocksModule,
        NotificationsModule.forRoot(),
        CasesModule,
        DocumentsModule,
        MediationModule,
        LiaisonModule,
        StatisticsModule,
        FilesModule,
        OpsModule.forRoot(config),
      ],
      controllers: [
        AuthController, UsersController, SecurityPolicyController, ReferenceController, ConsultationsController, ApplicationsController,
        PublicStatusController, HealthController, AuditController, CalendarController, NotificationsController, CaseHandlingController, AdjudicationController, ParticipationController, DocumentsController, WorkViewsController,
        ApprovalRequestsController, QueryCodeController, FilesController,
        ...MEDIATION_CONTROLLERS, ...LIAISON_CONTROLLERS, ...GROUP_DISPUTE_CONTROLLERS, ...STATISTICS_CONTROLLERS,
      ],
      providers: [
        AuditLogService, OperatorFiguresService, ReferenceDataService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: CaseAccessGuard }, // after AuthGuard: it needs the actor
        {
          provide: API_REDIS,
          useFactory: () => {
            const redis = redisConnection(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
            redis.on('error', () => undefined); // readiness reports it; no crash on a blip
            return redis;
          },
        },
      ],
    };
  }
}
