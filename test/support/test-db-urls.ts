import { APP_DB_ROLE } from '@fuyi/platform';

/** Tests talk to the real PostgreSQL; TEST_PG_URL points at the server (owner role), default localhost with trust auth. */
const SERVER = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function ownerUrlFor(db: string): string {
  const u = new URL(SERVER);
  u.pathname = `/${db}`;
  return u.toString();
}

export function appUrlFor(db: string): string {
  const u = new URL(ownerUrlFor(db));
  u.username = APP_DB_ROLE;
  u.password = process.env.TEST_APP_DB_PASSWORD ?? '';
  return u.toString();
}

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
