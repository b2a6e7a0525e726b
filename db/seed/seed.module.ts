import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, PlatformModule, type AppConfig } from '@fuyi/platform';
import { ClocksModule } from '@fuyi/clocks';
import { NotificationsModule } from '@fuyi/notifications';
import { CasesModule } from '@fuyi/cases';
import { DocumentsModule } from '@fuyi/documents';
import { SCHEMA } from '../schema';

/** The services the demo seed drives, without HTTP or queues. */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, SCHEMA, { logging: false })), PlatformModule.forRoot(config),
        // The seed writes history: its notifications stay in the inbox and are not sent out over SMS or e-mail.
        NotificationsModule.forRoot({ ...config.notifications, channels: [] }),
        ClocksModule, CasesModule, DocumentsModule],
    };
  }
}
