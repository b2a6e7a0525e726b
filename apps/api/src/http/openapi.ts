import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RESPONSES, type ResponseRegistry } from '../openapi/responses';
import { ErrorBodyDto, FieldIssueDto } from './error-body';
import { REFRESH_COOKIE_PARAMETER } from './refresh-cookie';

/** Cookies an operation reads, by operationId: Swagger's decorators have no cookie parameter. */
const COOKIE_PARAMETERS: Record<string, Array<typeof REFRESH_COOKIE_PARAMETER>> = { auth_refresh: [REFRESH_COOKIE_PARAMETER] };

/** 'CaseHandlingController' + 'assign' → 'caseHandling_assign': stable, readable, the generated client's function name. */
export function operationId(controllerKey: string, methodKey: string): string {
  const controller = controllerKey.replace(/Controller$/, '');
  return `${controller.charAt(0).toLowerCase()}${controller.slice(1)}_${methodKey}`;
}

/** The API's OpenAPI document, built from the controllers and DTOs; served at /api/docs-json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('复议 Fuyi API')
      .setDescription(
        '行政复议与行政争议调解案件管理系统。所有接口位于 /api 下（存活、就绪检查 /health/live、/health/ready 与 /metrics 除外）。' +
          '所有错误返回统一结构 ErrorBody（code 稳定，message 为中文说明，requestId 便于排查）。',
      )
      .setVersion('0.1.0')
      .setLicense('UNLICENSED（内部使用）', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
      .addServer('/', '本服务')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBodyDto, FieldIssueDto], operationIdFactory: operationId },
  );
  return completeResponses(doc, RESPONSES);
}

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } };
const pascal = (s: string) => s.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());

/**
 * Every operation answers its documented successes (RESPONSES, one named schema per operation and status, so the
 * generated client has a type per answer) and every error in the common ErrorBody: the statuses a route declares with
 * @ApiErrors, and `default` for what any route may meet (413, 414, 415, 429, 500…). An error is JSON whatever the
 * success produces (a .docx, Prometheus text).
 */
export function completeResponses(doc: OpenAPIObject, responses: ResponseRegistry): OpenAPIObject {
  const schemas = (doc.components ??= {}).schemas ?? (doc.components.schemas = {});
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as OperationObject[]) {
      if (!op?.responses || !op.operationId) continue;
      op.security ??= []; // no bearer declared: a public route (login, refresh, public case status, probes)
      for (const p of COOKIE_PARAMETERS[op.operationId] ?? []) (op.parameters ??= []).push(p);
      for (const [status, schema] of Object.entries(responses[op.operationId] ?? {})) {
        const described = op.responses[status] as ResponseObject | undefined;
        // Response headers a route declares (@ApiResponse({ headers }), e.g. the refresh cookie's Set-Cookie) are kept.
        const headers = described?.headers ? { headers: described.headers } : {};
        if (schema === null) {
          op.responses[status] = { description: described?.description || '无内容', ...headers };
          continue;
        }
        const media = (schema as { 'x-media'?: string })['x-media'];
        if (media) {
          op.responses[status] = {
            description: described?.description || '文件',
            content: { [media]: { schema: { type: 'string', format: 'binary' } } },
          };
          continue;
        }
        const name = `${pascal(op.operationId)}${status === '200' ? '' : status}Response`;
        schemas[name] = schema;
        op.responses[status] = {
          description: described?.description || '成功',
          ...headers,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
        };
      }
      for (const [status, r] of Object.entries(op.responses)) {
        if (Number(status) >= 400) (r as ResponseObject).content = ERROR_CONTENT;
      }
      op.responses.default = {
        description: '其他错误（如 413 内容过大、415 格式不符、429 过于频繁、500 内部错误），统一错误结构',
        content: ERROR_CONTENT,
      };
    }
  }
  return doc;
}
