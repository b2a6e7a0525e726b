import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { BeforeHookResult, HookContext } from '@bull-board/api/typings/app';
import { FastifyAdapter as BoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type Actor } from '@fuyi/kernel';
import { AuditService, AuthService, QueueName, QueueRegistry, RequestContext, UnitOfWork } from '@fuyi/platform';
import { authRequired, bearerToken, requireAdmin } from './admin-access';
import { BOARD_COOKIE, BOARD_PATH, BoardSessionService, cookieValue } from './board-session.service';

// Job payloads come from the outbox only (ids, checked by their consumer): the board may retry, clean or pause,
// but not write a payload of its own.
const PAYLOAD_WRITES = new Set(['/api/queues/:queueName/add', '/api/queues/:queueName/:jobId/update-data']);

/**
 * Bull Board at /api/admin/queues, on the raw Fastify instance (so Nest guards do not apply): an onRequest hook scoped
 * to the prefix requires an administrator, by access token or by the board cookie of POST /api/admin/queues-session.
 * Every action that changes a queue is written to the audit trail before it runs.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueueRegistry);
  const auth = app.get(AuthService);
  const sessions = app.get(BoardSessionService);
  const uow = app.get(UnitOfWork);
  const audit = app.get(AuditService);
  const logger = new Logger('QueueBoard');

  const serverAdapter = new BoardFastifyAdapter().setBasePath(BOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(queues.get(name))),
    serverAdapter,
    options: {
      uiConfig: { boardTitle: '复议 · 任务队列', locale: { lng: 'zh-CN' }, hideDocsLink: true },
      handlerHooks: {
        before: async ({ method, route, request }: HookContext): Promise<BeforeHookResult> => {
          if (method === 'get') return;
          if (PAYLOAD_WRITES.has(route)) return { allow: false, status: 403, message: '任务只能由系统经 outbox 产生，看板不能新增任务或修改任务数据' };
          const queue = typeof request.params.queueName === 'string' ? request.params.queueName : 'all';
          await uow.run((m) =>
            audit.record(m, {
              // The board's hooks see bull-board's request, not Fastify's: the actor admitted in onRequest below is
              // read back at this edge and passed on explicitly; the audit service itself never looks it up.
              actor: RequestContext.current()?.actor ?? null,
              action: 'ops.queue_board_action', subjectType: 'queue', subjectId: queue,
              summary: { method, route, jobId: request.params.jobId ?? null, status: request.params.queueStatus ?? null },
            }),
          );
        },
      },
    },
  });

  const admit = async (req: FastifyRequest): Promise<Actor> => {
    const token = bearerToken(req.headers.authorization);
    if (token) return requireAdmin(await auth.authenticate(token));
    const cookie = cookieValue(req.headers.cookie, BOARD_COOKIE);
    if (cookie) return sessions.authenticate(cookie);
    throw authRequired();
  };

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        try {
          RequestContext.setActor(await admit(req));
        } catch (e) {
          return sendError(req, reply, e, logger);
        }
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: BOARD_PATH },
  );
}

/** The api's common error body ({statusCode, code, message, requestId}); these routes never reach the Nest filter. */
function sendError(req: FastifyRequest, reply: FastifyReply, e: unknown, logger: Logger): FastifyReply {
  const requestId = String(req.id);
  let body: { statusCode: number; code: string; message: string };
  if (e instanceof DomainError && (e.kind === 'unauthenticated' || e.kind === 'forbidden')) {
    body = { statusCode: e.kind === 'unauthenticated' ? 401 : 403, code: e.code, message: e.message };
  } else {
    const err = e as Error;
    logger.error({ err: { name: err?.name, message: err?.message, stack: err?.stack }, requestId }, 'queue board access check failed');
    body = { statusCode: 500, code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号' };
  }
  return reply.code(body.statusCode).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send({ ...body, requestId });
}
