import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind } from '@fuyi/kernel';
import { ThrottlerException } from '@nestjs/throttler';
import { isServiceUnavailable, RETRY_AFTER_SECONDS } from './unavailable';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  range_not_satisfiable: HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
  locked: 423,
  too_many_attempts: 429,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

// 22003 numeric out of range, 22021 invalid byte sequence, 22P05 untranslatable character, 22P02 invalid text representation
const DATA_ERRORS = new Set(['22003', '22021', '22P05', '22P02']);
// 40001 serialization failure, 40P01 deadlock, 23505 unique violation (a concurrent insert won)
const CONFLICT_ERRORS = new Set(['40001', '40P01', '23505']);

const pgCode = (e: unknown): string => (e as { driverError?: { code?: string } })?.driverError?.code ?? '';

/** Code and Chinese message for an HTTP-level refusal (also used for Fastify's own errors, see fastify-errors.ts). */
export const HTTP_FALLBACK: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求格式不正确'],
  401: ['AUTH_REQUIRED', '请先登录'],
  403: ['FORBIDDEN', '无权执行此操作'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
  408: ['REQUEST_TIMEOUT', '请求超时，请重试'],
  413: ['PAYLOAD_TOO_LARGE', '提交的内容过大'],
  414: ['URI_TOO_LONG', '请求地址过长'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交'],
  429: ['RATE_LIMITED', '请求过于频繁，请稍后再试'],
  431: ['HEADERS_TOO_LARGE', '请求头过大'],
};

/**
 * The only place where domain errors become HTTP. Anything unexpected is logged with the request id
 * and answered with a generic message: no stack, no SQL, no personal data in the body.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const requestId = String(req.id);
    let status: number;
    let body: Record<string, unknown>;
    if (error instanceof DomainError) {
      status = STATUS[error.kind];
      const { fields, ...rest } = error.details ?? {};
      body = { code: error.code, message: error.message, ...(fields ? { fields } : {}), ...rest };
      if (typeof rest.retryAfterSeconds === 'number') void reply.header('retry-after', String(rest.retryAfterSeconds));
    } else if (error instanceof ThrottlerException) {
      status = 429;
      body = { code: 'RATE_LIMITED', message: HTTP_FALLBACK[429][1] };
    } else if (error instanceof HttpException && error.getStatus() < 500) {
      status = error.getStatus();
      const [code, message] = HTTP_FALLBACK[status] ?? ['HTTP_ERROR', '请求无法处理'];
      body = { code, message };
    } else if (isClientBodyError(error)) {
      status = (error as { statusCode: number }).statusCode;
      const [code, message] = HTTP_FALLBACK[status] ?? ['BAD_REQUEST', '请求格式不正确'];
      body = { code, message };
    } else if (isServiceUnavailable(error)) {
      // The database or Redis cannot be reached right now; the transaction did not complete, the caller may retry
      // (with the same Idempotency-Key where the route takes one). Issue 14 item 9.
      status = 503;
      body = { code: 'SERVICE_UNAVAILABLE', message: '系统暂时无法连接数据库或缓存，请稍后重试' };
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      this.logger.warn({ err: { name: (error as Error)?.name, message: (error as Error)?.message }, requestId }, 'service unavailable');
    } else if (DATA_ERRORS.has(pgCode(error))) {
      // Safety net: a value the database cannot hold (numeric overflow, bad encoding) is the request's fault.
      status = 400;
      body = { code: 'VALUE_OUT_OF_RANGE', message: '提交的数值或字符超出允许范围' };
    } else if (pgCode(error) === '23503') {
      // Safety net behind the explicit checks: a reference to a record that does not exist (foreign key, issue 14 item 11).
      status = 422;
      body = { code: 'REFERENCE_NOT_FOUND', message: '引用的记录不存在' };
    } else if (CONFLICT_ERRORS.has(pgCode(error))) {
      // Two requests touched the same records at once (deadlock, serialization failure, unique race): retryable.
      status = 409;
      body = { code: 'CONCURRENT_UPDATE', message: '该记录正被他人同时修改，请刷新后重试' };
    } else {
      status = 500;
      // Only name, message and stack: a QueryFailedError also carries the SQL parameters (personal data).
      const e = error as Error;
      this.logger.error({ err: { name: e?.name, message: e?.message, stack: e?.stack }, requestId }, 'unhandled error');
      body = { code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号' };
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send({ statusCode: status, ...body, requestId });
  }
}

/** Fastify's own errors for malformed JSON, wrong content type or oversize bodies carry a 4xx statusCode. */
function isClientBodyError(e: unknown): boolean {
  const code = (e as { statusCode?: number })?.statusCode;
  return typeof code === 'number' && code >= 400 && code < 500;
}
