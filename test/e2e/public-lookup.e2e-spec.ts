import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/create-app';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { PUBLIC_LOOKUP_DELAYS } from '../../libs/cases/src/queries/public-lookup-throttle';
import { applicationBody } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Issue 14 item 10: the public lookup slows down per typed number and per client (progressive delays) instead of a
 * hard lock, and answers the same whether the number exists or not. Behind a trusted proxy, so X-Forwarded-For names
 * the client.
 */
describe('public case-status lookup: progressive delays, no oracle', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let real: { caseNumber: string; queryCode: string };
  const UNKNOWN = '通复〔2026〕第99999号';

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp({ ...db.config, trustProxy: true }, { rateLimitPerMinute: 100_000 });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const login = await app.inject({ method: 'POST', url: apiPath('/auth/login'), payload: { username: 'clerk', password: DEMO_PASSWORD } });
    const [{ id: dept }] = await db.ds.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
    const reg = await app.inject({ method: 'POST', url: apiPath('/applications'), headers: { authorization: `Bearer ${login.json().accessToken}` }, payload: applicationBody(dept) });
    real = { caseNumber: reg.json().caseNumber, queryCode: reg.json().queryCode };
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });
  beforeEach(() => db.ds.query('DELETE FROM public_lookup_attempts'));

  const lookup = async (caseNumber: string, queryCode: string, client: string) => {
    const res = await app.inject({ method: 'POST', url: apiPath('/public/case-status'), headers: { 'x-forwarded-for': client }, payload: { caseNumber, queryCode } });
    const { requestId: _, ...body } = res.json();
    return { status: res.statusCode, body, retryAfter: res.headers['retry-after'] as string | undefined };
  };
  /** Lets every running delay run out, as if the caller had waited. */
  const waitOut = () => db.ds.query('UPDATE public_lookup_attempts SET next_allowed_at = now()');

  /** Seven guesses from one client, two of them without waiting: statuses, bodies and Retry-After. */
  async function probe(caseNumber: string, client: string) {
    const seen = [];
    for (let i = 0; i < 7; i++) {
      seen.push(await lookup(caseNumber, 'ZZZZZZ', client));
      if (i === 5) seen.push(await lookup(caseNumber, 'ZZZZZZ', client)); // once without waiting after the 6th
      await waitOut();
    }
    return seen;
  }

  it('a real number with a wrong code and an unknown number answer exactly alike, delays included', async () => {
    const a = await probe(real.caseNumber, '10.1.0.1');
    await db.ds.query('DELETE FROM public_lookup_attempts');
    const b = await probe(UNKNOWN, '10.1.0.2');
    expect(a).toEqual(b);
    expect(a.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 429, 404]);
    expect(a[0].body).toMatchObject({ code: 'CASE_STATUS_NOT_FOUND' });
    expect(a[6]).toMatchObject({ status: 429, retryAfter: '4', body: { code: 'CASE_STATUS_RETRY_LATER', retryAfterSeconds: 4 } });
  });

  it('guesses from many clients never lock the applicant out: the wait stays under a minute and the right code then works', async () => {
    let longest = 0;
    for (let i = 0; i < 30; i++) {
      const r = await lookup(real.caseNumber, 'ZZZZZZ', `10.2.0.${i}`);
      if (r.status === 429) longest = Math.max(longest, Number(r.retryAfter));
      else expect(r.status).toBe(404);
      await waitOut();
    }
    // Right after a guess the number waits (at most the cap), and the applicant is told how long, not locked out.
    await lookup(real.caseNumber, 'ZZZZZZ', '10.2.1.1');
    const waiting = await lookup(real.caseNumber, real.queryCode, '10.9.9.9');
    expect(waiting.status).toBe(429);
    longest = Math.max(longest, Number(waiting.retryAfter));
    expect(longest).toBe(PUBLIC_LOOKUP_DELAYS.number.capSeconds);
    await waitOut();
    const applicant = await lookup(real.caseNumber, real.queryCode, '10.9.9.9');
    expect(applicant.status).toBe(200);
    expect(applicant.body).toMatchObject({ caseNumber: real.caseNumber, stage: 'registered' });
    // A right code clears the number's counter: the next lookup is immediate.
    expect((await lookup(real.caseNumber, real.queryCode, '10.9.9.9')).status).toBe(200);
  });

  it('30 parallel guesses at one number: only the free attempts reach the code check, the rest wait', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => lookup(real.caseNumber, 'ZZZZZZ', `10.3.0.${i}`)));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(PUBLIC_LOOKUP_DELAYS.number.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - PUBLIC_LOOKUP_DELAYS.number.free);
  });

  it('one client guessing across many numbers is slowed down after its free attempts', async () => {
    const statuses = [];
    for (let i = 0; i < PUBLIC_LOOKUP_DELAYS.client.free + 1; i++) {
      statuses.push((await lookup(`通复〔2026〕第${String(70000 + i)}号`, 'ZZZZZZ', '10.4.0.1')).status);
    }
    expect(statuses.slice(0, PUBLIC_LOOKUP_DELAYS.client.free)).toEqual(Array(PUBLIC_LOOKUP_DELAYS.client.free).fill(404));
    const next = await lookup('通复〔2026〕第80000号', 'ZZZZZZ', '10.4.0.1');
    expect(next.status).toBe(429);
    expect((await lookup('通复〔2026〕第80000号', 'ZZZZZZ', '10.4.0.2')).status).toBe(404); // another client is not slowed
  });
});
