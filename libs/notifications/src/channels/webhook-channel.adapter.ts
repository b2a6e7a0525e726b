import type { ChannelAdapter, ChannelMessage } from './channel-adapter';

/** Integration driver: POSTs the message as JSON; anything but a 2xx answer within the timeout is a failure. */
export class WebhookChannelAdapter implements ChannelAdapter {
  readonly channel = 'webhook';

  constructor(private readonly url: string, private readonly timeoutMs = 5_000) {}

  async send(message: ChannelMessage): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': `delivery-${message.deliveryId}` },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      // Not e.message verbatim: it may repeat the URL, whose query can hold the receiver's token.
      const reason = (e as Error)?.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : 'request failed';
      throw new Error(`webhook ${reason}`);
    }
    await res.body?.cancel().catch(() => undefined); // free the socket; the answer's content is not used
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
  }
}
