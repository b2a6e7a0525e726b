import { loadConfig } from '../config/app-config';

/** Settings are checked at startup: a typo stops the process with a Chinese message naming the variable. */
describe('loadConfig: mediation and group-dispute settings', () => {
  const load = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'test', ...env });

  it('defaults when unset', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect(c.groupDispute).toEqual({ minRecords: 5, windowDays: 30, similarity: 0.5, scanMs: 60_000 });
    expect([c.mediationDaysBeforeFiling, c.mediationDaysInCase]).toEqual([30, 15]);
  });

  it('takes valid values', () => {
    const c = loadConfig({ NODE_ENV: 'test', GROUP_DISPUTE_MIN_RECORDS: '8', GROUP_DISPUTE_SIMILARITY: '0.65', MEDIATION_DAYS_IN_CASE: '20' });
    expect(c.groupDispute).toMatchObject({ minRecords: 8, similarity: 0.65 });
    expect(c.mediationDaysInCase).toBe(20);
  });

  it.each([
    ['GROUP_DISPUTE_MIN_RECORDS', 'abc'],
    ['GROUP_DISPUTE_MIN_RECORDS', '1'],
    ['GROUP_DISPUTE_MIN_RECORDS', '5.5'],
    ['GROUP_DISPUTE_WINDOW_DAYS', '0'],
    ['GROUP_DISPUTE_WINDOW_DAYS', '400'],
    ['GROUP_DISPUTE_SIMILARITY', '1.5'],
    ['GROUP_DISPUTE_SIMILARITY', 'high'],
    ['GROUP_DISPUTE_SIMILARITY', '0'],
    ['GROUP_DISPUTE_SCAN_MS', ''],
    ['GROUP_DISPUTE_SCAN_MS', '10'],
    ['MEDIATION_DAYS_BEFORE_FILING', '-3'],
    ['MEDIATION_DAYS_BEFORE_FILING', ' '],
    ['MEDIATION_DAYS_IN_CASE', '7.5'],
    ['MEDIATION_DAYS_IN_CASE', 'NaN'],
  ])('%s=%j stops the start with CONFIG_INVALID naming it', (name, value) => {
    expect(load({ [name]: value })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(`${name} 应为`) }));
  });

  it('names every wrong setting at once', () => {
    expect(load({ GROUP_DISPUTE_MIN_RECORDS: 'abc', MEDIATION_DAYS_IN_CASE: '0' })).toThrow(/MEDIATION_DAYS_IN_CASE.*；.*GROUP_DISPUTE_MIN_RECORDS/);
  });
});

/** Issue 14 item 13: production refuses the public development secrets and checks every number. */
describe('loadConfig: production settings', () => {
  const key = (n: number) => Buffer.alloc(32, n).toString('base64');
  const prod = {
    NODE_ENV: 'production', DATABASE_URL: 'postgres://fuyi_app:x@db/fuyi', OWNER_DATABASE_URL: 'postgres://postgres:y@db/fuyi',
    JWT_SECRET: 'a-real-secret-of-at-least-thirty-two-characters', DATA_KEY: key(1), AUDIT_KEY: key(2),
  };

  it('a complete production configuration loads, with Swagger off and the app role', () => {
    const c = loadConfig(prod);
    expect(c).toMatchObject({ env: 'production', swaggerEnabled: false, connectsAsOwner: false });
    expect(loadConfig({ ...prod, SWAGGER_ENABLED: 'true' }).swaggerEnabled).toBe(true);
    expect(loadConfig({ ...prod, DATABASE_URL: 'postgres://postgres:y@db/fuyi' }).connectsAsOwner).toBe(true);
  });

  it.each([
    ['JWT_SECRET', 'fuyi-dev-jwt-secret-do-not-use-in-production', 'JWT_SECRET 不得使用开发默认值'],
    ['DATA_KEY', Buffer.alloc(32, 7).toString('base64'), 'DATA_KEY 不得使用开发默认值'],
    ['AUDIT_KEY', Buffer.alloc(32, 9).toString('base64'), 'AUDIT_KEY 不得使用开发默认值'],
    ['AUDIT_KEY', Buffer.alloc(32, 1).toString('base64'), 'AUDIT_KEY 不得与 DATA_KEY 相同'],
    ['ACCESS_TOKEN_TTL_SECONDS', '0', 'ACCESS_TOKEN_TTL_SECONDS 应为'],
    ['REFRESH_TOKEN_TTL_SECONDS', '600', 'REFRESH_TOKEN_TTL_SECONDS 应大于'],
    ['RATE_LIMIT_PER_MINUTE', 'many', 'RATE_LIMIT_PER_MINUTE 应为'],
    ['OUTBOX_POLL_MS', '-1', 'OUTBOX_POLL_MS 应为'],
    ['REMINDER_SCAN_MS', '1.5', 'REMINDER_SCAN_MS 应为'],
    ['AUTH_COOKIE_SECURE', 'sometimes', 'AUTH_COOKIE_SECURE 应为 auto、always 或 never'],
    ['AUTH_COOKIE_SECURE', 'never', '生产环境中 AUTH_COOKIE_SECURE 不能为 never'],
  ])('%s=%j is refused', (name, value, message) => {
    expect(() => loadConfig({ ...prod, [name]: value, ...(name === 'REFRESH_TOKEN_TTL_SECONDS' ? { ACCESS_TOKEN_TTL_SECONDS: '900' } : {}) }))
      .toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(message) }));
  });

  it('a missing AUDIT_KEY stops production', () => {
    const { AUDIT_KEY: _, ...rest } = prod;
    expect(() => loadConfig(rest)).toThrow(/缺少必需的环境变量 AUDIT_KEY/);
  });

  it('the refresh cookie is Secure always in production (a TLS proxy without TRUST_PROXY), by the request elsewhere', () => {
    expect(loadConfig(prod).authCookieSecure).toBe('always');
    expect(loadConfig({ ...prod, AUTH_COOKIE_SECURE: 'auto' }).authCookieSecure).toBe('auto');
    expect(loadConfig({}).authCookieSecure).toBe('auto'); // npm run demo on http://localhost
    expect(loadConfig({ NODE_ENV: 'test' }).authCookieSecure).toBe('auto');
    expect(loadConfig({ AUTH_COOKIE_SECURE: 'never' }).authCookieSecure).toBe('never');
  });
});
