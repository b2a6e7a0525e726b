import { loadConfig } from '@fuyi/platform';
import { ChannelRegistry, LogChannelAdapter, WebhookChannelAdapter } from '@fuyi/notifications';

/** The channel settings are AppConfig's (issue 19 item 6): read and checked at boot with the rest. */
const notificationSettings = (env: NodeJS.ProcessEnv) => loadConfig(env).notifications;

describe('AppConfig.notifications (environment → channels)', () => {
  it('defaults to SMS and e-mail, five attempts, no webhook', () => {
    expect(notificationSettings({})).toEqual({ channels: ['sms', 'email'], webhookUrl: null, maxAttempts: 5 });
  });

  it('adds the webhook channel when WEBHOOK_URL is set, once', () => {
    expect(notificationSettings({ WEBHOOK_URL: 'https://hooks.example.org/fuyi' }).channels).toEqual(['sms', 'email', 'webhook']);
    expect(notificationSettings({ NOTIFY_CHANNELS: 'webhook, sms,sms', WEBHOOK_URL: 'http://127.0.0.1:9/x' }).channels).toEqual(['webhook', 'sms']);
  });

  it('an empty list turns external channels off', () => {
    expect(notificationSettings({ NOTIFY_CHANNELS: '' }).channels).toEqual([]);
  });

  it('refuses unknown channels, a webhook without URL, a bad URL and a bad attempt count, naming each problem', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        notificationSettings(env);
        return null;
      } catch (e) {
        return { code: (e as { code: string }).code, message: (e as Error).message };
      }
    };
    expect(problems({ NOTIFY_CHANNELS: 'sms,fax' })).toEqual({ code: 'CONFIG_INVALID', message: expect.stringContaining('fax') });
    expect(problems({ NOTIFY_CHANNELS: 'webhook' })?.message).toContain('WEBHOOK_URL');
    expect(problems({ WEBHOOK_URL: 'ftp://example.org' })?.message).toContain('WEBHOOK_URL');
    for (const bad of ['0', '-1', '2.5', 'many', '101']) expect(problems({ DELIVERY_MAX_ATTEMPTS: bad })?.message).toContain('DELIVERY_MAX_ATTEMPTS');
    expect(notificationSettings({ DELIVERY_MAX_ATTEMPTS: '3' }).maxAttempts).toBe(3);
  });

  it('the registry has the log driver for SMS and e-mail and the webhook driver for the webhook', () => {
    const registry = ChannelRegistry.fromSettings(notificationSettings({ WEBHOOK_URL: 'https://hooks.example.org/fuyi' }));
    expect(registry.get('sms')).toBeInstanceOf(LogChannelAdapter);
    expect(registry.get('email')).toBeInstanceOf(LogChannelAdapter);
    expect(registry.get('webhook')).toBeInstanceOf(WebhookChannelAdapter);
    expect(registry.get('fax')).toBeUndefined();
  });
});
