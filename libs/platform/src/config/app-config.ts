import { DomainError } from '@fuyi/kernel';

/** One typed, validated configuration for api, worker, CLI and scripts. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  /** Listen address of the api (0.0.0.0 in a container). */
  host: string;
  /**
   * Fastify trustProxy: which proxies may set X-Forwarded-For (false, a hop count, or addresses). Rate limits key
   * on the client address, so trusting every caller would let anyone pick a fresh address per request.
   */
  trustProxy: boolean | number | string;
  /**
   * The refresh cookie's Secure attribute (AUTH_COOKIE_SECURE): `always`, `never`, or `auto` (only when the request
   * came over https, directly or as a trusted proxy says). Default `always` in production: behind a TLS proxy without
   * TRUST_PROXY the api sees plain http and `auto` would send the token without Secure. Browsers accept a Secure cookie
   * from http://localhost, so a production build tried there still signs in. `auto` elsewhere (the demo, tests).
   */
  authCookieSecure: 'auto' | 'always' | 'never';
  /** Per client address and minute, on login, refresh and the public status lookup. */
  rateLimitPerMinute: number;
  /** Office prefix of case numbers (通复〔2026〕第00012号). */
  caseNumberPrefix: string;
  outboxPollMs: number;
  /** Test mode only (FUYI_NOW): the instant deadline work takes as "now". */
  fixedNow: Date | null;
  /** How often the worker scans for due reminder milestones. */
  reminderScanMs: number;
  /** Recovery after Redis lost its jobs: how often to look, and how long work may sit in Postgres unpublished. */
  recoverySweepMs: number;
  recoveryStaleSeconds: number;
  /** Connection used by api and worker: the application role, which cannot alter audit rows. */
  databaseUrl: string;
  /** Connection used by migrations and set-up: the schema owner. */
  ownerDatabaseUrl: string;
  redisUrl: string;
  /** Prefix for every BullMQ key, so that several deployments or test runs can share one Redis. */
  queuePrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** 32 bytes, base64 or hex: key material for field encryption and blind indexes. */
  dataKey: Buffer;
  /**
   * 32 bytes, base64 or hex: seals each audit chain's head (audit_heads.mac), so that removing the last rows of a chain
   * is detected (issue 14 item 6). Never stored in the database.
   */
  auditKey: Buffer;
  logLevel: string;
  /** ARL 88(2) setting: official make-up workdays count as working days. */
  makeUpDaysCount: boolean;
  /** Policy: working days a department has to answer a court-liaison risk notice (default 15). */
  riskNoticeResponseDays: number;
  /** Policy (issue #5): mediation time limits in calendar days from when the mediator takes the file (30 / 15). */
  mediationDaysBeforeFiling: number;
  mediationDaysInCase: number;
  /** Group disputes (issue 6, item 4): N records against one respondent about one act, project or place within M days. */
  groupDispute: { minRecords: number; windowDays: number; similarity: number; scanMs: number };
  /**
   * Issue 15 item 6: how long operational history is kept (reminder milestones, reminders, in-app notifications and
   * their deliveries: RETENTION_DAYS, at least 180; published outbox rows and used idempotency keys: OUTBOX_RETENTION_DAYS).
   * Cases, their events and the audit log are never purged.
   */
  retention: { days: number; outboxDays: number };
  /** Connections each api or worker process may open to PostgreSQL (DATABASE_POOL_MAX); size against max_connections. */
  databasePoolMax: number;
  /** Swagger UI and /docs-json: on outside production; in production only with SWAGGER_ENABLED=true (issue 14 item 13). */
  swaggerEnabled: boolean;
  /** The api's database user is the schema owner (it could drop the audit log): main.ts warns (issue 14 item 13). */
  connectsAsOwner: boolean;
  /** Issue 18: where uploaded materials are kept and how large they may be (libs/files README). */
  files: FilesConfig;
  /** External notification channels (libs/notifications): NOTIFY_CHANNELS, WEBHOOK_URL, DELIVERY_MAX_ATTEMPTS. */
  notifications: NotificationsConfig;
}

