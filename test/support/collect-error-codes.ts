/**
 * Writes apps/api/src/openapi/error-codes.ts from the error answers an e2e run met (issue 11 item 2: each operation
 * documents the codes it answers, derived from what the routes do, not guessed). Run the suite with
 * FUYI_CONTRACT_ERRORS=<dir>, then `node -r @swc-node/register test/support/collect-error-codes.ts <dir>`, read the diff,
 * commit. What the registry already lists stays (a code a smaller run did not meet is not dropped); the contract test
 * fails on a code a declared status does not list, so a new refusal is documented when its test is written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ERROR_CODES, type ErrorCodeRegistry } from '../../apps/api/src/openapi/error-codes';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { operationKind } from '../../apps/api/src/http/openapi';
import { DEFAULT_CODES, genericCodes, type OperationKind } from '../../apps/api/src/openapi/generic-error-codes';

const dir = process.argv[2];
if (!dir) throw new Error('usage: collect-error-codes.ts <dir written by FUYI_CONTRACT_ERRORS>');

// Each operation's kind, from the committed document (what the builder derives codes from).
const doc = JSON.parse(readFileSync(resolve(__dirname, '../../generated/openapi.json'), 'utf8')) as OpenAPIObject;
const kinds = new Map<string, OperationKind>();
for (const [path, item] of Object.entries(doc.paths))
  for (const [method, op] of Object.entries(item) as Array<[string, OperationObject]>)
    if (op?.operationId) kinds.set(op.operationId, operationKind(path, method, op));

const registry: ErrorCodeRegistry = JSON.parse(JSON.stringify(ERROR_CODES));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean)) {
    const { operationId, status, code, message } = JSON.parse(line) as {
      operationId: string;
      status: number;
      code: string;
      message: unknown;
    };
    // What every route of its kind answers, or any route under `default`, is added by the document builder (generic-error-codes.ts).
    const kind = kinds.get(operationId);
    if (DEFAULT_CODES[status]?.[code] || (kind && code in genericCodes(status, kind))) continue;
    const codes = ((registry[operationId] ??= {})[String(status)] ??= {});
    codes[code] ??= typeof message === 'string' ? message : '';
  }
}

const sorted = <T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, f(o[k])]),
  );
const out: ErrorCodeRegistry = sorted(registry, (byStatus) => sorted(byStatus, (codes) => sorted(codes, (m) => m)));
const target = resolve(__dirname, '../../apps/api/src/openapi/error-codes.ts');
writeFileSync(
  target,
  `${readFileSync(target, 'utf8').split('export const ERROR_CODES')[0]}export const ERROR_CODES: ErrorCodeRegistry = ${JSON.stringify(out, null, 2)};\n`,
);
console.log(
  `error codes: ${Object.keys(out).length} operations, ${Object.values(out).reduce((n, s) => n + Object.values(s).reduce((m, c) => m + Object.keys(c).length, 0), 0)} (operation, status, code) entries → ${target} (run prettier)`,
);
