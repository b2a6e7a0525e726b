import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
const ID = Symbol('fuyi.requestId');

/** One id per request, shared by Fastify, the logger and audit rows; a caller's X-Request-Id is kept if sane. */
export function requestIdOf(req: IncomingMessage): string {
  const raw = req as IncomingMessage & { [ID]?: string };
  if (raw[ID]) return raw[ID];
  const given = req.headers['x-request-id'];
  return (raw[ID] = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID());
}
