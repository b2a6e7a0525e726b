import { DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@fuyi/platform';
import { ChannelRegistry } from './channels/channel.registry';
import { DeliveryService } from './delivery.service';
import { DigestService } from './digest.service';
import { InboxService } from './inbox.service';
import { Notifier } from './notifier';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';

/**
 * Inbox, the Notifier (the one way any library raises a notification), channel deliveries and the daily digest. Uses the
 * DataSource of the app's TypeOrmModule. Global: every library above it (clocks, cases, mediation, liaison) injects the
 * Notifier without importing this module itself.
 */
@Module({})
export class NotificationsModule {
  /**
   * Settings come from AppConfig (`notifications`: NOTIFY_CHANNELS, WEBHOOK_URL, DELIVERY_MAX_ATTEMPTS, checked at boot);
   * a test may pass its own instead.
   */
  static forRoot(settings?: NotificationSettings): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: [
        settings
          ? { provide: NOTIFICATION_SETTINGS, useValue: settings }
          : { provide: NOTIFICATION_SETTINGS, useFactory: (config: AppConfig) => config.notifications, inject: [APP_CONFIG] },
        { provide: ChannelRegistry, useFactory: (s: NotificationSettings) => ChannelRegistry.fromSettings(s), inject: [NOTIFICATION_SETTINGS] },
        InboxService,
        DeliveryService,
        DigestService,
        Notifier,
      ],
      exports: [NOTIFICATION_SETTINGS, ChannelRegistry, InboxService, DeliveryService, DigestService, Notifier],
    };
  }
}
