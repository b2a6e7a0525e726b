import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import { CSP_DIRECTIVES, FRAMEGUARD, relaxScriptsForSwaggerUi } from './http/content-security';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { Logger } from 'nestjs-pino';
import { RequestContext, type AppConfig } from '@fuyi/platform';
import { AppModule } from './app.module';
import { DomainErrorFilter } from './http/domain-error.filter';
import { createValidationPipe, RejectNulCharactersPipe } from './http/validation';
import { RejectControlCharactersPipe } from './http/control-characters.pipe';
import { BlankTextPipe } from './http/blank-text.pipe';
import { clientErrorHandler, frameworkErrors } from './http/fastify-errors';
import { clientRequestIdOf, requestIdOf } from './http/request-id';
import { registerBodyParsers } from './http/json-depth';
import { mountQueueBoard } from './ops/queue-board';
import { API_PREFIX, UNPREFIXED_ROUTES } from './http/api-prefix';
import { buildOpenApiDocument } from './http/openapi';
import { mountWebConsole } from './http/web-console';

const openApiDocuments = new WeakMap<NestFastifyApplication, () => OpenAPIObject>();
/**
 * The app's OpenAPI document (served at /api/docs-json when Swagger is on; read by the contract tests), built on first
 * use: scanning every route's metadata is about a second of CPU, which an api that never serves it need not spend.
 */
export const openApiDocumentOf = (app: NestFastifyApplication): OpenAPIObject | undefined => openApiDocuments.get(app)?.();

export interface CreateAppOptions {
  rateLimitPerMinute?: number;
  /** The built web console to serve at / (dist/web); none when absent (the e2e tests, an api-only deployment). */
  webRoot?: string;
}

/** Whether createApp found a built web console to serve (main.ts prints its URL). */
export const servesWebConsole = new WeakMap<NestFastifyApplication, boolean>();

/** Builds the HTTP application; used by main.ts and by the end-to-end tests, so both run the same thing. */
export async function createApp(config: AppConfig, opts: CreateAppOptions = {}): Promise<NestFastifyApplication> {
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
  await app.register(helmet as any, { contentSecurityPolicy: { directives: CSP_DIRECTIVES }, frameguard: FRAMEGUARD });
  relaxScriptsForSwaggerUi(fastify);
  // The refresh token's HttpOnly cookie (POST /api/auth/login, /refresh, /logout; apps/api/src/http/refresh-cookie.ts).
  await app.register(fastifyCookie as never);
  // Uploads (issue 18): streamed part by part, never buffered; libs/files counts the bytes against FILES_MAX_MB and
  // answers 413 itself, so busboy's own limit is only a backstop above it.
  await app.register(fastifyMultipart as never, {
    limits: { files: 1, fields: 8, fieldSize: 1024, parts: 10, fileSize: config.files.maxFileBytes + 1_048_576, headerPairs: 100 },
  });
  servesWebConsole.set(app, opts.webRoot ? await mountWebConsole(app, opts.webRoot) : false);
  await mountQueueBoard(app); // raw Fastify routes under /api/admin/queues, guarded by their own hook
  app.useGlobalPipes(new RejectNulCharactersPipe(), new RejectControlCharactersPipe(), new BlankTextPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  // The API lives under /api so that / is free for the web console; probes and the Prometheus scrape stay where
  // operators expect them (GET /health/live, /health/ready, /metrics). See API_PREFIX.
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  let doc: OpenAPIObject | undefined;
  const document = () => (doc ??= buildOpenApiDocument(app));
  openApiDocuments.set(app, document);
  // Swagger UI and /api/docs-json: off in production unless SWAGGER_ENABLED=true (issue 14 item 13).
  if (config.swaggerEnabled) SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return app;
}
