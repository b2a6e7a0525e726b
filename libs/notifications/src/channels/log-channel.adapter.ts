import { Logger } from '@nestjs/common';
import type { ChannelAdapter, ChannelMessage } from './channel-adapter';

/**
 * Default SMS and e-mail driver until a gateway is contracted: writes one log line per delivery.
 * Never the body (it may name a case or a party) and no contact data, only ids and the title.
 */
export class LogChannelAdapter implements ChannelAdapter {
  private readonly logger: Logger;

  constructor(readonly channel: string) {
    this.logger = new Logger(`Channel:${channel}`);
  }

  async send(message: ChannelMessage): Promise<void> {
    this.logger.log(`delivery ${message.deliveryId} via ${this.channel} to user ${message.userId}: ${message.title}`);
  }
}
