import { NOTIFY_CHANNEL_NAMES, type NotificationsConfig, type NotifyChannelName } from '@fuyi/platform';

/**
 * The channel settings are part of AppConfig (libs/platform, `notifications`: NOTIFY_CHANNELS, WEBHOOK_URL,
 * DELIVERY_MAX_ATTEMPTS, checked at boot with the rest): this library never reads the environment.
 */
export const KNOWN_CHANNELS = NOTIFY_CHANNEL_NAMES;
export type ChannelName = NotifyChannelName;
export type NotificationSettings = NotificationsConfig;

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');
