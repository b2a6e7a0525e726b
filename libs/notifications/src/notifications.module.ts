import { DynamicModule, Module } from '@nestjs/common';
import { NOTIFICATION_FAN_OUT } from '@fuyi/clocks';
import { ChannelRegistry } from './channels/channel.registry';
import { DeliveryService } from './delivery.service';
import { DigestService } from './digest.service';
import { InboxService } from './inbox.service';
import { NOTIFICATION_SETTINGS, notificationSettings, type NotificationSettings } from './notification-settings';

/**
 * Inbox, channel deliveries and the daily digest. Uses the DataSource of the app's TypeOrmModule. Global, so that the
 * reminder scanner (libs/clocks, below this library) gets DeliveryService through its NOTIFICATION_FAN_OUT port.
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
        { provide: NOTIFICATION_FAN_OUT, useExisting: DeliveryService },
      ],
      exports: [NOTIFICATION_SETTINGS, ChannelRegistry, InboxService, DeliveryService, DigestService, NOTIFICATION_FAN_OUT],
    };
  }
}