/** Channels libs/notifications has a driver for; anything else in NOTIFY_CHANNELS stops the start. */
export const NOTIFY_CHANNEL_NAMES = ['sms', 'email', 'webhook'] as const;
export type NotifyChannelName = (typeof NOTIFY_CHANNEL_NAMES)[number];

export interface NotificationsConfig {
  /** External channels every in-app notification is also delivered through (may be empty); webhook when WEBHOOK_URL is set. */
  channels: NotifyChannelName[];
  webhookUrl: string | null;
  /** Attempts per delivery before it is dead-lettered. */
  maxAttempts: number;
}

export interface FilesConfig {
  /** FILES_DRIVER: a local directory (default) or S3-compatible object storage. */
  driver: 'local' | 's3';
  /** FILES_DIR: the local driver's directory (content-addressed blobs and a tmp/ beside them). */
  dir: string;
  /** FILES_MAX_MB / FILES_CASE_MAX_MB: one file, and all files of one owner (a case, a mediation file...). */
  maxFileBytes: number;
  maxOwnerBytes: number;
  /** FILES_SWEEP_GRACE_SECONDS: a blob without a row older than this is an orphan (a failed transaction) and removed. */
  sweepGraceSeconds: number;
  s3: { endpoint?: string; region: string; bucket: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
  /** FILES_CLAMD_HOST[:FILES_CLAMD_PORT]: scan every upload with ClamAV's clamd; off when unset. */
  clamd: { host: string; port: number } | null;
}

const DEV_JWT_SECRET = 'fuyi-dev-jwt-secret-do-not-use-in-production';
const DEV_DATA_KEY = Buffer.alloc(32, 7).toString('base64');
export const DEV_AUDIT_KEY = Buffer.alloc(32, 9).toString('base64');
export const APP_DB_ROLE = 'fuyi_app';

function parseKey(raw: string): Buffer | undefined {
  const hex = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : undefined;
  const key = hex ?? Buffer.from(raw, 'base64');
  return key.length === 32 ? key : undefined;
}

function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  return u.toString();
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode = (env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development') as AppConfig['env'];
  const problems: string[] = [];
  const required = (name: string, devDefault: string): string => {
    const value = env[name];
    if (value) return value;
    if (mode === 'production') problems.push(`缺少必需的环境变量 ${name}`);
    return devDefault;
  };
  const ownerDatabaseUrl = env.OWNER_DATABASE_URL ?? env.DATABASE_OWNER_URL ?? 'postgres://postgres@127.0.0.1:5432/fuyi';
  const databaseUrl = env.DATABASE_URL ?? (mode === 'production' ? required('DATABASE_URL', '') : withUser(ownerDatabaseUrl, APP_DB_ROLE));
  const jwtSecret = required('JWT_SECRET', DEV_JWT_SECRET);
  const rawKey = required('DATA_KEY', DEV_DATA_KEY);
  const dataKey = parseKey(rawKey);
  if (!dataKey) problems.push('DATA_KEY 必须是 32 字节的密钥（base64 或 64 位十六进制）');
  const auditKey = parseKey(required('AUDIT_KEY', DEV_AUDIT_KEY));
  if (!auditKey) problems.push('AUDIT_KEY 必须是 32 字节的密钥（base64 或 64 位十六进制）');
  // Issue 14 item 13: the development values are public (they are in this file); production refuses them.
  if (mode === 'production') {
    if (jwtSecret === DEV_JWT_SECRET) problems.push('JWT_SECRET 不得使用开发默认值');
    if (rawKey === DEV_DATA_KEY || dataKey?.equals(Buffer.from(DEV_DATA_KEY, 'base64'))) problems.push('DATA_KEY 不得使用开发默认值');
    if (auditKey?.equals(Buffer.from(DEV_AUDIT_KEY, 'base64'))) problems.push('AUDIT_KEY 不得使用开发默认值');
    if (auditKey && dataKey && auditKey.equals(dataKey)) problems.push('AUDIT_KEY 不得与 DATA_KEY 相同');
  }
  if (mode === 'production' && jwtSecret.length < 32) problems.push('JWT_SECRET 至少 32 个字符');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) problems.push(`PORT 无效：${env.PORT}`);
  const riskDays = Number(env.RISK_NOTICE_RESPONSE_DAYS ?? 15);
  if (!Number.isInteger(riskDays) || riskDays < 1 || riskDays > 90) problems.push(`RISK_NOTICE_RESPONSE_DAYS 应为 1 到 90 之间的整数：${env.RISK_NOTICE_RESPONSE_DAYS}`);
  // Settings of mediation and group-dispute detection: a typo must stop the start, not become NaN or 0 ("every 0 ms").
  const setting = (name: string, fallback: number, min: number, max: number, integer = true): number => {
    const raw = env[name];
    const value = raw === undefined ? fallback : raw.trim() === '' ? NaN : Number(raw);
    if (!(integer ? Number.isInteger(value) : Number.isFinite(value)) || value < min || value > max) {
      problems.push(`${name} 应为 ${min} 到 ${max} 之间的${integer ? '整数' : '数'}：${raw}`);
    }
    return value;
  };
  // Issue 14 item 13: every numeric setting is checked, token lifetimes included.
  const rateLimitPerMinute = setting('RATE_LIMIT_PER_MINUTE', 30, 1, 100_000);
  const outboxPollMs = setting('OUTBOX_POLL_MS', 500, 10, 60_000);
  const reminderScanMs = setting('REMINDER_SCAN_MS', 5000, 100, 3_600_000);
  const recoverySweepMs = setting('RECOVERY_SWEEP_MS', 60_000, 100, 86_400_000);
  const recoveryStaleSeconds = setting('RECOVERY_STALE_SECONDS', 120, 1, 86_400);
  const accessTokenTtlSeconds = setting('ACCESS_TOKEN_TTL_SECONDS', 900, 60, 86_400);
  const refreshTokenTtlSeconds = setting('REFRESH_TOKEN_TTL_SECONDS', 7 * 86400, 300, 90 * 86400);
  if (refreshTokenTtlSeconds <= accessTokenTtlSeconds) problems.push('REFRESH_TOKEN_TTL_SECONDS 应大于 ACCESS_TOKEN_TTL_SECONDS');
  const mediationDaysBeforeFiling = setting('MEDIATION_DAYS_BEFORE_FILING', 30, 1, 180);
  const mediationDaysInCase = setting('MEDIATION_DAYS_IN_CASE', 15, 1, 90);
  const groupDispute = {
    minRecords: setting('GROUP_DISPUTE_MIN_RECORDS', 5, 2, 1000),
    windowDays: setting('GROUP_DISPUTE_WINDOW_DAYS', 30, 1, 365),
    similarity: setting('GROUP_DISPUTE_SIMILARITY', 0.5, 0.1, 1, false),
    scanMs: setting('GROUP_DISPUTE_SCAN_MS', 60_000, 1000, 86_400_000),
  };
  const authCookieSecure = (env.AUTH_COOKIE_SECURE || (mode === 'production' ? 'always' : 'auto')) as AppConfig['authCookieSecure'];
  if (!['auto', 'always', 'never'].includes(authCookieSecure)) problems.push('AUTH_COOKIE_SECURE 应为 auto、always 或 never');
  // In production the refresh token never travels without Secure: `never` would undo the setting's purpose.
  else if (mode === 'production' && authCookieSecure === 'never') problems.push('生产环境中 AUTH_COOKIE_SECURE 不能为 never（刷新令牌 Cookie 必须带 Secure）');
  const databasePoolMax = setting('DATABASE_POOL_MAX', 20, 2, 500);
  const retention = { days: setting('RETENTION_DAYS', 400, 180, 36_500), outboxDays: setting('OUTBOX_RETENTION_DAYS', 7, 1, 3650) };
  const filesDriver = env.FILES_DRIVER ?? 'local';
  if (filesDriver !== 'local' && filesDriver !== 's3') problems.push(`FILES_DRIVER 应为 local 或 s3：${filesDriver}`);
  if (filesDriver === 's3' && !env.FILES_S3_BUCKET) problems.push('FILES_DRIVER=s3 时须设置 FILES_S3_BUCKET');
  const files: FilesConfig = {
    driver: filesDriver as FilesConfig['driver'],
    dir: env.FILES_DIR ?? 'var/files',
    maxFileBytes: setting('FILES_MAX_MB', 100, 1, 10_240) * 1_048_576,
    maxOwnerBytes: setting('FILES_CASE_MAX_MB', 2048, 1, 1_048_576) * 1_048_576,
    sweepGraceSeconds: setting('FILES_SWEEP_GRACE_SECONDS', 3600, 1, 30 * 86_400),
    s3: {
      endpoint: env.FILES_S3_ENDPOINT || undefined, region: env.FILES_S3_REGION ?? 'us-east-1', bucket: env.FILES_S3_BUCKET ?? '',
      accessKeyId: env.FILES_S3_ACCESS_KEY_ID || undefined, secretAccessKey: env.FILES_S3_SECRET_ACCESS_KEY || undefined,
      forcePathStyle: env.FILES_S3_FORCE_PATH_STYLE !== 'false',
    },
    clamd: env.FILES_CLAMD_HOST ? { host: env.FILES_CLAMD_HOST, port: setting('FILES_CLAMD_PORT', 3310, 1, 65_535) } : null,
  };
  const notifications = notificationsConfig(env, problems, setting('DELIVERY_MAX_ATTEMPTS', 5, 1, 100));
  if (problems.length) {
    throw new DomainError('CONFIG_INVALID', `配置错误：${problems.join('；')}`, 'invalid');
  }
  return {
    env: mode,
    port,
    host: env.HOST ?? '127.0.0.1',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    authCookieSecure,
    rateLimitPerMinute,
    caseNumberPrefix: env.CASE_NUMBER_PREFIX ?? '通复',
    outboxPollMs,
    fixedNow: mode === 'test' && env.FUYI_NOW ? new Date(env.FUYI_NOW) : null,
    reminderScanMs,
    recoverySweepMs,
    recoveryStaleSeconds,
    databaseUrl,
    ownerDatabaseUrl,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: env.QUEUE_PREFIX ?? 'fuyi',
    jwtSecret,
    accessTokenTtlSeconds,
    refreshTokenTtlSeconds,
    dataKey: dataKey as Buffer,
    auditKey: auditKey as Buffer,
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    makeUpDaysCount: env.MAKE_UP_DAYS_COUNT !== 'false',
    riskNoticeResponseDays: riskDays,
    mediationDaysBeforeFiling,
    mediationDaysInCase,
    groupDispute,
    retention,
    databasePoolMax,
    swaggerEnabled: mode !== 'production' || env.SWAGGER_ENABLED === 'true',
    connectsAsOwner: userOf(databaseUrl) === userOf(ownerDatabaseUrl),
    files,
    notifications,
  };
}

