import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays } from '@fuyi/kernel';
import { AuthService, OutboxService, PlatformModule, UnitOfWork, dataSourceOptions } from '@fuyi/platform';
import {
  ChannelRegistry, DeliveryFailedError, DeliveryService, DigestService, InboxService, NotificationsModule, Notifier,
  type ChannelAdapter, type ChannelMessage, type NotificationSettings,
} from '@fuyi/notifications';
import { SCHEMA } from '../../db/schema';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { AuthGuard } from '../../apps/api/src/auth/auth.guard';
import { NotificationsController } from '../../apps/api/src/controllers/notifications.controller';
import { DomainErrorFilter } from '../../apps/api/src/http/domain-error.filter';
import { createValidationPipe } from '../../apps/api/src/http/validation';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A channel that records what it sends; it can fail, or hold a send open until released. */
class RecordingAdapter implements ChannelAdapter {
  readonly sent: ChannelMessage[] = [];
  calls = 0;
  failWith: string | null = null;
  hold: Promise<void> | null = null;
  private entered: () => void = () => undefined;

  constructor(readonly channel: string) {}

  /** Resolves when the next send has started (and holds its row lock). */
  nextSendStarted(): Promise<void> {
    return new Promise((resolve) => (this.entered = resolve));
  }

  async send(message: ChannelMessage): Promise<void> {
    this.calls++;
    this.entered();
    if (this.hold) await this.hold;
    if (this.failWith) throw new Error(this.failWith);
    this.sent.push(message);
  }
}

let serial = 0;
const insertUser = async (ds: DataSource, active = true): Promise<string> => {
  const [{ id }] = await ds.query(
    `INSERT INTO users (username, display_name, role, active, password_hash) VALUES ($1, '测试用户', 'reconsideration_clerk', $2, 'x') RETURNING id`,
    [`u${++serial}-${randomUUID().slice(0, 8)}`, active],
  );
  return id;
};
const notify = async (ds: DataSource, userId: string, opts: { kind?: string; title?: string; read?: boolean; caseId?: string } = {}): Promise<string> => {
  const [{ id }] = await ds.query(
    `INSERT INTO notifications (user_id, kind, title, body, case_id, read_at) VALUES ($1, $2, $3, '案件期限提醒正文', $4, CASE WHEN $5 THEN now() END) RETURNING id`,
    [userId, opts.kind ?? 'reminder', opts.title ?? '期限提醒', opts.caseId ?? null, opts.read ?? false],
  );
  return id;
};
const insertCase = async (ds: DataSource, registeredBy: string, handlerId: string | null): Promise<string> => {
  const seq = ++serial;
  await ds.query(`INSERT INTO departments (name, kind) VALUES ('测试用被申请人', 'department') ON CONFLICT (name) DO NOTHING`);
  const [{ id }] = await ds.query(
    `INSERT INTO cases (case_number, year, seq, state, registered_by, handler_id, channel, receipt_at, respondent_department_id, category,
                        act_type, act_known_date, requests, facts_reasons, query_code_hash)
     VALUES ($1, 2026, $2, 'accepted', $3, $4, 'counter', now(), (SELECT id FROM departments WHERE name = '测试用被申请人'), 'penalty', '行政处罚决定', '2026-11-01', '请求撤销', '事实不清', repeat('0', 64)) RETURNING id`,
    [`通复〔2026〕第${String(seq).padStart(5, '0')}号`, seq, registeredBy, handlerId],
  );
  return id;
};
// At most one open clock per case and rule: each test clock gets its own rule name.
const insertClock = (ds: DataSource, caseId: string, due: string, status = 'running') =>
  ds.query(`INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, calendar_version) VALUES ($1, $2, '2026-09-01', $3, $4, 1)`, [
    caseId, `test-rule-${++serial}`, due, status,
  ]);
/** Polls with a deadline (never a fixed sleep). */
async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const deliveryRow = async (ds: DataSource, id: string) =>
  (await ds.query('SELECT status, attempts, last_error, delivered_at FROM deliveries WHERE id = $1', [id]))[0];

