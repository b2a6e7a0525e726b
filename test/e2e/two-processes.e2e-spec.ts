import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { JobName, QueueName, redisConnection } from '@fuyi/platform';
import { applicationBody } from '../support/factories';
import { insertDueReminders } from '../support/due-reminders';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { deleteRedisPrefix, describeWorker, killAllWorkers, pollUntil, startWebhookReceiver, startWorker, type WebhookReceiver, type WorkerProcess } from '../support/worker-process';

/**
 * Issue 15 item 5: two api processes and two worker processes (real child processes, no build) on the same PostgreSQL
 * and Redis. Registrations through both apis get distinct numbers; the workers' job schedulers exist once; every due
 * reminder is recorded and delivered exactly once; every outbox row is published once and its job run once.
 */
const REMINDERS = 500;
const PER_API = 30;

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

describe('two apis and two workers on one database and one Redis', () => {
  let db: TestDatabase;
  let hook: WebhookReceiver;
  const procs: WorkerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    hook = await startWebhookReceiver();
  }, 60_000);
  afterAll(async () => {
    await killAllWorkers();
    await hook?.close();
    await deleteRedisPrefix(db.config.redisUrl, db.config.queuePrefix);
    await db.drop();
  });

  const startApi = async (name: string) => {
    const port = await freePort();
    const api = await startWorker(db.config, {
      name, script: 'apps/api/src/main.ts', readyLine: 'API 已启动', env: { PORT: String(port), RATE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_MAX: '5' },
    });
    procs.push(api);
    const url = `http://127.0.0.1:${port}`;
    const login = await fetch(`${url}${apiPath('/auth/login')}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhongcang', password: DEMO_PASSWORD }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    return { url, token: accessToken, api };
  };

  it('distinct case numbers, schedulers once, every reminder and every outbox job exactly once', async () => {
    const [{ id: clerkId }] = await db.ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
    const [{ id: respondentId }] = await db.ds.query(`SELECT id FROM departments WHERE name = '区公安分局'`);
    await insertDueReminders(db, REMINDERS, clerkId);
    // The fixture's cases took the numbers 1..REMINDERS of 2026 directly; registrations continue after them.
    await db.owner.query(`INSERT INTO case_number_counters (year, last_seq) VALUES (2026, $1)`, [REMINDERS]);

    const apis = await Promise.all([startApi('api-1'), startApi('api-2')]);
    // Small pools: four processes here and another test file's processes share PostgreSQL's 100 connections.
    const workers = await Promise.all([1, 2].map((i) => startWorker(db.config, { channels: '', webhookUrl: hook.url, name: `worker-${i}`, env: { DATABASE_POOL_MAX: '5' } })));
    procs.push(...workers);

    const results = await Promise.all(apis.flatMap(({ url, token }) => Array.from({ length: PER_API }, () =>
      fetch(`${url}${apiPath('/applications')}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(applicationBody(respondentId)) })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { caseNumber: string } })),
    )));
    expect(results.map((r) => r.status)).toEqual(Array(2 * PER_API).fill(201));
    const numbers = results.map((r) => r.body.caseNumber);
    expect(new Set(numbers).size).toBe(2 * PER_API);
    const seqs = numbers.map((n) => Number(/第(\d+)号/.exec(n)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 2 * PER_API }, (_, i) => REMINDERS + 1 + i));

    const done = await pollUntil(async () => {
      const [c] = await db.ds.query(
        `SELECT (SELECT count(*) FROM clock_milestones WHERE status = 'pending' AND fire_at <= now())::int AS due_pending,
                (SELECT count(*) FROM outbox WHERE sent_at IS NULL)::int AS unsent,
                (SELECT count(*) FROM deliveries d JOIN notifications n ON n.id = d.notification_id JOIN reminders r ON r.id = n.reminder_id
                  JOIN case_clocks k ON k.id = r.clock_id AND k.rule = 'copy-to-respondent' WHERE d.status = 'delivered')::int AS delivered`,
      );
      return c.due_pending === 0 && c.unsent === 0 && c.delivered >= REMINDERS ? c : null;
    }, 90_000, 'reminders delivered and outbox drained', () => procs.map((p) => describeWorker(p)).join('\n'));
    expect(done).toEqual({ due_pending: 0, unsent: 0, delivered: REMINDERS });

    const [r] = await db.ds.query(
      // The fixture's clocks only: the registered applications' own clocks (their acceptance review overdue) remind too.
      `WITH fixture AS (SELECT r.* FROM reminders r JOIN case_clocks k ON k.id = r.clock_id AND k.rule = 'copy-to-respondent')
       SELECT (SELECT count(*) FROM fixture)::int AS reminders,
              (SELECT count(DISTINCT milestone_id) FROM fixture)::int AS distinct_milestones,
              (SELECT count(*) FROM notifications n JOIN fixture f ON f.id = n.reminder_id)::int AS notifications,
              (SELECT count(*) FROM outbox WHERE job_name = $1)::int AS registered_rows`,
      [JobName.CaseRegistered],
    );
    expect(r).toEqual({ reminders: REMINDERS, distinct_milestones: REMINDERS, notifications: REMINDERS, registered_rows: 2 * PER_API });

    const connection = redisConnection(db.config.redisUrl, { maxRetriesPerRequest: null });
    const queue = (name: QueueName) => new Queue(name, { connection, prefix: db.config.queuePrefix });
    const [cases, reminders, system] = [queue(QueueName.Cases), queue(QueueName.Reminders), queue(QueueName.System)];
    try {
      // Each outbox row became one job (jobId = outbox id) and ran once; none failed or waits.
      const jobs = (await pollUntil(async () => {
        const js = (await cases.getJobs(['completed'], 0, -1)).filter((j) => j.name === JobName.CaseRegistered);
        return js.length >= 2 * PER_API ? js : null;
      }, 30_000, 'cases.registered jobs completed'));
      expect(jobs.length).toBe(2 * PER_API);
      expect(new Set(jobs.map((j) => j.id)).size).toBe(2 * PER_API);
      expect(jobs.every((j) => j.attemptsMade === 1)).toBe(true);
      // Both workers upserted the same schedulers: each exists once.
      const schedulerIds = async (q: Queue) => (await q.getJobSchedulers()).map((s) => s.key ?? s.id).sort();
      const ids = [...(await schedulerIds(reminders)), ...(await schedulerIds(system)), ...(await schedulerIds(cases))];
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(['reminder-scan', 'liaison-scan', 'heartbeat', 'group-disputes-detect']));
    } finally {
      await Promise.all([cases.close(), reminders.close(), system.close()]);
      connection.disconnect();
    }
    // The receiver got every reminder's delivery; a repeat could only be a send in flight at a crash, and none crashed.
    expect(hook.duplicates()).toEqual([]);
    for (const p of procs) expect(p.alive()).toBe(true);
  }, 180_000); // four processes start from TypeScript source: tens of seconds on a loaded 2-core machine
});
