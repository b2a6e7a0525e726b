import { createHash } from 'node:crypto';
import { FieldCipher, IdempotencyService, UnitOfWork } from '@fuyi/platform';
import { DomainError } from '@fuyi/kernel';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Idempotency-Key: first answer replayed, in-flight duplicates refused, failed work releases the key. */
describe('IdempotencyService (real Postgres)', () => {
  let db: TestDatabase;
  let svc: IdempotencyService;
  let userId: string;
  const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e) => (e instanceof DomainError ? e.code : `non-domain: ${e}`));
  const keys = async (key: string) => db.ds.query('SELECT status, response_enc FROM idempotency_keys WHERE key = $1', [key]);

  beforeAll(async () => {
    db = await createTestDatabase();
    svc = new IdempotencyService(db.ds, new UnitOfWork(db.ds), new FieldCipher(db.config.dataKey));
    [{ id: userId }] = await db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
  });
  afterAll(() => db.drop());

  it('while the first request runs, a duplicate gets IDEMPOTENCY_IN_FLIGHT; afterwards it gets the stored answer', async () => {
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = new Promise<void>((r) => (started = r));
    let calls = 0;
    const work = async () => {
      calls++;
      started();
      await gate;
      return { caseNumber: '通复〔2026〕第00001号', queryCode: 'K7M2QX' };
    };
    const first = svc.execute(userId, 'test.scope', 'k-inflight', { a: 1 }, work);
    await running;
    expect(await codeOf(svc.execute(userId, 'test.scope', 'k-inflight', { a: 1 }, work))).toBe('IDEMPOTENCY_IN_FLIGHT');
    release();
    await expect(first).resolves.toEqual({ result: { caseNumber: '通复〔2026〕第00001号', queryCode: 'K7M2QX' }, replayed: false });

    const again = await svc.execute(userId, 'test.scope', 'k-inflight', { a: 1 }, work);
    expect(again).toEqual({ result: { caseNumber: '通复〔2026〕第00001号', queryCode: 'K7M2QX' }, replayed: true });
    expect(calls).toBe(1);
    const [row] = await keys('k-inflight');
    expect(row.status).toBe('done');
    expect(row.response_enc).not.toContain('K7M2QX'); // the stored answer is encrypted
  });

  it('same key with a different body is IDEMPOTENCY_KEY_REUSED; key order in the body does not matter', async () => {
    await svc.execute(userId, 'test.scope', 'k-body', { a: 1, b: { c: 2, d: 3 } }, async () => 'ok');
    expect(await svc.execute(userId, 'test.scope', 'k-body', { b: { d: 3, c: 2 }, a: 1 }, async () => 'other')).toEqual({ result: 'ok', replayed: true });
    expect(await codeOf(svc.execute(userId, 'test.scope', 'k-body', { a: 2 }, async () => 'x'))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keys are per user and per scope', async () => {
    const [{ id: other }] = await db.ds.query(`SELECT id FROM users WHERE username = 'chief'`);
    await svc.execute(userId, 'scope.one', 'k-shared', { a: 1 }, async () => 'one');
    expect((await svc.execute(other, 'scope.one', 'k-shared', { a: 1 }, async () => 'other user')).result).toBe('other user');
    expect((await svc.execute(userId, 'scope.two', 'k-shared', { a: 1 }, async () => 'two')).result).toBe('two');
  });

  it('failed work releases the key and rolls back its writes, so a retry with the same key runs fresh', async () => {
    const work = (fail: boolean) => async (m: any) => {
      await m.query(`INSERT INTO case_number_counters (year, last_seq) VALUES (1999, 1) ON CONFLICT (year) DO UPDATE SET last_seq = case_number_counters.last_seq + 1`);
      if (fail) throw new DomainError('CASE_INVALID_INPUT', '失败', 'invalid');
      return 'second try';
    };
    expect(await codeOf(svc.execute(userId, 'test.scope', 'k-fail', { a: 1 }, work(true)))).toBe('CASE_INVALID_INPUT');
    expect(await keys('k-fail')).toEqual([]);
    expect(await db.ds.query('SELECT * FROM case_number_counters WHERE year = 1999')).toEqual([]);
    expect(await svc.execute(userId, 'test.scope', 'k-fail', { a: 1 }, work(false))).toEqual({ result: 'second try', replayed: false });
    expect((await keys('k-fail'))[0].status).toBe('done');
  });

  it('an abandoned in-flight claim older than two minutes may be taken over', async () => {
    await db.ds.query(
      `INSERT INTO idempotency_keys (user_id, scope, key, request_hash, status, created_at)
       VALUES ($1, 'test.scope', 'k-stale', $2, 'in_flight', now() - interval '10 minutes')`,
      [userId, createHash('sha256').update('{"a":1}').digest('hex')],
    );
    expect(await svc.execute(userId, 'test.scope', 'k-stale', { a: 1 }, async () => 'taken over')).toEqual({ result: 'taken over', replayed: false });
  });

  it.each(['', 'has space', 'ключ', 'x'.repeat(129)])('rejects the malformed key %p with IDEMPOTENCY_KEY_INVALID and writes nothing', async (key) => {
    expect(await codeOf(svc.execute(userId, 'test.scope', key, {}, async () => 'never'))).toBe('IDEMPOTENCY_KEY_INVALID');
    expect((await db.ds.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1`, [key]))[0].n).toBe(0);
  });

  it('a request whose claim was taken over cannot complete: one key never yields two results', async () => {
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = new Promise<void>((r) => (started = r));
    const slow = svc.execute(userId, 'test.takeover', 'k-takeover', { n: 1 }, async (m) => {
      started();
      await gate;
      await m.query(`INSERT INTO case_events (case_id, type, data) VALUES ('00000000-0000-4000-8000-00000000abcd', 'slow', '{}')`);
      return { by: 'slow' };
    });
    await running;
    await db.ds.query(`UPDATE idempotency_keys SET created_at = now() - interval '10 minutes' WHERE key = 'k-takeover'`);
    const fast = await svc.execute(userId, 'test.takeover', 'k-takeover', { n: 1 }, async () => ({ by: 'fast' }));
    expect(fast).toEqual({ result: { by: 'fast' }, replayed: false });
    release();
    expect(await codeOf(slow)).toBe('IDEMPOTENCY_IN_FLIGHT');
    expect(await db.ds.query(`SELECT 1 FROM case_events WHERE type = 'slow'`)).toHaveLength(0); // its writes rolled back
    const replay = await svc.execute(userId, 'test.takeover', 'k-takeover', { n: 1 }, async () => ({ by: 'third' }));
    expect(replay).toEqual({ result: { by: 'fast' }, replayed: true });
  });
});