describe('notifications (real Postgres)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    Logger.overrideLogger(false); // dead-letter warnings are expected here
    db = await createTestDatabase(); // seeded: the controller tests log in as demo users
  });
  afterAll(() => db.drop());

  describe('DeliveryService', () => {
    const settings: NotificationSettings = { channels: ['sms', 'email'], webhookUrl: null, maxAttempts: 3 };
    let sms: RecordingAdapter;
    let email: RecordingAdapter;
    let deliveries: DeliveryService;
    let user: string;
    const create = (ids: string[]) => db.ds.transaction((m) => deliveries.createFor(m, ids));
    const smsDeliveryOf = async (notificationId: string): Promise<string> =>
      (await db.ds.query(`SELECT id FROM deliveries WHERE notification_id = $1 AND channel = 'sms'`, [notificationId]))[0].id;

    beforeEach(async () => {
      sms = new RecordingAdapter('sms');
      email = new RecordingAdapter('email');
      deliveries = new DeliveryService(db.ds, new UnitOfWork(db.ds), new ChannelRegistry([sms, email]), settings);
      user = await insertUser(db.ds);
    });

    it('creates one pending delivery per notification and channel, once, and none for inactive users', async () => {
      const [a, b] = [await notify(db.ds, user), await notify(db.ds, user)];
      const inactive = await notify(db.ds, await insertUser(db.ds, false));
      const ids = await create([a, b, inactive]);
      expect(ids).toHaveLength(4);
      const rows = await db.ds.query('SELECT notification_id, user_id, channel, status, attempts FROM deliveries WHERE id = ANY($1::bigint[]) ORDER BY id', [ids]);
      expect(rows).toEqual([
        { notification_id: a, user_id: user, channel: 'email', status: 'pending', attempts: 0 },
        { notification_id: a, user_id: user, channel: 'sms', status: 'pending', attempts: 0 },
        { notification_id: b, user_id: user, channel: 'email', status: 'pending', attempts: 0 },
        { notification_id: b, user_id: user, channel: 'sms', status: 'pending', attempts: 0 },
      ]);
      expect(await create([a, b])).toEqual([]); // a replayed scan creates nothing new
      const none = new DeliveryService(db.ds, new UnitOfWork(db.ds), new ChannelRegistry([]), { ...settings, channels: [] });
      expect(await db.ds.transaction((m) => none.createFor(m, [a]))).toEqual([]);
      expect(await db.ds.transaction((m) => deliveries.createFor(m, []))).toEqual([]);
    });

    it('delivers once: sent through its channel, marked delivered, a second call is skipped', async () => {
      const n = await notify(db.ds, user, { title: '期限将届满' });
      await create([n]);
      const id = await smsDeliveryOf(n);
      expect(await deliveries.deliver(id)).toBe('delivered');
      expect(sms.sent).toEqual([{ deliveryId: id, userId: user, title: '期限将届满', body: '案件期限提醒正文', caseId: null }]);
      expect(email.calls).toBe(0);
      expect(await deliveryRow(db.ds, id)).toMatchObject({ status: 'delivered', attempts: 1, last_error: null, delivered_at: expect.any(Date) });
      expect(await deliveries.deliver(id)).toBe('skipped');
      expect(sms.calls).toBe(1);
    });

    it('a failing channel: each attempt and its error are recorded and rethrown; the last one dead-letters it', async () => {
      const n = await notify(db.ds, user);
      await create([n]);
      const id = await smsDeliveryOf(n);
      sms.failWith = 'gateway down';
      for (const attempt of [1, 2]) {
        await expect(deliveries.deliver(id)).rejects.toBeInstanceOf(DeliveryFailedError);
        expect(await deliveryRow(db.ds, id)).toMatchObject({ status: 'pending', attempts: attempt, last_error: 'Error: gateway down', delivered_at: null });
      }
      expect(await deliveries.deliver(id)).toBe('skipped'); // 3rd = max: no retry, a visible dead letter
      expect(await deliveryRow(db.ds, id)).toMatchObject({ status: 'dead', attempts: 3, last_error: 'Error: gateway down' });
      expect(await deliveries.deliver(id)).toBe('skipped');
      expect(sms.calls).toBe(3);
      const dead = await deliveries.deadLetters(200);
      expect(dead.items.find((d) => d.id === id)).toEqual({
        id, notificationId: n, userId: user, channel: 'sms', kind: 'reminder', attempts: 3, lastError: 'Error: gateway down',
        createdAt: expect.any(String), updatedAt: expect.any(String),
      });
    });

    it('a retry after a failure can still succeed', async () => {
      const n = await notify(db.ds, user);
      await create([n]);
      const id = await smsDeliveryOf(n);
      sms.failWith = 'timeout';
      await expect(deliveries.deliver(id)).rejects.toThrow('attempt 1 failed');
      sms.failWith = null;
      expect(await deliveries.deliver(id)).toBe('delivered');
      expect(await deliveryRow(db.ds, id)).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
    });

    it('concurrent deliveries of one id send once: the others skip while the first holds the row', async () => {
      const n = await notify(db.ds, user);
      await create([n]);
      const id = await smsDeliveryOf(n);
      let release: () => void = () => undefined;
      sms.hold = new Promise((resolve) => (release = resolve));
      const started = sms.nextSendStarted();
      const first = deliveries.deliver(id);
      await started;
      expect(await Promise.all([deliveries.deliver(id), deliveries.deliver(id), deliveries.deliver(id)])).toEqual(['skipped', 'skipped', 'skipped']);
      release();
      expect(await first).toBe('delivered');
      expect(sms.sent).toHaveLength(1);
      expect(await deliveries.deliver(id)).toBe('skipped');
    });

    it('a delivery that is gone is skipped; one whose channel is no longer configured is dead-lettered at once', async () => {
      expect(await deliveries.deliver('999999999999')).toBe('skipped');
      const n = await notify(db.ds, user);
      await create([n]);
      const [{ id }] = await db.ds.query(`SELECT id FROM deliveries WHERE notification_id = $1 AND channel = 'email'`, [n]);
      const smsOnly = new DeliveryService(db.ds, new UnitOfWork(db.ds), new ChannelRegistry([sms]), settings);
      expect(await smsOnly.deliver(id)).toBe('skipped');
      expect(await deliveryRow(db.ds, id)).toMatchObject({ status: 'dead', attempts: 0, last_error: 'channel email is not configured' });
    });

    it('stale pending deliveries are found for re-publishing, shared between concurrent sweeps, and left alone once touched', async () => {
      const n = await notify(db.ds, user);
      const ids = await create([n]);
      await deliveries.deliver(await smsDeliveryOf(n)); // delivered: never stale
      await db.ds.query(`UPDATE deliveries SET updated_at = now() - interval '1 hour' WHERE id = ANY($1::bigint[])`, [ids]);
      const emailId = ids.find((i) => i !== (sms.sent[0]?.deliveryId ?? ''))!;
      const mine = (found: string[]) => found.filter((i) => ids.includes(i));

      expect(mine(await deliveries.stalePending(600, 1000, db.ds))).toEqual([emailId]);
      expect(mine(await deliveries.stalePending(7200, 1000, db.ds))).toEqual([]); // not that old
      await db.ds.transaction(async (m1) => {
        expect(mine(await deliveries.stalePending(600, 1000, m1))).toEqual([emailId]);
        // A second sweeper meanwhile does not get the rows the first one holds.
        expect(mine(await db.ds.transaction((m2) => deliveries.stalePending(600, 1000, m2)))).toEqual([]);
        expect(await deliveries.touch([emailId], m1)).toBe(1);
      });
      expect(mine(await deliveries.stalePending(600, 1000, db.ds))).toEqual([]);
      expect(await deliveries.touch([], db.ds)).toBe(0);
    });
  });

  describe('InboxService', () => {
    const inbox = () => new InboxService(db.ds);
    let me: string;
    let other: string;
    let ids: string[];

    beforeEach(async () => {
      [me, other] = [await insertUser(db.ds), await insertUser(db.ds)];
      const caseId = await insertCase(db.ds, me, me);
      ids = [await notify(db.ds, me, { title: '一' }), await notify(db.ds, me, { title: '二', read: true }), await notify(db.ds, me, { title: '三', caseId })];
      await notify(db.ds, other, { title: '别人的' });
    });

    it('lists only the own notifications, newest first, with keyset paging and the case number', async () => {
      const p1 = await inbox().list(me, { limit: 2 });
      expect(p1.items.map((i) => i.title)).toEqual(['三', '二']);
      expect(p1.items[0]).toMatchObject({ id: ids[2], kind: 'reminder', caseNumber: expect.stringMatching(/^通复〔2026〕第\d{5}号$/), readAt: null });
      expect(p1.items[1].readAt).toEqual(expect.any(String));
      expect(p1.nextCursor).toBe(ids[1]);
      const p2 = await inbox().list(me, { limit: 2, cursor: p1.nextCursor! });
      expect(p2).toEqual({ items: [expect.objectContaining({ id: ids[0], title: '一', caseId: null, caseNumber: null })], nextCursor: null });
      expect((await inbox().list(me, { limit: 10, unreadOnly: true })).items.map((i) => i.title)).toEqual(['三', '一']);
      await expect(inbox().list(me, { limit: 10, cursor: 'x' })).rejects.toMatchObject({ code: 'NOTIFICATION_INVALID_CURSOR' });
    });

    it('marks one read (idempotently), refuses another user’s as not found, marks all read', async () => {
      expect(await inbox().unreadCount(me)).toBe(2);
      const first = await inbox().markRead(me, ids[0]);
      expect(first).toEqual({ id: ids[0], readAt: expect.any(String) });
      expect(await inbox().markRead(me, ids[0])).toEqual(first); // the first read time stays
      expect(await inbox().unreadCount(me)).toBe(1);
      const [theirs] = await db.ds.query('SELECT id FROM notifications WHERE user_id = $1', [other]);
      await expect(inbox().markRead(me, theirs.id)).rejects.toMatchObject({ code: 'NOTIFICATION_NOT_FOUND', kind: 'not_found' });
      await expect(inbox().markRead(me, '999999999999')).rejects.toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
      expect(await inbox().markAllRead(me)).toEqual({ updated: 1 });
      expect(await inbox().markAllRead(me)).toEqual({ updated: 0 });
      expect(await inbox().unreadCount(me)).toBe(0);
      expect(await inbox().unreadCount(other)).toBe(1);
    });
  });

  describe('DigestService (own database: it looks at every user)', () => {
    let ddb: TestDatabase;
    let digests: DigestService;
    /** The Notifier the digest writes through, with a hook inside the digest's transaction (the race test holds it open). */
    class HoldingNotifier extends Notifier {
      afterNotify?: (m: EntityManager, ids: string[]) => Promise<void>;
      override async notify(m: EntityManager, notices: Parameters<Notifier['notify']>[1]): Promise<string[]> {
        const ids = await super.notify(m, notices);
        await this.afterNotify?.(m, ids);
        return ids;
      }
    }
    let holding: HoldingNotifier;
    const today = '2026-11-27';
    const digestsOf = (ds: DataSource, date: string) =>
      ds.query(`SELECT user_id, title, body, case_id FROM notifications WHERE kind = 'digest' AND title = $1`, [`每日待办提醒（${date}）`]);
    const users: Record<string, string> = {};

    beforeAll(async () => {
      ddb = await createTestDatabase({ seed: false });
      holding = new HoldingNotifier(new OutboxService(), new DeliveryService(ddb.ds, new UnitOfWork(ddb.ds), new ChannelRegistry([]), { channels: [], webhookUrl: null, maxAttempts: 2 }));
      digests = new DigestService(ddb.ds, new UnitOfWork(ddb.ds), holding);
      for (const name of ['handler', 'registrar', 'reader', 'idle', 'inactive', 'oldDigestOnly']) users[name] = await insertUser(ddb.ds, name !== 'inactive');
      const handled = await insertCase(ddb.ds, users.registrar, users.handler);
      await insertClock(ddb.ds, handled, addDays(today, 2)); // due soon
      await insertClock(ddb.ds, handled, addDays(today, 3)); // due soon (last day of the window)
      await insertClock(ddb.ds, handled, addDays(today, -1)); // overdue
      await insertClock(ddb.ds, handled, addDays(today, 4)); // not yet
      await insertClock(ddb.ds, handled, addDays(today, -5), 'met'); // closed
      await insertClock(ddb.ds, handled, addDays(today, 1), 'paused'); // not counting
      const unassigned = await insertCase(ddb.ds, users.registrar, null);
      await insertClock(ddb.ds, unassigned, today); // the registering clerk answers while no handler is assigned
      await notify(ddb.ds, users.reader);
      await notify(ddb.ds, users.reader);
      await notify(ddb.ds, users.reader, { read: true });
      await notify(ddb.ds, users.inactive);
      await notify(ddb.ds, users.oldDigestOnly, { kind: 'digest', title: '每日待办提醒（2026-11-26）' });
    });
    afterAll(() => ddb.drop());

    it('does nothing on a day off', async () => {
      expect(await digests.runDaily('2026-11-28', false)).toBe(0);
      expect(await digestsOf(ddb.ds, '2026-11-28')).toEqual([]);
    });

    it('one digest per active user with something to report, counting as the handler would', async () => {
      expect(await digests.runDaily(today, true)).toBe(3);
      const byUser = Object.fromEntries((await digestsOf(ddb.ds, today)).map((d: any) => [d.user_id, d.body]));
      expect(byUser).toEqual({
        [users.handler]: '今日待办：承办案件中 2 个期限将在 3 日内届满；1 个期限已超期，请立即处理。',
        [users.registrar]: '今日待办：承办案件中 1 个期限将在 3 日内届满。',
        [users.reader]: '今日待办：未读通知 2 条。',
      });
    });

    it('is idempotent per user and day', async () => {
      expect(await digests.runDaily(today, true)).toBe(0);
      expect(await digestsOf(ddb.ds, today)).toHaveLength(3);
    });

    it('two runs racing on one day: the second waits for the first, then creates nothing', async () => {
      const next = '2026-11-30';
      let second: Promise<number> | undefined;
      holding.afterNotify = async (m, ids) => {
        holding.afterNotify = undefined;
        expect(await m.query('SELECT count(*)::int AS n FROM notifications WHERE id = ANY($1::bigint[])', [ids])).toEqual([{ n: ids.length }]);
        // Hold this transaction open until the second run is blocked on the per-day lock.
        second = digests.runDaily(next, true);
        await until(async () => {
          const [{ n }] = await ddb.owner.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
          );
          return n === 1;
        });
      };
      const first = await digests.runDaily(next, true);
      expect(first).toBe(3); // today's unread digests are not themselves reported
      expect(await second).toBe(0);
      expect(await digestsOf(ddb.ds, next)).toHaveLength(3);
    });

    it('refuses a malformed date', async () => {
      await expect(digests.runDaily('2026-02-30', true)).rejects.toThrow(RangeError);
    });
  });

  describe('NotificationsController (a small Nest app: the real guard, filter and validation)', () => {
    let app: NestFastifyApplication;
    let clerk: { token: string; userId: string };
    let admin: string;
    const http = () => request(app.getHttpServer());
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });

    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [
          TypeOrmModule.forRoot(dataSourceOptions(db.appUrl, SCHEMA, { logging: false })),
          PlatformModule.forRoot(db.config),
          NotificationsModule.forRoot({ channels: ['sms'], webhookUrl: null, maxAttempts: 2 }),
        ],
        controllers: [NotificationsController],
        providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
      }).compile();
      app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
      app.useGlobalPipes(createValidationPipe());
      app.useGlobalFilters(new DomainErrorFilter());
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      const authService = app.get(AuthService);
      const c = await authService.login('clerk', DEMO_PASSWORD);
      clerk = { token: c.accessToken, userId: c.user.id };
      admin = (await authService.login('admin', DEMO_PASSWORD)).accessToken;
    });
    afterAll(() => app.close());

    it('requires a signed-in user', async () => {
      expect((await http().get('/notifications')).status).toBe(401);
      expect((await http().post('/notifications/read-all')).status).toBe(401);
    });

    it('lists, counts and marks the caller’s notifications', async () => {
      await app.get(InboxService).markAllRead(clerk.userId);
      const [a, b] = [await notify(db.ds, clerk.userId, { title: '甲' }), await notify(db.ds, clerk.userId, { title: '乙' })];
      expect((await http().get('/notifications/unread-count').set(auth(clerk.token))).body).toEqual({ count: 2 });

      const page = await http().get('/notifications?limit=1&unreadOnly=true').set(auth(clerk.token));
      expect(page.status).toBe(200);
      expect(page.body.items.map((i: any) => i.id)).toEqual([b]);
      const rest = await http().get(`/notifications?limit=1&unreadOnly=true&cursor=${page.body.nextCursor}`).set(auth(clerk.token));
      expect(rest.body.items.map((i: any) => i.id)).toEqual([a]);

      const read = await http().post(`/notifications/${a}/read`).set(auth(clerk.token));
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ id: a, readAt: expect.any(String) });
      expect((await http().get('/notifications/unread-count').set(auth(clerk.token))).body).toEqual({ count: 1 });
      const all = await http().post('/notifications/read-all').set(auth(clerk.token));
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ updated: 1 });
    });

    it('another user’s notification is 404; malformed ids and queries are 400 naming the field', async () => {
      const theirs = await notify(db.ds, await insertUser(db.ds));
      const res = await http().post(`/notifications/${theirs}/read`).set(auth(clerk.token));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOTIFICATION_NOT_FOUND');
      const cases: Array<[string, 'get' | 'post', string]> = [
        ['/notifications/abc/read', 'post', 'id'],
        ['/notifications/1234567890123456789/read', 'post', 'id'],
        ['/notifications?cursor=-1', 'get', 'cursor'],
        ['/notifications?cursor=1&cursor=2', 'get', 'cursor'],
        ['/notifications?limit=0', 'get', 'limit'],
        ['/notifications?limit=abc', 'get', 'limit'],
        ['/notifications?unreadOnly=yes', 'get', 'unreadOnly'],
        ['/deliveries/dead-letters?cursor=x', 'get', 'cursor'],
      ];
      for (const [url, method, field] of cases) {
        const r = await http()[method](url).set(auth(method === 'get' && url.startsWith('/deliveries') ? admin : clerk.token));
        expect({ url, status: r.status, code: r.body.code, fields: r.body.fields?.map((f: any) => f.field) }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED', fields: [field] });
      }
    });

    it('dead letters: administrators only', async () => {
      const n = await notify(db.ds, clerk.userId);
      const [deliveryId] = await db.ds.transaction((m) => app.get(DeliveryService).createFor(m, [n]));
      await db.ds.query(`UPDATE deliveries SET status = 'dead', attempts = 2, last_error = 'Error: gateway down' WHERE id = $1`, [deliveryId]);
      expect((await http().get('/deliveries/dead-letters').set(auth(clerk.token))).status).toBe(403);
      const res = await http().get('/deliveries/dead-letters?limit=200').set(auth(admin));
      expect(res.status).toBe(200);
      expect(res.body.items).toContainEqual(expect.objectContaining({ id: deliveryId, notificationId: n, channel: 'sms', attempts: 2, lastError: 'Error: gateway down' }));
      expect(JSON.stringify(res.body)).not.toContain('案件期限提醒正文'); // never the notification text
    });
  });
});
