import type { NotificationSettings } from '../notification-settings';
import type { ChannelAdapter } from './channel-adapter';
import { LogChannelAdapter } from './log-channel.adapter';
import { WebhookChannelAdapter } from './webhook-channel.adapter';

/** The adapter for each configured channel. */
export class ChannelRegistry {
  private readonly byChannel = new Map<string, ChannelAdapter>();

  constructor(adapters: ChannelAdapter[]) {
    for (const a of adapters) this.byChannel.set(a.channel, a);
  }

  static fromSettings(settings: NotificationSettings): ChannelRegistry {
    return new ChannelRegistry(
      settings.channels.map((c) => (c === 'webhook' ? new WebhookChannelAdapter(settings.webhookUrl as string) : new LogChannelAdapter(c))),
    );
  }

  /** undefined when the channel is no longer configured (its pending deliveries cannot be sent). */
  get(channel: string): ChannelAdapter | undefined {
    return this.byChannel.get(channel);
  }
}
