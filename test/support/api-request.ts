import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { openApiDocumentOf } from '../../apps/api/src/create-app';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { ContractValidator } from './contract';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
const validators = new WeakMap<NestFastifyApplication, ContractValidator>();

type End = (fn: (err: unknown, res: request.Response) => void) => unknown;

/**
 * supertest against the app, with API paths written as before the /api prefix ('/cases' is sent as '/api/cases'):
 * the prefix is applied here, once, so every test keeps its paths. Every response is checked against the app's
 * OpenAPI document (test/support/contract.ts); a response that breaks the contract fails the request.
 */
export function apiRequest(app: NestFastifyApplication): ReturnType<typeof request> {
  const agent = request(app.getHttpServer());
  let contract = validators.get(app);
  if (!contract) {
    const doc = openApiDocumentOf(app);
    if (!doc) throw new Error('the app has no OpenAPI document (built by createApp)');
    contract = new ContractValidator(doc);
    validators.set(app, contract);
  }
  const validator = contract;
  const wrapped: Record<string, unknown> = {};
  for (const m of METHODS) {
    wrapped[m] = (path: string) => {
      const url = apiPath(path);
      const test = agent[m](url) as unknown as { end: End };
      const end = test.end.bind(test);
      test.end = (fn) =>
        end((err, res) => {
          if (res && !(err && !res.status)) {
            const problem = validator.check(m, url, res.status, res.headers['content-type'], res.body);
            if (problem) return fn(new Error(problem), res);
          }
          fn(err, res);
        });
      return test;
    };
  }
  return wrapped as unknown as ReturnType<typeof request>;
}
