import Redis from 'ioredis';
import { JobName, OUTBOX_MAX_ATTEMPTS, OutboxService, QueueName, QueueRegistry, redisConnection, relayOutboxBatch, UnitOfWork } from '@fuyi/platform';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { cleanRedisPrefix } from '../support/test-app';

/** Transactional outbox: a job exists iff its transaction committed, and is published to BullMQ exactly once. */
describe('outbox → BullMQ relay (real Postgres and Redis)', () => {
  let db: TestDatabase;
  let redis: Redis;
  let queues: QueueRegistry;
  const outbox = new OutboxService();
  const publish = (rows: Parameters<QueueRegistry['publishOutbox']>[0]) => queues.publishOutbox(rows);
  const caseId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const prefixKeys = async () => {
    const probe = new Redis(db.config.redisUrl);
    try {
      return await probe.keys(`${db.config.queuePrefix}:*`);
    } finally {
      probe.disconnect();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    redis = redisConnection(db.config.redisUrl);
    queues = new QueueRegistry(redis, db.config.queuePrefix);
  });
  afterAll(async () => {
    await queues.close();
    redis.disconnect();
    await cleanRedisPrefix(db.config.redisUrl, db.config.queuePrefix);
    await db.drop();
  });

  it('a transaction that throws after OutboxService.add leaves no row, and nothing reaches Redis', async () => {
    await expect(
      db.ds.transaction(async (m) => {
        await outbox.add(m, { name: JobName.CaseRegistered, data: { caseId: caseId(1) } });
        throw new Error('domain change failed');
      }),
    ).rejects.toThrow('domain change failed');
    expect(await db.ds.query('SELECT * FROM outbox')).toEqual([]);
    expect(await relayOutboxBatch(new UnitOfWork(db.ds), publish)).toBe(0);
    expect(total(await queues.get(QueueName.Cases).getJobCounts())).toBe(0);
    expect((await prefixKeys()).filter((k) => !k.endsWith(':meta'))).toEqual([]);
  });

  it('a committed row is published once even by two concurrent relays, with jobId outbox-<id>, and gets sent_at', async () => {
    await db.ds.transaction((m) => outbox.add(m, { name: JobName.CaseRegistered, data: { caseId: caseId(2) } }));
    const [{ id }] = await db.ds.query('SELECT id FROM outbox WHERE sent_at IS NULL');

    const relayed = await Promise.all([relayOutboxBatch(new UnitOfWork(db.ds), publish), relayOutboxBatch(new UnitOfWork(db.ds), publish)]);
    expect(relayed.sort()).toEqual([0, 1]);

    const cases = queues.get(QueueName.Cases);
    expect(total(await cases.getJobCounts())).toBe(1);
    const job = await cases.getJob(`outbox-${id}`);
    expect(job).toBeDefined();
    expect(job!.name).toBe(JobName.CaseRegistered);
    expect(job!.data).toEqual({ caseId: caseId(2) });
    const [row] = await db.ds.query('SELECT sent_at, attempts FROM outbox WHERE id = $1', [id]);
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(1);

    // A relay that crashed after publishing but before marking sent publishes again: the job id makes it a no-op.
    await queues.publishOutbox([{ id, queue: QueueName.Cases, job_name: JobName.CaseRegistered, payload: { caseId: caseId(2) } }]);
    expect(total(await cases.getJobCounts())).toBe(1);
    expect(await relayOutboxBatch(new UnitOfWork(db.ds), publish)).toBe(0);
  });

  it('many rows, several concurrent relays with small batches: every row relayed exactly once, to its own queue', async () => {
    await db.ds.transaction(async (m) => {
      for (let i = 10; i < 40; i++) await outbox.add(m, { name: JobName.CaseReviewed, data: { caseId: caseId(i), outcome: 'accept' } });
      await outbox.add(m, { name: JobName.Heartbeat, data: {} });
    });
    const drain = async () => {
      let n = 0;
      for (let k = await relayOutboxBatch(new UnitOfWork(db.ds), publish, 4); k > 0; k = await relayOutboxBatch(new UnitOfWork(db.ds), publish, 4)) n += k;
      return n;
    };
    const counts = await Promise.all([drain(), drain(), drain()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(31);
    expect(total(await queues.get(QueueName.Cases).getJobCounts())).toBe(31);
    expect(total(await queues.get(QueueName.System).getJobCounts())).toBe(1);
    const [{ pending, attempts }] = await db.ds.query(
      `SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS pending, max(attempts)::int AS attempts FROM outbox`,
    );
    expect(pending).toBe(0);
    expect(attempts).toBe(1);
  });

  it('when publishing fails the rows stay pending (the claim rolls back) and a later relay sends them', async () => {
    await db.ds.transaction((m) => outbox.add(m, { name: JobName.CaseRegistered, data: { caseId: caseId(99) } }));
    await expect(relayOutboxBatch(new UnitOfWork(db.ds), async () => { throw new Error('redis down'); })).rejects.toThrow('redis down');
    expect((await db.ds.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL'))[0].n).toBe(1);
    expect(await relayOutboxBatch(new UnitOfWork(db.ds), publish)).toBe(1);
  });

  it('a row that cannot be published does not block the others; after repeated failures it is parked', async () => {
    await db.ds.query('UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL');
    await db.ds.transaction(async (m) => {
      await outbox.add(m, { name: JobName.CaseRegistered, data: { caseId: caseId(901) } });
      await outbox.add(m, { name: JobName.CaseRegistered, data: { caseId: caseId(902) } });
    });
    const [{ id: poison }] = await db.ds.query(`SELECT id FROM outbox WHERE payload->>'caseId' = $1`, [caseId(901)]);
    const flaky = async (rows: Parameters<typeof publish>[0]) => {
      if (rows.some((r) => r.id === poison)) throw new Error('queue unavailable');
      await publish(rows);
    };
    await expect(relayOutboxBatch(new UnitOfWork(db.ds), flaky)).rejects.toThrow('queue unavailable');
    const after = await db.ds.query(`SELECT payload->>'caseId' AS c, sent_at, attempts, last_error, parked_at FROM outbox WHERE id >= $1 ORDER BY id`, [poison]);
    expect(after[0]).toMatchObject({ c: caseId(901), sent_at: null, attempts: 1, last_error: 'queue unavailable', parked_at: null });
    expect(after[1].sent_at).not.toBeNull();
    for (let i = 1; i < OUTBOX_MAX_ATTEMPTS; i++) await relayOutboxBatch(new UnitOfWork(db.ds), flaky).catch(() => undefined);
    const [parked] = await db.ds.query('SELECT attempts, parked_at FROM outbox WHERE id = $1', [poison]);
    expect(parked.attempts).toBe(OUTBOX_MAX_ATTEMPTS);
    expect(parked.parked_at).not.toBeNull();
    expect(await relayOutboxBatch(new UnitOfWork(db.ds), flaky)).toBe(0); // parked rows are no longer claimed
  });
});
