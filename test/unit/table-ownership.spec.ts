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
