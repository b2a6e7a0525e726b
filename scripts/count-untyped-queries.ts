import { countQueries } from '../test/unit/untyped-queries';

/** `npm run db:untyped`: per library, query results still untyped and typed ones not yet in a store module (issue 19 item 2). */
const rows = countQueries();
console.table(rows.map((r) => ({ library: r.lib, untyped: r.untyped, typed: r.typed, typedOutsideStores: r.outsideStores.length })));
if (process.argv.includes('--sites')) for (const r of rows) for (const s of r.sites) console.log(s);