/** NOTIFY_CHANNELS (default sms,email; unknown names refused, repeats dropped) and WEBHOOK_URL (adds the webhook channel). */
function notificationsConfig(env: NodeJS.ProcessEnv, problems: string[], maxAttempts: number): NotificationsConfig {
  const raw = (env.NOTIFY_CHANNELS ?? 'sms,email').split(',').map((c) => c.trim()).filter(Boolean);
  const channels: NotifyChannelName[] = [];
  for (const c of raw) {
    if (!(NOTIFY_CHANNEL_NAMES as readonly string[]).includes(c)) problems.push(`NOTIFY_CHANNELS 含未知渠道：${c}`);
    else if (!channels.includes(c as NotifyChannelName)) channels.push(c as NotifyChannelName);
  }
  const webhookUrl = env.WEBHOOK_URL?.trim() || null;
  if (webhookUrl) {
    if (!/^https?:\/\//i.test(webhookUrl) || !URL.canParse(webhookUrl)) problems.push('WEBHOOK_URL 必须是 http(s) 地址');
    if (!channels.includes('webhook')) channels.push('webhook');
  } else if (channels.includes('webhook')) {
    problems.push('NOTIFY_CHANNELS 含 webhook，但未设置 WEBHOOK_URL');
  }
  return { channels, webhookUrl, maxAttempts };
}

function userOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username);
  } catch {
    return '';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
