import { Client } from 'pg';
import { DomainError } from '@fuyi/kernel';
import { safeUrl } from '../queue/redis';

export async function assertPostgresReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    throw new DomainError('POSTGRES_UNREACHABLE', `无法连接 PostgreSQL（${safeUrl(url)}）：${(e as Error).message}`, 'unavailable');
  } finally {
    await client.end().catch(() => undefined);
  }
}
