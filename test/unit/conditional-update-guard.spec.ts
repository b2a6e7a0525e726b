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
  'libs/platform/src/auth/users.service.ts':
    'user accounts: keyed updates by the console (password reset, deactivation need no expected version)',
  'libs/platform/src/auth/operator-accounts.ts': 'operator CLI: by username, no expected version',
  'libs/platform/src/auth/auth.service.ts': 'own password change: no expected version',
  'libs/liaison/src/clusters/stores/group-disputes.store.ts':
    'cluster detector: set-based merge of many rows in one statement; cluster dismissal (dismissOpen): not yet on the helper',
  'libs/liaison/src/workflow/stores/copy-reports.store.ts': 'copy report (markIssued): not yet on the helper',
  'libs/clocks/src/clock-recomputer.ts': 'calendar recompute: set-based update of many clocks in one statement',
  'libs/clocks/src/clock.service.ts': 'clocks: system updates without an expected version',
  'libs/mediation/src/services/mediator-profile.service.ts': 'mediator profile: upsert by user id',
  'libs/mediation/src/services/session.service.ts': 'mediation session minutes: not yet on the helper',
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
