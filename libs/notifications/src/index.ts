import { DeliveryEntity } from './delivery.entity';
import { NotificationEntity } from './notification.entity';

export * from './delivery.entity';
export * from './notification-errors';
export * from './notification-settings';
export * from './channels/channel-adapter';
export * from './channels/log-channel.adapter';
export * from './channels/webhook-channel.adapter';
export * from './channels/channel.registry';
export * from './inbox.service';
export * from './delivery.service';
export * from './notifier';
export * from './digest-text';
export * from './digest.service';
export * from './retention';
export * from './notifications.module';
export const NOTIFICATIONS_ENTITIES = [NotificationEntity, DeliveryEntity];
