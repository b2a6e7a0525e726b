import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_FALLBACK } from './domain-error.filter';

/**
 * Errors Fastify raises before Nest sees the request (a path parameter over the router's limit, a malformed URL, a
 * request the HTTP parser rejects): answered in our error shape, in Chinese, never echoing the URL or the body.
 * Malformed JSON, wrong content type and oversize bodies reach Nest and DomainErrorFilter already.
 */
function errorBody(status: number, requestId: string) {
  const [code, message] = HTTP_FALLBACK[status] ?? HTTP_FALLBACK[400];
  return { statusCode: status, code, message, requestId };
}

/** Fastify's `frameworkErrors`: FST_ERR_BAD_URL, FST_ERR_MAX_PARAM_LENGTH, FST_ERR_ASYNC_CONSTRAINT. */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  void reply.status(status).header('content-type', 'application/json; charset=utf-8').header('x-request-id', String(req.id))
    .send(errorBody(status, String(req.id)));
}

const PARSER_STATUS: Record<string, number> = { ERR_HTTP_REQUEST_TIMEOUT: 408, HPE_HEADER_OVERFLOW: 431 };

/** Fastify's `clientErrorHandler`: the request never became one (e.g. raw non-ASCII bytes in the URL), so write to the socket. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = PARSER_STATUS[error.code ?? ''] ?? 400;
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(status, requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
