import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import { Logger } from 'nestjs-pino';
import { RequestContext, type AppConfig } from '@fuyi/platform';
import { AppModule } from './app.module';
import { DomainErrorFilter } from './http/domain-error.filter';
import { createValidationPipe, RejectNulCharactersPipe } from './http/validation';
import { RejectControlCharactersPipe } from './http/control-characters.pipe';
import { BlankTextPipe } from './http/blank-text.pipe';
import { clientErrorHandler, frameworkErrors } from './http/fastify-errors';
import { ErrorBodyDto } from './http/error-body';
import { requestIdOf } from './http/request-id';
import { mountQueueBoard } from './ops/queue-board';
import { API_PREFIX, UNPREFIXED_ROUTES } from './http/api-prefix';

/** Builds the HTTP application; used by main.ts and by the end-to-end tests, so both run the same thing. */
export async function createApp(config: AppConfig, opts: { rateLimitPerMinute?: number } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1_048_576, trustProxy: config.trustProxy, genReqId: requestIdOf, frameworkErrors, clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, opts), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // Every request runs inside its own context so audit rows can carry the request id.
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', String(req.id));
    RequestContext.run({ requestId: String(req.id) }, done);
  });
  await app.register(helmet as any, {
    contentSecurityPolicy: {
      directives: { defaultSrc: [`'self'`], styleSrc: [`'self'`, `'unsafe-inline'`], imgSrc: [`'self'`, 'data:'], scriptSrc: [`'self'`, `'unsafe-inline'`], upgradeInsecureRequests: null },
    },
  });
  await mountQueueBoard(app); // raw Fastify routes under /admin/queues, guarded by their own hook
  app.useGlobalPipes(new RejectNulCharactersPipe(), new RejectControlCharactersPipe(), new BlankTextPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  // The API lives under /api so that / is free for the web console; probes and the Prometheus scrape stay where
  // operators expect them (GET /health/live, /health/ready, /metrics). See API_PREFIX.
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('复议 Fuyi API')
      .setDescription('行政复议与行政争议调解案件管理系统。所有错误返回统一结构（code 稳定，message 为中文说明，requestId 便于排查）。')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBodyDto] },
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, doc, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return app;
}
