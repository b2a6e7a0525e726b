import * as argon2 from 'argon2';
import { DEMO_PASSWORD } from '../../db/seed/seed';

/**
 * The demo users' password hash in test databases: argon2id like the application's (libs/platform passwords.ts), at the
 * lowest cost argon2 allows, because every sign-in verifies it and the tests sign in about a thousand times per run
 * (at the application's cost, about 0.2 s of CPU each). Verification reads the cost from the hash itself, so the
 * sign-in code under test is unchanged; passwords the application sets in a test (users created, changed, reset) are
 * hashed at the application's own cost.
 */
let hash: Promise<string> | undefined;
export const fixturePasswordHash = () =>
  (hash ??= argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 }));
