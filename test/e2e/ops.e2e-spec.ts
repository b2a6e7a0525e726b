import { insertBareCase } from '../support/factories';
import request from 'supertest';
import { randomBytes, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { QueueName, QueueRegistry } from '@fuyi/platform';
import { OPS_REDIS } from '../../apps/api/src/ops/ops.module';
import { createTestApp, type TestApp } from '../support/test-app';

const SCRAPER_TOKEN = randomBytes(24).toString('base64url');

/** Parses Prometheus text: the value of one sample, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.keys(got).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

/** Operations: Prometheus metrics read from Postgres and BullMQ, and the Bull Board for administrators. */
describe('operations: /metrics and the queue board (real Postgres and Redis)', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const scrape = async () => {
    const res = await t.http().get('/metrics').set(auth(admin));
    expect(res.status).toBe(200);
    return res.text;
  };
  const expectErrorBody = (res: { status: number; body: any }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ statusCode: status, code, message: expect.stringMatching(/[\u4e00-\u9fff]/), requestId: expect.any(String) });
  };

  beforeAll(async () => {
    process.env.METRICS_TOKEN = SCRAPER_TOKEN; // read when the module is built
    try {
      t = await createTestApp();
    } finally {
      delete process.env.METRICS_TOKEN;
    }
    [admin, clerk] = await Promise.all([t.login('admin'), t.login('clerk')]);
  });
  afterAll(() => t?.close());

  describe('/metrics', () => {
    it('answers 401 without a token or with a bad one, 403 to a clerk, with the common error body', async () => {
      expectErrorBody(await t.http().get('/metrics'), 401, 'AUTH_REQUIRED');
      expectErrorBody(await t.http().get('/metrics').set(auth('not-a-token')), 401, 'AUTH_TOKEN_INVALID');
      expectErrorBody(await t.http().get('/metrics').set(auth(clerk)), 403, 'FORBIDDEN_ROLE');
    });

    it('serves Prometheus text to an administrator and to the scraper token, with every metric named', async () => {
      const res = await t.http().get('/metrics').set(auth(admin));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      for (const name of [
        'fuyi_queue_jobs', 'fuyi_reminders_fired_total', 'fuyi_reminder_firing_lateness_seconds', 'fuyi_outbox_lag_seconds',
        'fuyi_outbox_pending', 'fuyi_outbox_parked', 'fuyi_deliveries', 'fuyi_milestones_pending_due', 'fuyi_metrics_source_up',
      ]) expect(res.text).toContain(`# TYPE ${name} `);
      expect(res.text).toContain('# TYPE fuyi_reminder_firing_lateness_seconds histogram');
      for (const queue of Object.values(QueueName)) {
        for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) expect(sample(res.text, 'fuyi_queue_jobs', { queue, state })).toBe(0);
      }
      for (const status of ['pending', 'delivered', 'dead']) expect(sample(res.text, 'fuyi_deliveries', { status })).toBe(0);
      expect(sample(res.text, 'fuyi_metrics_source_up', { source: 'postgres' })).toBe(1);
      expect(sample(res.text, 'fuyi_metrics_source_up', { source: 'redis' })).toBe(1);

      const scraper = await t.http().get('/metrics').set(auth(SCRAPER_TOKEN));
      expect(scraper.status).toBe(200);
      expect(scraper.text).toContain('# TYPE fuyi_outbox_pending gauge');
      expectErrorBody(await t.http().get('/metrics').set(auth(`${SCRAPER_TOKEN}x`)), 401, 'AUTH_TOKEN_INVALID');
    });

    it('moves with the rows in Postgres and the jobs in Redis', async () => {
      const before = await scrape();
      const v = (text: string, name: string, labels?: Record<string, string>) => sample(text, name, labels) ?? NaN;
      const ds = t.db.ds;
      await ds.query(
        `INSERT INTO outbox (queue, job_name, payload, created_at) VALUES ('system', 'system.heartbeat', '{}', now() - interval '120 seconds')`,
      );
      await ds.query(
        `INSERT INTO outbox (queue, job_name, payload, attempts, parked_at, last_error) VALUES ('system', 'system.heartbeat', '{}', 10, now(), 'boom')`,
      );
      const caseId = await insertBareCase(ds);
      const [{ id: clockId }] = await ds.query(
        `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, calendar_version) VALUES ($1, 'copy-to-respondent', '2026-11-20', '2026-11-27', 'running', 1) RETURNING id`,
        [caseId],
      );
      // Lateness 2 s (bucket le=5) and 30 s (bucket le=60).
      await ds.query(
        `INSERT INTO reminders (milestone_id, clock_id, case_id, milestone_key, clock_version, kind, due_at, fired_at)
         VALUES (1, $1, $2, 'due-3', 1, 'before', now() - interval '2 seconds', now()),
                (2, $1, $2, 'due-1', 1, 'before', now() - interval '30 seconds', now())`,
        [clockId, caseId],
      );
      await ds.query(
        `INSERT INTO clock_milestones (clock_id, case_id, clock_version, key, kind, recipient_role, fire_at)
         VALUES ($1, $2, 1, 'due-0', 'due', 'handler', now() - interval '1 minute'), ($1, $2, 1, 'overdue-1', 'overdue', 'handler', now() + interval '1 day')`,
        [clockId, caseId],
      );
      const [{ id: userId }] = await ds.query(`SELECT id FROM users WHERE username = 'clerk'`);
      await ds.query(
        `INSERT INTO deliveries (notification_id, user_id, channel, status) VALUES (9000001, $1, 'sms', 'dead'), (9000001, $1, 'email', 'pending')`,
        [userId],
      );
      const system = t.app.get(QueueRegistry).get(QueueName.System);
      await system.add('system.heartbeat', {}, { jobId: 'metrics-waiting' });
      await system.add('system.heartbeat', {}, { jobId: 'metrics-delayed', delay: 60_000 });

      const after = await scrape();
      expect(v(after, 'fuyi_outbox_pending') - v(before, 'fuyi_outbox_pending')).toBe(1);
      expect(v(after, 'fuyi_outbox_parked') - v(before, 'fuyi_outbox_parked')).toBe(1);
      expect(v(after, 'fuyi_outbox_lag_seconds')).toBeGreaterThanOrEqual(120);
      expect(v(after, 'fuyi_reminders_fired_total') - v(before, 'fuyi_reminders_fired_total')).toBe(2);
      const bucket = (text: string, le: string) => v(text, 'fuyi_reminder_firing_lateness_seconds_bucket', { le });
      expect(bucket(after, '1') - bucket(before, '1')).toBe(0);
      expect(bucket(after, '5') - bucket(before, '5')).toBe(1);
      expect(bucket(after, '15') - bucket(before, '15')).toBe(1);
      expect(bucket(after, '60') - bucket(before, '60')).toBe(2);
      expect(bucket(after, '+Inf') - bucket(before, '+Inf')).toBe(2);
      expect(v(after, 'fuyi_reminder_firing_lateness_seconds_count') - v(before, 'fuyi_reminder_firing_lateness_seconds_count')).toBe(2);
      expect(v(after, 'fuyi_reminder_firing_lateness_seconds_sum') - v(before, 'fuyi_reminder_firing_lateness_seconds_sum')).toBeCloseTo(32, 3);
      expect(v(after, 'fuyi_milestones_pending_due') - v(before, 'fuyi_milestones_pending_due')).toBe(1);
      expect(v(after, 'fuyi_deliveries', { status: 'dead' }) - v(before, 'fuyi_deliveries', { status: 'dead' })).toBe(1);
      expect(v(after, 'fuyi_deliveries', { status: 'pending' }) - v(before, 'fuyi_deliveries', { status: 'pending' })).toBe(1);
      expect(v(after, 'fuyi_queue_jobs', { queue: 'system', state: 'waiting' }) - v(before, 'fuyi_queue_jobs', { queue: 'system', state: 'waiting' })).toBe(1);
      expect(v(after, 'fuyi_queue_jobs', { queue: 'system', state: 'delayed' }) - v(before, 'fuyi_queue_jobs', { queue: 'system', state: 'delayed' })).toBe(1);

      await ds.query(`UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL AND parked_at IS NULL`);
      const drained = await scrape();
      expect(v(drained, 'fuyi_outbox_pending')).toBe(0);
      expect(v(drained, 'fuyi_outbox_lag_seconds')).toBe(0);
    });

    it('a source that cannot be read leaves its series out and says so, instead of failing the scrape', async () => {
      const redis = t.app.get<Redis>(OPS_REDIS); // the api's queue connection, not the test's
      redis.disconnect();
      try {
        const text = await scrape();
        expect(sample(text, 'fuyi_metrics_source_up', { source: 'redis' })).toBe(0);
        expect(sample(text, 'fuyi_metrics_source_up', { source: 'postgres' })).toBe(1);
        expect(text).not.toMatch(/^fuyi_queue_jobs\{/m);
        expect(sample(text, 'fuyi_outbox_pending')).toEqual(expect.any(Number));
      } finally {
        await redis.connect();
      }
      expect(sample(await scrape(), 'fuyi_metrics_source_up', { source: 'redis' })).toBe(1);
    });
  });

  describe('/admin/queues (Bull Board)', () => {
    it('answers 401 without a token, 403 to a clerk, with the common error body; the static files are guarded too', async () => {
      expectErrorBody(await t.http().get('/admin/queues'), 401, 'AUTH_REQUIRED');
      expectErrorBody(await t.http().get('/admin/queues/api/queues'), 401, 'AUTH_REQUIRED');
      expectErrorBody(await t.http().get('/admin/queues').set(auth(clerk)), 403, 'FORBIDDEN_ROLE');
      expectErrorBody(await t.http().get('/admin/queues/api/queues').set(auth(clerk)), 403, 'FORBIDDEN_ROLE');
      expectErrorBody(await t.http().get('/admin/queues/static/favicon-32x32.png'), 401, 'AUTH_REQUIRED');
    });

    it('serves the UI to an administrator: page, its scripts and styles load under the CSP, and the queues API lists every queue', async () => {
      const page = await t.http().get('/admin/queues').set(auth(admin));
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<div id="root">');
      expect(page.text).toContain('<base href="/api/admin/queues/"');
      // helmet's CSP allows same-origin scripts only: the page must run no inline script (its config block is JSON data).
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain(`script-src 'self'`);
      const inline = [...page.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline.every((attrs) => /type="application\/json"/.test(attrs))).toBe(true);
      const assets = [...page.text.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
      expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
      for (const asset of assets) {
        const res = await t.http().get(`/admin/queues/${asset}`).set(auth(admin));
        expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      }
      const api = await t.http().get('/admin/queues/api/queues').set(auth(admin));
      expect(api.status).toBe(200);
      expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    });

    it('POST /admin/queues-session sets a board-only HttpOnly cookie that opens the board and nothing else', async () => {
      expectErrorBody(await t.http().post('/admin/queues-session'), 401, 'AUTH_REQUIRED');
      expectErrorBody(await t.http().post('/admin/queues-session').set(auth(clerk)), 403, 'FORBIDDEN_ROLE');
      const own = await t.login('admin'); // a session of its own, ended below
      const res = await t.http().post('/admin/queues-session').set(auth(own));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ url: '/api/admin/queues', expiresIn: 900 });
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/^fuyi_board=[\w-]+\.[\w-]+\.[\w-]+; Path=\/api\/admin\/queues; Max-Age=900; HttpOnly; SameSite=Strict/);
      const cookie = setCookie.split(';')[0];
      const value = cookie.slice('fuyi_board='.length);

      expect((await t.http().get('/admin/queues').set('cookie', cookie)).status).toBe(200);
      expect((await t.http().get('/admin/queues/api/queues').set('cookie', `other=1; ${cookie}`)).status).toBe(200);
      // Not an access token, and an access token is not a board cookie.
      expectErrorBody(await t.http().get('/auth/me').set(auth(value)), 401, 'AUTH_TOKEN_INVALID');
      expectErrorBody(await t.http().get('/admin/queues').set('cookie', `fuyi_board=${own}`), 401, 'AUTH_TOKEN_INVALID');
      expectErrorBody(await t.http().get('/admin/queues').set('cookie', `fuyi_board=${value.slice(0, -2)}xx`), 401, 'AUTH_TOKEN_INVALID');
      const audit = await t.db.ds.query(`SELECT actor_role FROM audit_log WHERE action = 'ops.queue_board_opened'`);
      expect(audit).toEqual([{ actor_role: 'admin' }]);

      expect((await t.http().post('/auth/logout').set(auth(own))).status).toBe(204);
      expectErrorBody(await t.http().get('/admin/queues').set('cookie', cookie), 401, 'AUTH_SESSION_ENDED');
    });

    it('audits an action that changes a queue, and refuses to write job payloads', async () => {
      const pause = await t.http().put('/admin/queues/api/queues/cases/pause').set(auth(admin));
      expect(pause.status).toBe(200);
      expect(await t.app.get(QueueRegistry).get(QueueName.Cases).isPaused()).toBe(true);
      expect((await t.http().put('/admin/queues/api/queues/cases/resume').set(auth(admin))).status).toBe(200);
      const rows = await t.db.ds.query(
        `SELECT actor_role, subject_id, summary->>'route' AS route FROM audit_log WHERE action = 'ops.queue_board_action' ORDER BY id`,
      );
      expect(rows).toEqual([
        { actor_role: 'admin', subject_id: 'cases', route: '/api/queues/:queueName/pause' },
        { actor_role: 'admin', subject_id: 'cases', route: '/api/queues/:queueName/resume' },
      ]);
      const add = await t.http().post('/admin/queues/api/queues/cases/add').set(auth(admin)).send({ name: 'cases.registered', data: { caseId: randomUUID() } });
      expect(add.status).toBe(403);
      expect(await t.app.get(QueueRegistry).get(QueueName.Cases).count()).toBe(0);
    });
  });

  it('serves /api/docs and documents the API under /api, /metrics at the root, and the board session', async () => {
    expect((await t.http().get('/docs')).status).toBeLessThan(400);
    const doc = await t.http().get('/docs-json');
    expect(doc.status).toBe(200);
    const metrics = doc.body.paths['/metrics']?.get;
    expect(metrics).toBeDefined();
    expect(Object.keys(metrics.responses['200'].content)).toEqual(['text/plain; version=0.0.4; charset=utf-8']);
    expect(metrics.responses['401']).toBeDefined();
    expect(doc.body.paths['/api/admin/queues-session']?.post).toBeDefined();
    expect(Object.keys(doc.body.paths).some((p) => p.startsWith('/api/admin/queues/'))).toBe(false);
    // Everything but the probes and the scrape is under /api, so / stays free for the web console.
    expect(Object.keys(doc.body.paths).filter((p) => !p.startsWith('/api/')).sort()).toEqual(['/health/live', '/health/ready', '/metrics']);
    const raw = await request(t.app.getHttpServer()).get('/api/docs-json');
    expect(raw.status).toBe(200);
    expect((await request(t.app.getHttpServer()).get('/cases')).status).toBe(404);
  });
});
