import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './table-ownership';

/** Source files of the apps and libraries (not the web console, not tests), as paths from the repository root. */
function sources(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const top of ['apps', 'libs']) {
    for (const name of readdirSync(join(ROOT, top))) {
      if (name === 'web') continue;
      const src = join(ROOT, top, name, 'src');
      for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
        if (!f.endsWith('.ts') || f.includes('__tests__') || f.endsWith('.spec.ts')) continue;
        out.push({ file: `${top}/${name}/src/${f}`, text: readFileSync(join(src, f), 'utf8') });
      }
    }
  }
  return out;
}

/**
 * Queries that fall back to the pool when no manager is passed: none is left (the last ones, read-only, moved to
 * UnitOfWork.read). Writes and row locks never fall back: they take the caller's manager, or the lock would end with
 * the statement; reads go through the unit of work, so a new fallback fails this test.
 */
const READ_FALLBACKS: string[] = [];

/** Issue 19 item 3: transactions belong to services (one unit of work), controllers do HTTP only, the actor is explicit. */
describe('transaction boundaries', () => {
  const all = sources();
  const controllers = all.filter((s) => s.file.endsWith('.controller.ts'));

  it('finds the controllers (the scan itself works)', () => {
    expect(controllers.length).toBeGreaterThan(25);
    expect(controllers.some((c) => c.file === 'apps/api/src/controllers/adjudication.controller.ts')).toBe(true);
  });

  it('no controller injects DataSource or EntityManager, opens a transaction or reaches the connection', () => {
    const found: string[] = [];
    for (const { file, text } of controllers) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/\bfrom ['"]typeorm['"]/.test(code)) found.push(`${file}: imports typeorm`);
      if (/\b(DataSource|EntityManager|QueryRunner)\b/.test(code)) found.push(`${file}: DataSource/EntityManager`);
      if (/\btransaction\s*\(/.test(code)) found.push(`${file}: transaction(`);
      if (/\.manager\b|\bds\.|\.query\s*\(/.test(code)) found.push(`${file}: reaches the connection`);
    }
    expect(found).toEqual([]);
  });

  it('controllers take the actor from the request they serve, never from request-scoped storage', () => {
    expect(
      controllers.filter(({ text }) => /\bRequestContext\b|AsyncLocalStorage|ClsService|Scope\.REQUEST/.test(text)).map((c) => c.file),
    ).toEqual([]);
  });

  it('the actor reaches audit rows as a parameter: only the queue board edge reads it back from request-scoped storage', () => {
    // bull-board's hooks get its own request object, not Fastify's, so the admitted actor is read back there and passed on.
    const readers = all.filter(({ text }) => /RequestContext\.current\(\)\??\.actor\b/.test(text)).map(({ file }) => file);
    expect(readers).toEqual(['apps/api/src/ops/queue-board.ts']);
  });

  /**
   * Services, scanners and infrastructure that open their transaction on the DataSource themselves rather than through
   * UnitOfWork: none is left (27 when the list was made), so a new one fails this test.
   */
  const OWN_TRANSACTIONS: string[] = [];

  it('services open transactions through the unit of work, beyond the known list', () => {
    const opened = all.filter(({ text }) => /\b(?:this\.)?(?:ds|dataSource)\.transaction\s*\(/.test(text)).map(({ file }) => file);
    expect(opened).toContain('libs/platform/src/database/unit-of-work.ts');
    expect(opened.filter((f) => f !== 'libs/platform/src/database/unit-of-work.ts').sort()).toEqual([...OWN_TRANSACTIONS].sort());
  });

  it('no optional manager falls back to the global connection beyond the read-only ones listed', () => {
    const found: string[] = [];
    for (const { file, text } of all) {
      for (const m of text.matchAll(
        /(?:async\s+)?(\w+)\s*\(([^()]|\([^()]*\))*?(?:\w+\?\s*:\s*(?:EntityManager|Db|Queryable)\b|=\s*this\.(?:ds|dataSource|db)(?:\.manager)?\s*[,)])/g,
      )) {
        found.push(`${file}: ${m[1]}`);
      }
      if (/\?\?\s*this\.(?:ds|dataSource)(?:\.manager)?\b/.test(text) && !found.some((f) => f.startsWith(file))) found.push(`${file}: ??`);
    }
    expect([...new Set(found)].sort()).toEqual([...READ_FALLBACKS].sort());
  });
});
