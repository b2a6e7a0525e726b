// Preloaded into the benchmarked api (node -r): counts every round trip to PostgreSQL (pg's Client#query, which the
// TypeORM driver and the case-number pool both use) and prints the totals on SIGUSR2, so the benchmark can measure the
// round trips and statements of one registration without touching the api's code.
const { Client } = require('pg');
const original = Client.prototype.query;
let roundTrips = 0;
let statements = 0;
Client.prototype.query = function countedQuery(config, ...rest) {
  roundTrips++;
  const text = typeof config === 'string' ? config : config && config.text;
  if (process.env.COUNT_QUERIES_LOG) process.stderr.write(`Q ${String(text).replace(/\s+/g, ' ').slice(0, 110)}\n`);
  if (!/^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK)\b/i.test(text || '')) statements++;
  return original.call(this, config, ...rest);
};
process.on('SIGUSR2', () => process.stderr.write(`QUERY-COUNT ${roundTrips} ${statements}\n`));
