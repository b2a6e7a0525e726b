import { countQueries } from './untyped-queries';

/**
 * Issue 19 item 2 (typed rows): query results still untyped, per library. The ceilings may only come down; a library
 * at 0 keeps its persistence in store modules (*.store.ts) typed through the generated schema (libs/platform README,
 * "Typed persistence"). `npm run db:untyped -- --sites` lists what is left.
 * Measured before the work began (2026-12-05): cases 121, clocks 55, liaison 89, mediation 52, platform 66,
 * notifications 18, documents 15, files 9, statistics 9, apps/api 8, apps/worker 3 — 445 in all. 409 at the end of the
 * first session of the work; 0 in every library since 2026-12-06 (the database mechanism in untyped-queries.ts MECHANISM).
 */
const CEILING: Record<string, number> = {
  'apps/api': 0,
  'apps/worker': 0,
  'libs/cases': 0,
  'libs/clocks': 0,
  'libs/deadlines': 0,
  'libs/documents': 0,
  'libs/files': 0,
  'libs/kernel': 0,
  'libs/liaison': 0,
  'libs/mediation': 0,
  'libs/notifications': 0,
  'libs/platform': 0,
  'libs/statistics': 0,
};

describe('typed query results', () => {
  const counts = countQueries();

  it('no library has more untyped query results than its ceiling', () => {
    const over = counts
      .filter((c) => c.untyped > (CEILING[c.lib] ?? 0))
      .map((c) => `${c.lib}: ${c.untyped} > ${CEILING[c.lib] ?? 0}\n  ${c.sites.join('\n  ')}`);
    expect(over).toEqual([]);
  });

  it('a library with no untyped results keeps its queries in store modules', () => {
    const stray = counts.filter((c) => c.untyped === 0).flatMap((c) => c.outsideStores);
    expect(stray).toEqual([]);
  });
});
