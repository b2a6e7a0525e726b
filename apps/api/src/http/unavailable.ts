/**
 * Issue 14 item 9: while PostgreSQL or Redis cannot be reached, a request fails for a reason that is neither the
 * caller's nor a bug. It is answered 503 SERVICE_UNAVAILABLE with Retry-After, and the next request after the service
 * is back simply works: the pg pool drops broken clients and opens new ones, ioredis reconnects on its own.
 */
export const RETRY_AFTER_SECONDS = 5;

// SQLSTATE class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
// (starting up / shutting down), 53300 too many connections.
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
// Driver messages without a code: pg's "Connection terminated (unexpectedly)", "timeout exceeded when trying to
// connect", a client reused after its connection broke; ioredis' closed connection and retry exhaustion.
const MESSAGES = [
  /Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i, /Connection is closed/i, /MaxRetriesPerRequest/i, /enableOfflineQueue/i,
  /terminating connection/i, /the database system is (starting up|shutting down|in recovery mode)/i,
];

const RELEASED = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);

/** The error itself, the driver error TypeORM wraps, and any `cause`: a connection failure anywhere in the chain. */
export function isServiceUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: any = error;
  for (let depth = 0; e && typeof e === 'object' && !seen.has(e) && depth < 5; depth++) {
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    if (PG_UNAVAILABLE.test(code) || NET_CODES.has(code)) return true;
    // TypeORM releases a transaction's query runner when its connection dies between two statements; the next
    // statement (or the COMMIT, which then never reaches the server) fails with these instead of a driver error.
    if (RELEASED.has(e.name) || e.name === 'MaxRetriesPerRequestError') return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (MESSAGES.some((m) => m.test(message))) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner: unknown) => isServiceUnavailable(inner))) return true; // AggregateError
    e = e.driverError ?? e.cause;
  }
  return false;
}
