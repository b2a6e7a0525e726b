import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, walk } from './table-ownership';

/**
 * Issue 19 item 6: time only through the TimeSource (libs/platform), so tests can move it (FUYI_NOW). A wall-clock read
 * in libs/ is allowed only where it is genuinely right, each with a comment at the site saying why; the counts per file
 * may only shrink. No read is left to route (the last seven, default parameters, now take today from their callers).
 */
const ALLOWED: Record<string, number> = {
  'libs/platform/src/time/time-source.ts': 1, // the TimeSource itself
  'libs/platform/src/auth/totp.service.ts': 2, // authenticator apps count real time
  'libs/platform/src/audit/audit.service.ts': 1, // the audit trail records when it really happened
  'libs/statistics/src/export/xlsx.ts': 1, // file metadata
  'libs/kernel/src/id-number.ts': 1, // plausibility of a birth date; the kernel has no TimeSource
  'libs/liaison/src/clusters/cluster-detector.ts': 1, // scan lag against PostgreSQL's now() on rows
};

const READ = /\bnew Date\(\)|\bDate\.now\(\)/g;

describe('wall-clock reads in libs/', () => {
  it('only the allowed and pending ones, no new one', () => {
    const found: Record<string, number> = {};
    for (const file of walk(join(ROOT, 'libs'))) {
      const rel = relative(ROOT, file);
      const n = (readFileSync(file, 'utf8').match(READ) ?? []).length;
      if (n) found[rel] = n;
    }
    expect(found).toEqual(ALLOWED);
  });
});
