import { DynamicModule, Module } from '@nestjs/common';
import { ChannelRegistry } from './channels/channel.registry';
import { DeliveryService } from './delivery.service';
import { DigestService } from './digest.service';
import { InboxService } from './inbox.service';
import { Notifier } from './notifier';
import { NOTIFICATION_SETTINGS, notificationSettings, type NotificationSettings } from './notification-settings';

/**
 * Inbox, the Notifier (the one way any library raises a notification), channel deliveries and the daily digest. Uses the
 * DataSource of the app's TypeOrmModule. Global: every library above it (clocks, cases, mediation, liaison) injects the
 * Notifier without importing this module itself.
 */
@Module({})
export class NotificationsModule {
  /** Settings default to the environment (NOTIFY_CHANNELS, WEBHOOK_URL, DELIVERY_MAX_ATTEMPTS), read once at boot. */
  static forRoot(settings: NotificationSettings = notificationSettings(process.env)): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: [
        { provide: NOTIFICATION_SETTINGS, useValue: settings },
        { provide: ChannelRegistry, useValue: ChannelRegistry.fromSettings(settings) },
        InboxService,
        DeliveryService,
        DigestService,
        Notifier,
      ],
      exports: [NOTIFICATION_SETTINGS, ChannelRegistry, InboxService, DeliveryService, DigestService, Notifier],
    };
  }
}
