// Issue 19 item 2: how many query results in each library are still untyped, read off the source itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/**
 * The mechanism itself, not a use of it: the SQL helpers (they type what passes through them), the generic conditional
 * update and batched purge (the table is their caller's, named at run time; they read no row), and the server's own
 * administration (provisioning, the start-up check: PostgreSQL's catalogue through a bare client, no table of ours, so
 * no generated type to tie a row to).
 */
const MECHANISM = [
  'libs/platform/src/database/sql.ts',
  'libs/platform/src/database/typed-sql.ts',
  'libs/platform/src/database/conditional-update.ts',
  'libs/platform/src/database/purge.ts',
  'libs/platform/src/database/provision.ts',
  'libs/platform/src/database/postgres-check.ts',
];

/**
 * An untyped result: a direct `.query(` on an EntityManager/DataSource/QueryRunner/pg client (rows typed `any`), the
 * old `execSql(` helper (rows `Record<string, any>` unless told otherwise, with nothing tying the type to the schema),
 * or rawRows/rawCounted told `any`. Typed: `run(m, qb…)` / `runFirst` / `runCounted` over the generated schema, and
 * `rawRows<RowOf<'table', …>>` (a row type derived from it) for SQL the builder does not say well, and `rawExec` for
 * statements whose rows are not read (it returns only the affected-row count).
 */
const UNTYPED = /\.query\s*(?:<[^>(]*>)?\s*\(|\bexecSql\s*(?:<[^>(]*>)?\s*\(|\braw(?:Rows|Counted)\s*<\s*(?:any|Record<string,\s*any>)\b/g;
const TYPED = /\b(?:run|runFirst|runCounted)\s*\(\s*[\w.]+\s*,\s*qb\b|\braw(?:Rows|Counted)\s*<|\brawExec\s*\(/g;

export interface QueryCount {
  lib: string;
  untyped: number;
  typed: number;
  /** file:line of each untyped call */
  sites: string[];
  /** typed calls outside a store module (*.store.ts): persistence that has not moved yet */
  outsideStores: string[];
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes('__tests__') && !f.endsWith('.spec.ts'))
    .map((f) => join(dir, f));
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

export function countQueries(): QueryCount[] {
  const out: QueryCount[] = [];
  const modules = [
    ...readdirSync(join(ROOT, 'libs')).map((l) => `libs/${l}`),
    ...readdirSync(join(ROOT, 'apps'))
      .filter((a) => a !== 'web')
      .map((a) => `apps/${a}`),
  ].sort();
  for (const lib of modules) {
    const c: QueryCount = { lib, untyped: 0, typed: 0, sites: [], outsideStores: [] };
    for (const file of files(join(ROOT, lib, 'src'))) {
      const rel = relative(ROOT, file);
      if (MECHANISM.includes(rel)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(UNTYPED)) {
        c.untyped++;
        c.sites.push(`${rel}:${lineOf(text, m.index)}`);
      }
      for (const m of text.matchAll(TYPED)) {
        c.typed++;
        if (!rel.endsWith('.store.ts')) c.outsideStores.push(`${rel}:${lineOf(text, m.index)}`);
      }
    }
    out.push(c);
  }
  return out;
}
