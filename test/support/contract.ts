import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Contract tests (issue 11 item 7): every response the e2e suite receives through t.http() is checked against the
 * operation it called in the app's own OpenAPI document: the status must be documented, and a JSON body must match the
 * documented schema (Ajv, OpenAPI 3.0 `nullable`, formats such as date-time and uuid). A mismatch fails the test.
 * Distinct (operation, status) pairs are collected across Jest workers and summed up by the global teardown.
 */

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema?: object }> }> };
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  literal: number;
  op: Operation;
}

const REF = '#/components/';
const MISMATCH = 'contract: the body does not match its schema:';
/** Strict: every operation documents its answers. FUYI_CONTRACT_REPORT_ONLY=1 only reports (while drafting schemas). */
const UNDOCUMENTED_FAILS = process.env.FUYI_CONTRACT_REPORT_ONLY !== '1';

function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node))
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith(REF) ? `openapi${v}` : rebase(v);
    return out;
  }
  return node;
}

export class ContractValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: doc.components ?? {} });
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
        if (!op?.responses) continue;
        const source = template
          .split('/')
          .map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
          .join('/');
        const literal = template.split('/').filter((s) => s && !s.startsWith('{')).length;
        this.routes.push({ method, template, pattern: new RegExp(`^${source}$`), literal, op });
      }
    }
    // A literal segment wins over a parameter: /cases/work before /cases/{id}.
    this.routes.sort((a, b) => b.literal - a.literal);
  }

  /**
   * null when the response honours the contract (or the route is not an API operation), else why it does not.
   * A body that contradicts its schema always fails; an undocumented status or a body without a schema fails in
   * unless FUYI_CONTRACT_REPORT_ONLY=1 (see UNDOCUMENTED_FAILS).
   */
  check(method: string, url: string, status: number, contentType: string | undefined, body: unknown): string | null {
    const problem = this.problem(method, url, status, contentType, body);
    if (!problem) return null;
    return problem.startsWith(MISMATCH) || UNDOCUMENTED_FAILS ? problem : null;
  }

  private problem(method: string, url: string, status: number, contentType: string | undefined, body: unknown): string | null {
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return null; // not an operation of the document: the queue board's own routes, a 404 for an unknown path
    const pair = `${route.op.operationId} ${status}`;
    // `default` describes the errors a route may meet beyond its declared ones, never a success.
    const documented = route.op.responses[String(status)] ?? (status >= 400 ? route.op.responses.default : undefined);
    if (!documented || !documented.content) sample(pair, method, route.template, body);
    if (!documented)
      return record(pair, `${method.toUpperCase()} ${route.template} answered ${status}, which the document does not declare`);
    const codeProblem = status >= 400 ? this.errorCodeProblem(route, status, body) : null;
    if (codeProblem) return record(pair, codeProblem);
    const media = (contentType ?? '').split(';')[0].trim();
    const content = documented.content;
    if (!content || Object.keys(content).length === 0) {
      return record(
        pair,
        status === 204 || body === undefined || body === '' || isEmpty(body) ? null : `${pair}: a body the document does not declare`,
      );
    }
    const json = content['application/json'];
    if (media === 'application/json' && json?.schema) {
      const key = `${route.op.operationId} ${status}`;
      let validate = this.compiled.get(key);
      if (!validate) {
        validate = this.ajv.compile(rebase(json.schema) as object);
        this.compiled.set(key, validate);
      }
      if (!validate(body)) {
        const errors = (validate.errors ?? [])
          .slice(0, 5)
          .map((e) => `${e.instancePath || '(body)'} ${e.message}`)
          .join('; ');
        return record(pair, `${MISMATCH} ${method.toUpperCase()} ${route.template} ${status}: ${errors}`);
      }
      return record(pair, null);
    }
    const declared = Object.keys(content).map((k) => k.split(';')[0].trim());
    if (!declared.includes(media)) return record(pair, `${pair}: content type ${media || '(none)'} not among ${declared.join(', ')}`);
    return record(pair, null);
  }

  private errorCodeProblem(route: Route, status: number, body: unknown): string | null {
    const code = errorCode(body);
    if (!code) return null;
    keepErrorCode(route.op.operationId, status, code, (body as { message?: unknown }).message);
    const declared = route.op.responses[String(status)] as { 'x-error-codes'?: string[] } | undefined;
    const codes = declared?.['x-error-codes'];
    if (!declared || !codes || codes.includes(code)) return null;
    // Collecting (FUYI_CONTRACT_ERRORS): the code is kept for the registry; failing here would stop the test before it
    // meets the next refusal, so a collection would take one run per code.
    if (process.env.FUYI_CONTRACT_ERRORS) return null;
    return `${route.op.operationId} ${status}: error code ${code} is not among the codes the document lists (${codes.join(', ')})`;
  }
}

