import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto, FieldIssueDto } from './error-body';

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
      .addServer('/', '本服务')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBodyDto, FieldIssueDto], operationIdFactory: operationId },
  );
  return doc;
}
