import { RequestMethod } from '@nestjs/common';

/** Every API route is served under /api; / belongs to the web console. */
export const API_PREFIX = 'api';

/** Routes operators and probes expect at the root: liveness/readiness (Docker, Kubernetes) and the Prometheus scrape. */
export const UNPREFIXED_ROUTES = [
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
];

/** The path a client calls for an API path written without the prefix (tests, scripts): '/cases' → '/api/cases'. */
export function apiPath(path: string): string {
  if (/^\/(health\/(live|ready)|metrics)(\?|$)/.test(path)) return path;
  return `/${API_PREFIX}${path}`;
}
