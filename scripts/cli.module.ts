import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, PlatformModule, type AppConfig } from '@fuyi/platform';
import { ClocksModule } from '@fuyi/clocks';
import { CasesModule } from '@fuyi/cases';
import { NotificationsModule } from '@fuyi/notifications';
import { DocumentsModule } from '@fuyi/documents';
import { MediationModule } from '@fuyi/mediation';
import { LiaisonModule } from '@fuyi/liaison';
import { SCHEMA } from '../db/schema';

/**
 * The operator's CLI gets its services from the same modules as the api and the worker (issue 19 item 6): a calendar
 * change made here moves every due date the api's would — case clocks, mediation files, liaison notices and letters — because
 * the libraries register their calendar-change hooks themselves, instead of the CLI wiring each one by hand. No Redis:
 * what the change owes the queues goes through the outbox, which the worker relays.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl, SCHEMA, { logging: false, extra: { max: 2 } } as never), retryAttempts: 0 }),
        PlatformModule.forRoot(config),
        NotificationsModule.forRoot(),
        ClocksModule,
        CasesModule,
        DocumentsModule,
        MediationModule,
        LiaisonModule,
      ],
    };
  }
}
