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
import { clientRequestIdOf, requestIdOf } from './http/request-id';
import { registerBodyParsers } from './http/json-depth';
import { mountQueueBoard } from './ops/queue-board';

/** Builds the HTTP application; used by main.ts and by the end-to-end tests, so both run the same thing. */
export async function createApp(config: AppConfig, opts: { rateLimitPerMinute?: number } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1_048_576, trustProxy: config.trustProxy, genReqId: requestIdOf, frameworkErrors, clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, opts), adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  registerBodyParsers(fastify);
  // Every request runs inside its own context so audit rows can carry the request id.
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', String(req.id));
    const clientRequestId = clientRequestIdOf(req.raw);
    if (clientRequestId) reply.header('x-client-request-id', clientRequestId);
    RequestContext.run({ requestId: String(req.id), clientRequestId }, done);
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
  if (config.swaggerEnabled) mountSwagger(app);
  return app;
}

/** Swagger UI and /docs-json; off in production unless SWAGGER_ENABLED=true (issue 14 item 13). */
function mountSwagger(app: NestFastifyApplication): void {
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
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
}
