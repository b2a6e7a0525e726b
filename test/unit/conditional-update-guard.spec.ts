import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, walk } from './table-ownership';

/**
 * Issue 19 item 4: an optimistic version bump is written once, in libs/platform conditionalUpdate; cases, mediation,
 * risk notices and letters go through it. These hand-written bumps remain, each with its reason; the list may only
 * shrink (a listed file that no longer bumps must come off it).
 */
const KNOWN: Record<string, string> = {
  'libs/platform/src/database/conditional-update.ts': 'the helper itself',
  // The three bumps of user accounts (console, operator CLI, own password change) moved together into their store.
  'libs/platform/src/auth/stores/users.store.ts':
    'user accounts: keyed updates (password reset by the console or the operator CLI, deactivation, own password change) need no expected version; role and particulars are conditional on it but not yet on the helper',
  'libs/liaison/src/clusters/stores/group-disputes.store.ts':
    'cluster detector: set-based merge of many rows in one statement; cluster dismissal (dismissOpen): not yet on the helper',
  'libs/liaison/src/workflow/stores/copy-reports.store.ts': 'copy report (markIssued): not yet on the helper',
  'libs/clocks/src/stores/clocks.store.ts':
    'clocks: set-based writes (calendar recompute of many clocks, closing by case and rule) without an expected version',
  'libs/mediation/src/stores/profiles.store.ts': 'mediator profile: upsert by user id',
};

const BUMP = /\bversion\s*=\s*(?:[a-z_]+\.)?version\s*\+\s*1\b/i;

function* sources(): Generator<string> {
  for (const top of ['libs', 'apps']) {
    for (const file of walk(join(ROOT, top))) {
      const rel = relative(ROOT, file);
      if (
        rel.startsWith('apps/web/') ||
        rel.includes('__tests__') ||
        rel.includes('/migrations/') ||
        /\.(spec|int-spec|e2e-spec)\.ts$/.test(rel)
      )
        continue;
      yield rel;
    }
  }
}

describe('conditional updates: one helper', () => {
  it('no hand-written `version = version + 1` outside the helper and the listed files', () => {
    const found = [...sources()].filter((rel) => BUMP.test(readFileSync(join(ROOT, rel), 'utf8')));
    expect(found.filter((f) => !(f in KNOWN))).toEqual([]);
    expect(Object.keys(KNOWN).filter((f) => !found.includes(f))).toEqual([]);
  });
});
