import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, isForeign, key, migratedTables, sqlUses, tableOwners } from './table-ownership';

/**
 * Foreign writes and locks still to remove, each with its reason (none left). The list may only shrink: a new foreign
 * write fails this test, and so does a listed one that has gone (take it off the list).
 */
const KNOWN_FOREIGN: Record<string, string> = {};

/** Issue 19 item 1: each table has one owning library, and only that library writes it or locks its rows. */
describe('table ownership', () => {
  const owners = tableOwners();
  const tables = migratedTables();
  const uses = sqlUses(tables);

  it('every table the migrations create is owned by exactly one library', () => {
    expect([...tables].filter((t) => !owners.has(t))).toEqual([]);
    const declared = new Map<string, string[]>();
    for (const lib of readdirSync(join(ROOT, 'libs'))) {
      const files = readdirSync(join(ROOT, 'libs', lib, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.includes('__tests__'));
      for (const f of files) {
        for (const m of readFileSync(join(ROOT, 'libs', lib, 'src', f), 'utf8').matchAll(/@Entity\(\s*['"]([a-z_]+)['"]/g)) declared.set(m[1]!, [...(declared.get(m[1]!) ?? []), lib]);
      }
    }
    expect([...declared].filter(([, libs]) => libs.length > 1)).toEqual([]);
  });

  // The scan reads table names from SQL text; these writes name their table through a variable instead, each over its
  // own library's tables (the purge helper is called by each owner with its own tables; the conditional update is given
  // its table by the caller, and the scan reads that `table: '…'` as the caller's write). A new one must be added here
  // after checking it, and no library writes through TypeORM repositories or the query builder, which the scan cannot see.
  const DYNAMIC_WRITES = ['libs/platform/src/database/purge.ts', 'libs/platform/src/database/conditional-update.ts'];

  it('writes that name their table through a variable are only the checked ones; no repository or query-builder writes', () => {
    const dynamic: string[] = [];
    const orm: string[] = [];
    for (const top of ['libs', 'apps']) {
      for (const name of readdirSync(join(ROOT, top))) {
        if (name === 'web') continue;
        const src = join(ROOT, top, name, 'src');
        for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.includes('__tests__') && !f.endsWith('.spec.ts'))) {
          const text = readFileSync(join(src, f), 'utf8');
          const rel = `${top}/${name}/src/${f}`;
          if (/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE)\s+\$\{/i.test(text)) dynamic.push(rel);
          if (/\b(?:getRepository|createQueryBuilder|InjectRepository)\s*\(/.test(text)) orm.push(rel);
        }
      }
    }
    expect(dynamic.sort()).toEqual([...DYNAMIC_WRITES].sort());
    expect(orm).toEqual([]);
  });

  it('finds writes and locks (the scanner itself works)', () => {
    expect(uses.some((u) => u.kind === 'write' && u.table === 'case_events' && u.module === 'libs/cases')).toBe(true);
    expect(uses.some((u) => u.kind === 'lock' && u.table === 'cases' && u.module === 'libs/cases')).toBe(true);
    expect(uses.some((u) => u.kind === 'write' && u.table === 'notifications' && u.module === 'libs/notifications')).toBe(true);
  });

  it('no library or app writes another library\'s table or locks its rows, beyond the known list', () => {
    const foreign = uses.filter((u) => u.kind !== 'read' && isForeign(u, owners)).map((u) => `${u.kind} ${key(u)}`).sort();
    expect(foreign).toEqual(Object.keys(KNOWN_FOREIGN).sort());
  });
});
