import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openApiDocumentOf } from '../../apps/api/src/create-app';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The OpenAPI document is the API's contract for the generated client (issue 11): every operation documents a schema
 * for its successes; generated/openapi.json and generated/api-types.ts (openapi-typescript) are kept equal to what the
 * app serves — this test fails when they drift (FUYI_UPDATE_OPENAPI=1 rewrites them); Redocly lints it with 0 errors.
 */
const ROOT = join(__dirname, '..', '..');
const DOC_FILE = join(ROOT, 'generated', 'openapi.json');
const TYPES_FILE = join(ROOT, 'generated', 'api-types.ts');
const UPDATE = process.env.FUYI_UPDATE_OPENAPI === '1';
const run = promisify(execFile);

describe('the OpenAPI document', () => {
  let t: TestApp;
  let text: string;
  let doc: any;

  beforeAll(async () => {
    t = await createTestApp();
    doc = openApiDocumentOf(t.app);
    text = `${JSON.stringify(doc, null, 2)}\n`;
    if (UPDATE) writeFileSync(DOC_FILE, text);
  });
  afterAll(() => t?.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as object).map(([method, op]) => ({ path, method, op })));

  it('is the committed generated/openapi.json', () => {
    expect(readFileSync(DOC_FILE, 'utf8')).toBe(text);
  });

  it('every operation has a unique readable operationId and documents a schema for each success it declares', () => {
    const ops = operations();
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]*_[a-z][A-Za-z]*$/);
    const withSchema = ops.filter(({ op }) =>
      Object.entries(op.responses).some(
        ([status, r]: [string, any]) => /^2/.test(status) && (status === '204' || Object.keys(r.content ?? {}).length > 0),
      ),
    );
    const missing = ops.filter((o) => !withSchema.includes(o)).map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    console.log(`operations with a documented 2xx schema: ${withSchema.length} / ${ops.length}`);
    expect(missing).toEqual([]);
    for (const { op } of ops)
      expect(op.responses.default?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ErrorBodyDto' });
  });

  it('passes the Redocly linter (recommended rules) with 0 errors', async () => {
    const { stdout, stderr } = await run(join(ROOT, 'node_modules', '.bin', 'redocly'), ['lint', DOC_FILE, '--format=summary'], {
      cwd: ROOT,
    }).catch((e: { stdout: string; stderr: string; code: number }) => {
      throw new Error(`redocly lint failed (${e.code}):\n${e.stdout}\n${e.stderr}`);
    });
    console.log(
      `redocly lint:\n${stdout}${stderr
        .split('\n')
        .filter((l) => /error|warning|valid/i.test(l))
        .join('\n')}`,
    );
  }, 60_000);

  it('turns into TypeScript types with openapi-typescript, equal to the committed generated/api-types.ts', async () => {
    const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'openapi-typescript'), [DOC_FILE], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (UPDATE) writeFileSync(TYPES_FILE, stdout);
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(stdout);
  }, 60_000);
});
