import { DomainError } from '@fuyi/kernel';

/** Channels a driver exists for; anything else in NOTIFY_CHANNELS is a configuration error. */
export const KNOWN_CHANNELS = ['sms', 'email', 'webhook'] as const;
export type ChannelName = (typeof KNOWN_CHANNELS)[number];

export interface NotificationSettings {
  /** External channels every in-app notification is also delivered through (may be empty). */
  channels: ChannelName[];
  webhookUrl: string | null;
  /** Attempts per delivery before it is dead-lettered. */
  maxAttempts: number;
}

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

/**
 * Channel settings from the environment. Temporary home: these belong in AppConfig (libs/platform),
 * which this library may not edit yet.
 */
export function notificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const problems: string[] = [];
  const raw = (env.NOTIFY_CHANNELS ?? 'sms,email').split(',').map((c) => c.trim()).filter(Boolean);
  const channels: ChannelName[] = [];
  for (const c of raw) {
    if (!(KNOWN_CHANNELS as readonly string[]).includes(c)) problems.push(`NOTIFY_CHANNELS 含未知渠道：${c}`);
    else if (!channels.includes(c as ChannelName)) channels.push(c as ChannelName);
  }
  const webhookUrl = env.WEBHOOK_URL?.trim() || null;
  if (webhookUrl) {
    if (!/^https?:\/\//i.test(webhookUrl) || !URL.canParse(webhookUrl)) problems.push('WEBHOOK_URL 必须是 http(s) 地址');
    if (!channels.includes('webhook')) channels.push('webhook');
  } else if (channels.includes('webhook')) {
    problems.push('NOTIFY_CHANNELS 含 webhook，但未设置 WEBHOOK_URL');
  }
  const maxAttempts = Number(env.DELIVERY_MAX_ATTEMPTS ?? 5);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) problems.push('DELIVERY_MAX_ATTEMPTS 应为 1 到 100 之间的整数');
  if (problems.length) throw new DomainError('CONFIG_INVALID', `配置错误：${problems.join('；')}`, 'invalid');
  return { channels, webhookUrl, maxAttempts };
}
