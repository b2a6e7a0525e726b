import { DomainError } from '@fuyi/kernel';

export const METRICS_SCRAPER_TOKEN = Symbol('METRICS_SCRAPER_TOKEN');

/**
 * The bearer a Prometheus scraper may present instead of an administrator's session (a scraper cannot log in).
 * Read here rather than in AppConfig for now; it belongs in AppConfig (`metricsToken`) with the other secrets.
 */
export function metricsScraperToken(env: NodeJS.ProcessEnv = process.env): string | null {
  const token = env.METRICS_TOKEN?.trim();
  if (!token) return null;
  if (token.length < 32) throw new DomainError('CONFIG_INVALID', '配置错误：METRICS_TOKEN 至少 32 个字符', 'invalid');
  return token;
}
