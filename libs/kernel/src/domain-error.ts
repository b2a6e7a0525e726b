/**
 * A failure the user can act on. `code` is stable (clients and tests key on it);
 * `message` is Chinese, written for a clerk. Only apps/api maps `kind` to an HTTP status.
 */
export type DomainErrorKind =
  | 'invalid' // 400/422: the request itself is wrong
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404 (also for records outside the caller's scope, so existence does not leak)
  | 'conflict' // 409: state or version conflict
  | 'unprocessable' // 422: well-formed but not acceptable now
  | 'too_large' // 413: an upload over its size limit
  | 'unsupported_type' // 415: an upload whose content is not an allowed type
  | 'range_not_satisfiable' // 416
  | 'locked' // 423
  | 'too_many_attempts' // 429
  | 'unavailable'; // 503

export interface FieldIssue {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly details?: { fields?: FieldIssue[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
