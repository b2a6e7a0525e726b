import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { apiPath } from '../../apps/api/src/http/api-prefix';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/**
 * supertest against the app, with API paths written as before the /api prefix ('/cases' is sent as '/api/cases'):
 * the prefix is applied here, once, so every test keeps its paths.
 */
export function apiRequest(app: NestFastifyApplication): ReturnType<typeof request> {
  const agent = request(app.getHttpServer());
  const wrapped: Record<string, unknown> = {};
  for (const m of METHODS) wrapped[m] = (path: string) => agent[m](apiPath(path));
  return wrapped as unknown as ReturnType<typeof request>;
}
