/**
 * Drafts response schemas (in the vocabulary of apps/api/src/openapi/schema.ts) from the bodies the e2e suite received
 * for answers the document did not describe yet (run the suite with FUYI_CONTRACT_SAMPLES=<dir>, then
 * `node -r @swc-node/register test/support/draft-schemas.ts <dir>`). A draft is a start to be read against the
 * service's types, not a contract by itself: a property seen only once as null, or never, is not known.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Shape {
  n: number;
  kinds: Map<string, number>;
  props: Map<string, Shape>;
  items?: Shape;
  formats: Set<string>;
  objects: number;
}
const shape = (): Shape => ({ n: 0, kinds: new Map(), props: new Map(), formats: new Set(), objects: 0 });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function add(s: Shape, v: unknown): void {
  s.n++;
  const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'num') : typeof v;
  s.kinds.set(kind, (s.kinds.get(kind) ?? 0) + 1);
  if (kind === 'string')
    s.formats.add(UUID.test(v as string) ? 'uuid' : DATE.test(v as string) ? 'date' : INSTANT.test(v as string) ? 'instant' : 'str');
  if (kind === 'array') for (const x of v as unknown[]) add((s.items ??= shape()), x);
  if (kind === 'object') {
    s.objects++;
    for (const [k, x] of Object.entries(v as object)) {
      if (!s.props.has(k)) s.props.set(k, shape());
      add(s.props.get(k)!, x);
    }
  }
}

const KEY = /^[A-Za-z_$][\w$]*$/;
function emit(s: Shape, indent: string): string {
  const kinds = [...s.kinds.keys()].filter((k) => k !== 'null');
  const nullable = s.kinds.has('null');
  let out: string;
  if (kinds.length === 0) out = 'any';
  else if (kinds.length > 1 && !(kinds.length === 2 && kinds.includes('int') && kinds.includes('num'))) out = 'any';
  else if (kinds[0] === 'string')
    out =
      s.formats.size === 1
        ? ({ uuid: 'uuid', date: 'date', instant: 'instant', str: 'str' } as Record<string, string>)[[...s.formats][0]]
        : 'str';
  else if (kinds.includes('num')) out = 'num';
  else if (kinds[0] === 'int') out = 'int';
  else if (kinds[0] === 'boolean') out = 'bool';
  else if (kinds[0] === 'array') out = `arr(${s.items ? emit(s.items, indent) : 'any'})`;
  else {
    const req: string[] = [];
    const opt: string[] = [];
    for (const [k, p] of s.props) (p.n === s.objects ? req : opt).push(`${KEY.test(k) ? k : JSON.stringify(k)}: ${emit(p, `${indent}  `)}`);
    const block = (xs: string[]) =>
      xs.join(', ').length < 100 ? `{ ${xs.join(', ')} }` : `{\n${indent}  ${xs.join(`,\n${indent}  `)},\n${indent}}`;
    out = req.length || opt.length ? `obj(${block(req)}${opt.length ? `, ${block(opt)}` : ''})` : 'obj({})';
  }
  return nullable ? `nul(${out})` : out;
}

const dir = process.argv[2];
const byPair = new Map<string, { template: string; method: string; s: Shape }>();
for (const f of readdirSync(dir)) {
  for (const line of readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean)) {
    const { pair, method, template, body } = JSON.parse(line);
    if (!byPair.has(pair)) byPair.set(pair, { template, method, s: shape() });
    add(byPair.get(pair)!.s, body);
  }
}
for (const [pair, { template, method, s }] of [...byPair].sort()) {
  const [op, status] = pair.split(' ');
  console.log(`// ${method.toUpperCase()} ${template} (${s.n} samples)\n${op}: { ${status}: ${emit(s, '  ')} },`);
}
