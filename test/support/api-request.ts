import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { ContractValidator } from './contract';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
let validator: ContractValidator | undefined;
/**
 * The contract the responses are checked against: the committed generated/openapi.json, which the console's client is
 * generated from and which test/e2e/openapi-document.e2e-spec.ts keeps equal to what the app builds (it fails on any
 * drift). Reading it costs milliseconds; building the document from the app's metadata costs about a second per file.
 */
const contract = () =>
  (validator ??= new ContractValidator(JSON.parse(readFileSync(join(__dirname, '..', '..', 'generated', 'openapi.json'), 'utf8'))));

type End = (fn: (err: unknown, res: request.Response) => void) => unknown;

/**
 * supertest against the app, with API paths written as before the /api prefix ('/cases' is sent as '/api/cases'):
 * the prefix is applied here, once, so every test keeps its paths. Every response is checked against the API's
 * OpenAPI document (test/support/contract.ts); a response that breaks the contract fails the request.
 */
export function apiRequest(app: NestFastifyApplication): ReturnType<typeof request> {
  const agent = request(app.getHttpServer());
  const checker = contract();
  const wrapped: Record<string, unknown> = {};
  for (const m of METHODS) {
    wrapped[m] = (path: string) => {
      const url = apiPath(path);
      const test = agent[m](url) as unknown as { end: End };
      const end = test.end.bind(test);
      test.end = (fn) =>
        end((err, res) => {
          if (res && !(err && !res.status)) {
            const problem = checker.check(m, url, res.status, res.headers['content-type'], res.body);
            if (problem) return fn(new Error(problem), res);
          }
          fn(err, res);
        });
      return test;
    };
  }
  return wrapped as unknown as ReturnType<typeof request>;
}
