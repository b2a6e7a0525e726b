// Issue 19 item 1: which library owns each table, and who writes or reads it, read off the source itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** Tables kept by database triggers and the roll-up compactor, with no TypeORM entity: the statistics library's. */
const TRIGGER_TABLES: Record<string, string> = {
  stat_case_facts: 'statistics',
  stat_daily: 'statistics',
  stat_daily_delta: 'statistics',
  stat_monthly: 'statistics',
};

export interface SqlUse {
  /** 'libs/<lib>' or 'apps/<app>' */
  module: string;
  file: string;
  table: string;
  /** lock: SELECT … FOR UPDATE/SHARE on the table's rows, taking part in its owner's concurrency control. */
  kind: 'write' | 'lock' | 'read';
}

export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === '__tests__' || name === 'generated') continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !/\.(spec|test)\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** table → owning library: the library that declares the table's entity (or keeps it by trigger). */
export function tableOwners(): Map<string, string> {
  const owners = new Map(Object.entries(TRIGGER_TABLES));
  for (const lib of readdirSync(join(ROOT, 'libs'))) {
    for (const file of walk(join(ROOT, 'libs', lib, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*['"]([a-z_]+)['"]/g)) owners.set(m[1]!, lib);
    }
  }
  return owners;
}

/** Tables the migrations create. */
export function migratedTables(): Set<string> {
  const out = new Set<string>();
  for (const file of walk(join(ROOT, 'db', 'migrations'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)"?/gi)) out.add(m[1]!);
  }
  return out;
}

const WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?([a-z_]+)"?/gi;
/** A conditional update (libs/platform conditionalUpdate) names its table in its spec: `{ table: 'cases', … }`. */
const HELPER_WRITE = /\btable:\s*'([a-z_]+)'/g;
const READ = /\b(?:FROM|JOIN)\s+"?([a-z_]+)"?/gi;
const LITERAL = /`[^`]*`|'(?:[^'\\\n]|\\.)*'/g;
const LOCKING = /\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE)(?:\s+OF\s+([a-z_,\s]+?))?(?:\s+(?:SKIP|NOWAIT)\b|[\s`']*$|\))/gi;
// The typed query builder (libs/platform typed-sql, Kysely) names its tables as string arguments.
const QB_WRITE = /\b(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*['"]([a-z_]+)['"]/g;
const QB_READ = /\b(?:selectFrom|innerJoin|leftJoin|rightJoin|fullJoin|innerJoinLateral|leftJoinLateral)\(\s*['"]([a-z_]+)['"]/g;
const QB_LOCK = /\.for(?:Update|NoKeyUpdate|Share|KeyShare)\(/;
const KEYWORDS = new Set(['where', 'on', 'join', 'left', 'inner', 'cross', 'for', 'order', 'group', 'limit', 'using', 'set', 'as']);

/** The text of the SELECT that a clause at `end` belongs to, with parenthesised parts (sub-selects) blanked. */
function ownSelect(sql: string, end: number): string {
  let depth = 0;
  let start = 0;
  for (let i = end - 1; i >= 0; i--) {
    const ch = sql[i];
    if (ch === ')') depth++;
    else if (ch === '(') {
      if (depth === 0) {
        start = i + 1;
        break;
      }
      depth--;
    } else if (depth === 0 && /^SELECT\b/i.test(sql.slice(i, i + 7)) && !/\w/.test(sql[i - 1] ?? ' ')) {
      start = i;
      break;
    }
  }
  let out = '';
  depth = 0;
  for (const ch of sql.slice(start, end)) {
    if (ch === '(') depth++;
    if (depth === 0) out += ch;
    if (ch === ')') depth--;
  }
  return out;
}

/** Tables whose rows a locking SELECT takes: those named after FOR UPDATE OF (by alias), else every table it reads. */
function lockedTables(literal: string, tables: Set<string>): string[] {
  const aliases = new Map<string, string>();
  const read: string[] = [];
  for (const m of literal.matchAll(/\b(?:FROM|JOIN)\s+"?([a-z_]+)"?(?:\s+(?:AS\s+)?([a-z_]+))?/gi)) {
    const table = m[1]!.toLowerCase();
    if (!tables.has(table)) continue;
    read.push(table);
    aliases.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !KEYWORDS.has(alias)) aliases.set(alias, table);
  }
  const out = new Set<string>();
  for (const m of literal.matchAll(LOCKING)) {
    const of = m[1]
      ?.split(',')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean);
    // Without OF, the rows of the SELECT the clause ends (not of a sub-select, nor of one it contains).
    const own = ownSelect(literal, m.index);
    const ownTables = read.filter((t) => new RegExp(`\\b(?:FROM|JOIN)\\s+"?${t}\\b`, 'i').test(own));
    for (const t of of?.length ? of.map((a) => aliases.get(a)).filter((t): t is string => !!t) : ownTables) out.add(t);
  }
  return [...out];
}

/** Every SQL write and read of a known table in the libraries' and apps' sources (migrations, seed, tests excluded). */
export function sqlUses(tables: Set<string>): SqlUse[] {
  const uses: SqlUse[] = [];
  for (const top of ['libs', 'apps']) {
    for (const name of readdirSync(join(ROOT, top))) {
      if (top === 'apps' && name === 'web') continue; // the browser console has no SQL
      for (const file of walk(join(ROOT, top, name, 'src'))) {
        const text = readFileSync(file, 'utf8');
        const rel = relative(ROOT, file);
        const writes = new Set<string>();
        for (const m of [...text.matchAll(WRITE), ...text.matchAll(QB_WRITE), ...text.matchAll(HELPER_WRITE)]) {
          const table = m[1]!.toLowerCase();
          if (tables.has(table)) writes.add(table);
        }
        for (const table of writes) uses.push({ module: `${top}/${name}`, file: rel, table, kind: 'write' });
        const locks = new Set<string>();
        for (const lit of text.match(LITERAL) ?? [])
          for (const table of lockedTables(lit, tables)) if (!writes.has(table)) locks.add(table);
        // A builder statement that locks (…forUpdate()) takes the rows of every table it selects from or joins.
        for (const statement of text.split(';').filter((st) => QB_LOCK.test(st)))
          for (const m of statement.matchAll(QB_READ)) {
            const table = m[1]!.toLowerCase();
            if (tables.has(table) && !writes.has(table)) locks.add(table);
          }
        for (const table of locks) uses.push({ module: `${top}/${name}`, file: rel, table, kind: 'lock' });
        const reads = new Set<string>();
        for (const m of [...text.matchAll(READ), ...text.matchAll(QB_READ)]) {
          const table = m[1]!.toLowerCase();
          if (tables.has(table) && !writes.has(table) && !locks.has(table)) reads.add(table);
        }
        for (const table of reads) uses.push({ module: `${top}/${name}`, file: rel, table, kind: 'read' });
      }
    }
  }
  return uses;
}

/** A use by anyone but the table's owner. */
export const isForeign = (u: SqlUse, owners: Map<string, string>): boolean => u.module !== `libs/${owners.get(u.table)}`;

export const key = (u: SqlUse): string => `${u.file} → ${u.table}`;
