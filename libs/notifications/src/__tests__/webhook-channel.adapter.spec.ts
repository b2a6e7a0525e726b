import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookChannelAdapter, type ChannelMessage } from '@fuyi/notifications';

/** Against a real local HTTP server: what is posted, and which answers count as failures. */
describe('WebhookChannelAdapter', () => {
  let server: Server;
  let url: string;
  let answer: (req: IncomingMessage, body: string) => { status: number; delayMs?: number };
  const received: Array<{ method?: string; headers: IncomingMessage['headers']; body: string }> = [];
  const message: ChannelMessage = { deliveryId: '42', userId: '00000000-0000-4000-8000-000000000001', title: '期限提醒', body: '案件期限将届满', caseId: null };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, headers: req.headers, body });
        const { status, delayMs = 0 } = answer(req, body);
        setTimeout(() => res.writeHead(status).end('{"ok":true}'), delayMs).unref();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=secret`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (received.length = 0));

  it('POSTs the message as JSON with the delivery id as idempotency key', async () => {
    answer = () => ({ status: 204 });
    await new WebhookChannelAdapter(url).send(message);
    expect(received).toHaveLength(1);
    expect(received[0].method).toBe('POST');
    expect(received[0].headers['content-type']).toContain('application/json');
    expect(received[0].headers['idempotency-key']).toBe('delivery-42');
    expect(JSON.parse(received[0].body)).toEqual(message);
  });

  it('a non-2xx answer is a failure', async () => {
    answer = () => ({ status: 503 });
    await expect(new WebhookChannelAdapter(url).send(message)).rejects.toThrow('webhook answered HTTP 503');
  });

  it('no answer within the timeout is a failure, and the error does not repeat the URL', async () => {
    answer = () => ({ status: 200, delayMs: 1_000 });
    const error = await new WebhookChannelAdapter(url, 100).send(message).then(() => null, (e: Error) => e);
    expect(error?.message).toBe('webhook no answer within 100 ms');
  });

  it('an unreachable receiver is a failure without the URL (its query may hold a token)', async () => {
    const error = await new WebhookChannelAdapter('http://127.0.0.1:9/hook?token=secret').send(message).then(() => null, (e: Error) => e);
    expect(error?.message).toBe('webhook request failed');
  });
});
