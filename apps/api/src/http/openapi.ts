import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_CODES, type ErrorCodeRegistry } from '../openapi/error-codes';
import { DEFAULT_CODES, genericCodes, type OperationKind } from '../openapi/generic-error-codes';
import { RESPONSES, type ResponseRegistry } from '../openapi/responses';
import { SHARED_SCHEMAS } from '../openapi/resources';
import { Role } from '@fuyi/kernel';
import { caseGate } from '../auth/case-access.guard';
import { ERROR_DESCRIPTIONS } from './api-errors.decorator';
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
  return completeResponses(doc, RESPONSES, ERROR_CODES);
}

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } };
/** What any route may meet beyond its declared errors: by status, the code it carries. */
const DEFAULT_ANSWER = {
  description: `其他错误，统一错误结构：${Object.entries(DEFAULT_CODES)
    .map(([status, codes]) => `${status} ${Object.keys(codes).join('、')}`)
    .join('；')}`,
  content: ERROR_CONTENT,
};
const pascal = (s: string) => s.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());

/**
 * Every operation answers its documented successes (RESPONSES, one named schema per operation and status, so the
 * generated client has a type per answer) and every error in the common ErrorBody: the statuses a route declares with
 * @ApiErrors, and `default` for what any route may meet (413, 414, 415, 429, 500…). An error is JSON whatever the
 * success produces (a .docx, Prometheus text).
 */
export function completeResponses(doc: OpenAPIObject, responses: ResponseRegistry, errorCodes: ErrorCodeRegistry = {}): OpenAPIObject {
  const schemas = (doc.components ??= {}).schemas ?? (doc.components.schemas = {});
  Object.assign(schemas, SHARED_SCHEMAS);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item) as Array<[string, OperationObject]>) {
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
        const media = (schema as { 'x-media'?: string | string[] })['x-media'];
        if (media) {
          op.responses[status] = {
            description: described?.description || '文件',
            content: Object.fromEntries([media].flat().map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
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
      const kind = operationKind(path, method, op);
      // What the route answers by its kind (guards, pipes) or was met answering, it declares, with those codes.
      const met = Object.keys(errorCodes[op.operationId] ?? {});
      const byKind = ['400', '401', '403', '404'].filter((status) => Object.keys(genericCodes(Number(status), kind)).length);
      for (const status of [...byKind, ...met]) op.responses[status] ??= { description: ERROR_DESCRIPTIONS[Number(status)] ?? '错误' };
      for (const [status, r] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const codes = {
          ...genericCodes(Number(status), kind),
          ...(DEFAULT_CODES[Number(status)] ?? {}),
          ...(errorCodes[op.operationId]?.[status] ?? {}),
        };
        const answer = r as ResponseObject;
        Object.assign(answer, errorAnswer(Number(status), codes));
        if (Object.keys(codes).length) answer.description = `${answer.description}（代码：${Object.keys(codes).join('、')}）`;
      }
      op.responses.default = DEFAULT_ANSWER;
    }
  }
  return doc;
}

/**
 * An error a route declares: the common body, the codes it answers (`x-error-codes`, which the contract test holds the
 * answers to) and an example per code, so that a client can branch on `code` without reading the services.
 */
function errorAnswer(status: number, codes: Record<string, string>) {
  const names = Object.keys(codes);
  const examples = Object.fromEntries(
    names.map((code) => [
      code,
      { summary: codes[code] || code, value: { statusCode: status, code, message: codes[code] || code, requestId: 'req-1' } },
    ]),
  );
  return {
    'x-error-codes': names,
    content: { 'application/json': { schema: ERROR_CONTENT['application/json'].schema, ...(names.length ? { examples } : {}) } },
  };
}

/** What kind of route an operation is, as far as the codes it answers by its kind go (generic-error-codes.ts). */
export function operationKind(path: string, method: string, op: OperationObject): OperationKind {
  const roles = (op as { 'x-roles'?: string[] })['x-roles'];
  const gate = caseGate(method, path.replace(/\{(\w+)\}/g, ':$1'));
  return {
    secured: (op.security ?? []).length > 0,
    takesInput: !!op.requestBody || !!op.parameters?.length,
    takesBody: !!op.requestBody,
    roles: Array.isArray(roles),
    caseScope: gate.scope,
    caseHandler: gate.write && (!roles || roles.includes(Role.ReconsiderationClerk)),
  };
}