/**
 * An error a route declares (not `default`) lists its codes (`x-error-codes`, apps/api/src/openapi/error-codes.ts): a code
 * the list does not name is undocumented, like an undeclared status. FUYI_CONTRACT_ERRORS=<dir> keeps every code seen,
 * for test/support/collect-error-codes.ts.
 */
function errorCode(body: unknown): string | null {
  const code = body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}

function keepErrorCode(operationId: string, status: number, code: string, message: unknown): void {
  const dir = process.env.FUYI_CONTRACT_ERRORS;
  if (!dir) return;
  appendFileSync(join(dir, `errors-${process.pid}.jsonl`), `${JSON.stringify({ operationId, status, code, message })}\n`);
}

/** FUYI_CONTRACT_SAMPLES=<dir>: bodies of undocumented answers, for drafting a schema (test/support/draft-schemas.ts). */
function sample(pair: string, method: string, template: string, body: unknown): void {
  const dir = process.env.FUYI_CONTRACT_SAMPLES;
  if (!dir) return;
  appendFileSync(join(dir, `samples-${process.pid}.jsonl`), `${JSON.stringify({ pair, method, template, body })}\n`);
}

const isEmpty = (body: unknown) => body !== null && typeof body === 'object' && Object.keys(body).length === 0;

// ---- the run's collection of pairs (one file per Jest worker, summed up by the e2e global teardown) ----

const seen = new Set<string>();

function record(pair: string, problem: string | null): string | null {
  const dir = process.env.FUYI_CONTRACT_DIR;
  const key = `${problem ? 'FAIL' : 'OK'} ${pair}`;
  if (dir && !seen.has(key)) {
    seen.add(key);
    appendFileSync(join(dir, `pairs-${process.pid}.jsonl`), `${JSON.stringify({ pair, ok: !problem, problem })}\n`);
  }
  return problem;
}

export function prepareContractReport(): void {
  if (process.env.FUYI_CONTRACT_DIR) return;
  const dir = join(tmpdir(), `fuyi-contract-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  process.env.FUYI_CONTRACT_DIR = dir;
}

/** Prints the distinct (operation, status) pairs the suite validated; the e2e teardown calls it once. */
export function summariseContractReport(): void {
  const dir = process.env.FUYI_CONTRACT_DIR;
  if (!dir) return;
  const ok = new Set<string>();
  const failed = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean)) {
      const { pair, ok: good, problem } = JSON.parse(line) as { pair: string; ok: boolean; problem: string | null };
      if (good) ok.add(pair);
      else failed.set(pair, problem ?? '');
    }
  }
  rmSync(dir, { recursive: true, force: true });
  delete process.env.FUYI_CONTRACT_DIR;
  if (ok.size === 0 && failed.size === 0) return;
  const operations = new Set([...ok].map((p) => p.split(' ')[0]));
  console.log(
    `\ncontract: ${ok.size} distinct (operation, status) pairs validated against the OpenAPI document (${operations.size} operations); ${failed.size} failed`,
  );
  for (const [pair, problem] of failed) console.log(`  ✗ ${pair}: ${problem}`);
}
