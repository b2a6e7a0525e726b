import { ClusterDetector } from '@fuyi/liaison';
import { applicationBody } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Group-dispute detection (issue 6, item 4) over real PostgreSQL and Redis: twelve applications against one demolition
 * project across three townships form exactly one cluster, a thirteenth updates it, unrelated records stay out.
 * Detection is the worker's job; it runs in process here (periodic path and per-record path).
 */
describe('group-dispute detection', () => {
  let t: TestApp;
  let detector: ClusterDetector;
  let clerk: string;
  let liaison: string;
  let housing: number;
  let other: number;
  let townships: number[];
  let doc = 0;

  beforeAll(async () => {
    t = await createTestApp();
    detector = t.app.get(ClusterDetector);
    [clerk, liaison] = [await t.login('clerk'), await t.login('liaison')];
    const depts = await t.db.ds.query(`SELECT id FROM departments ORDER BY (name LIKE '%住房%') DESC, id LIMIT 2`);
    [housing, other] = depts.map((d: any) => d.id);
    townships = (await t.db.ds.query(`SELECT id FROM townships WHERE name IN ('中仓街道', '宋庄镇', '张家湾镇') ORDER BY id`)).map((r: any) => r.id);
    expect(townships).toHaveLength(3);
    await detector.scanNew({ lagMs: 0 }); // the demo seed's records: processed before this test's own
  });
  afterAll(() => t.close());

  const PROJECT = ['宋庄镇小堡村棚户区改造项目', '小堡村棚户区改造', '宋庄镇小堡村棚改项目', '宋庄小堡村棚户区改造项目（二期）'];
  const register = async (respondent: number, day: number, township: number, act: Record<string, string>) => {
    doc++;
    const res = await t.http().post('/applications').set('authorization', `Bearer ${clerk}`).send(applicationBody(respondent, {
      category: 'demolition', townshipId: township, receivedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00+08:00`,
      act: { type: '房屋征收补偿决定', documentNumber: `通征补〔2026〕第${doc}号`, date: '2026-10-20', knownDate: '2026-11-01', ...act },
    }));
    expect(res.status).toBe(201);
    return res.body.caseId as string;
  };
  const clustersOf = (dept: number, like = '%小堡%') =>
    t.db.ds.query(`SELECT * FROM group_disputes WHERE respondent_department_id = $1 AND key_label LIKE $2`, [dept, like]);
  const notes = (kind: string) => t.db.ds.query(`SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = $1 AND u.role = 'liaison_officer'`, [kind]);
  /** The cluster's alert: one notification per liaison officer, with its deliveries over the external channels. */
  const alertOf = async (clusterId: string) => {
    const [{ ids }] = await t.db.ds.query(`SELECT alert_notification_ids::text[] AS ids FROM group_disputes WHERE id = $1`, [clusterId]);
    const rows = await t.db.ds.query(`SELECT id::text, kind, title, body, read_at FROM notifications WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
    const deliveries = await t.db.ds.query(`SELECT id::text, status FROM deliveries WHERE notification_id = ANY($1::bigint[]) ORDER BY id`, [ids]);
    return { ids: ids as string[], rows, deliveries };
  };
  const lastOutboxId = async (): Promise<string> => (await t.db.ds.query(`SELECT coalesce(max(id), 0)::text AS id FROM outbox`))[0].id;
  const deliverJobsSince = async (outboxId: string): Promise<string[]> =>
    (await t.db.ds.query(`SELECT payload->>'deliveryId' AS id FROM outbox WHERE job_name = 'notifications.deliver' AND id > $1 ORDER BY id`, [outboxId])).map((r: any) => r.id);
  const members = (clusterId: string) => t.db.ds.query(`SELECT record_kind, record_id, reason FROM group_dispute_members WHERE cluster_id = $1`, [clusterId]);

  let cluster: any;
  let twelve: string[] = [];
  let unrelated: string[] = [];

  it('twelve applications against one project in three townships form exactly one cluster, with one alert', async () => {
    for (let i = 0; i < 12; i++) {
      twelve.push(await register(housing, 5 + i, townships[i % 3]!, { project: PROJECT[i % 4]!, place: i % 2 ? '宋庄镇小堡村东区' : '' }));
    }
    unrelated = [
      await register(housing, 10, townships[0]!, { project: '台湖镇次渠村违法建设拆除' }), // same respondent, another project
      await register(housing, 12, townships[1]!, { place: '张家湾镇立禅庵村' }),
      await register(other, 10, townships[0]!, { project: PROJECT[0]! }), // same project, another respondent
      await register(housing, 5, townships[2]!, {}), // no project, no place
    ];
    const stats = await detector.scanNew({ lagMs: 0 }); // the periodic path: everything since the watermark
    expect(stats.records).toBe(16);
    expect(stats.candidateRows).toBeLessThan(100); // only the same respondent within the window was read

    const found = await clustersOf(housing);
    expect(found).toHaveLength(1);
    cluster = found[0];
    expect(cluster).toMatchObject({ state: 'open', member_count: 12, alerted_count: 12, key_kind: 'project' });
    expect([...cluster.township_ids].sort()).toEqual([...townships].sort());
    const rows = await members(cluster.id);
    expect(rows.map((r: any) => r.record_id).sort()).toEqual([...twelve].sort());
    for (const r of rows) expect(r.reason).toMatch(/^同一被申请人（.+），(项目名称|争议地点)“.+”与成员通复〔2026〕第\d+号/);
    expect(await clustersOf(other)).toHaveLength(0);

    const alerts = await notes('group_dispute');
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts[0].title).toContain('发现群体性纠纷苗头');
    expect(alerts[0].body).toContain('建议发送风险提示');
    expect(alerts[0].body).not.toContain('王小明'); // no personal data
    expect(alerts[0].body).not.toContain('玉桥中路');
  });

  it('processing the same records again changes nothing and raises no second alert', async () => {
    const before = await notes('group_dispute');
    await detector.processRecords([...twelve, ...unrelated].map((id) => ({ kind: 'case' as const, id })));
    expect(await detector.scanNew({ lagMs: 0 })).toMatchObject({ records: 0 });
    const [again] = await clustersOf(housing);
    expect(again).toMatchObject({ member_count: 12, version: cluster.version });
    expect(await notes('group_dispute')).toHaveLength(before.length);
  });

  it('a thirteenth application updates the cluster and its alert in place (12 → 13, unread again, sent once more), not a new cluster', async () => {
    const before = (await notes('group_dispute')).length;
    const alert = await alertOf(cluster.id);
    expect(alert.rows.length).toBeGreaterThanOrEqual(1);
    expect(alert.deliveries.length).toBeGreaterThanOrEqual(1); // the first alert went out over the channels too
    // The officers have read the first alert; the worker (not running here) has delivered it.
    await t.db.ds.query(`UPDATE notifications SET read_at = now() WHERE id = ANY($1::bigint[])`, [alert.ids]);
    await t.db.ds.query(`UPDATE deliveries SET status = 'delivered', delivered_at = now() WHERE id = ANY($1::bigint[])`, [alert.deliveries.map((d: any) => d.id)]);

    const outboxBefore = await lastOutboxId();
    const thirteenth = await register(housing, 20, townships[1]!, { project: '小堡村棚户区改造项目' });
    await detector.processRecords([{ kind: 'case', id: thirteenth }]); // the per-record path (job CaseRegistered)
    const found = await clustersOf(housing);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: cluster.id, member_count: 13, alerted_count: 13 });
    // No second "new cluster" alert and no new notification at all: the same alert now says it grew, unread again.
    expect(await notes('group_dispute')).toHaveLength(before);
    expect(await notes('group_dispute_grew')).toHaveLength(0);
    const after = await alertOf(cluster.id);
    expect(after.ids).toEqual(alert.ids);
    for (const n of after.rows) {
      expect(n).toMatchObject({ kind: 'group_dispute', read_at: null });
      expect(n.title).toContain('由12件增至13件');
      expect(n.body).toContain('13件');
    }
    // Sent out once more: the same deliveries, pending again, each with its job.
    expect(after.deliveries).toEqual(alert.deliveries.map((d: any) => ({ id: d.id, status: 'pending' })));
    expect((await deliverJobsSince(outboxBefore)).sort()).toEqual(after.deliveries.map((d: any) => d.id).sort());
    const ids = (await members(cluster.id)).map((r: any) => r.record_id);
    for (const id of unrelated) expect(ids).not.toContain(id);
  });

  it('the case of a member needs a formal hearing (ARL 50), naming the cluster', async () => {
    const res = await t.http().get(`/cases/${twelve[0]}/hearing-requirements`).set('authorization', `Bearer ${clerk}`);
    expect(res.body.formalHearingMandatory).toBe(true);
    expect(res.body.reasons.join()).toContain('群体性纠纷线索');
    const out = await t.http().get(`/cases/${unrelated[0]}/hearing-requirements`).set('authorization', `Bearer ${clerk}`);
    expect(out.body.formalHearingMandatory).toBe(false);
  });

  it('a consultation about the project joins; a consultation is recorded with an outbox job', async () => {
    const township = await t.login('songzhuang');
    const res = await t.http().post('/consultations').set('authorization', `Bearer ${township}`).send({
      visitorName: '赵六', topic: '对房屋征收补偿不服', category: 'demolition', respondentDepartmentId: housing, advice: '告知复议期限',
      actProject: '宋庄镇小堡村棚户区改造项目', consultedAt: '2026-11-21T09:00:00+08:00',
    });
    expect(res.status).toBe(201);
    const [job] = await t.db.ds.query(`SELECT 1 FROM outbox WHERE job_name = 'cases.consultation-recorded' AND payload->>'consultationId' = $1`, [res.body.id]);
    expect(job).toBeDefined();
    const alert = await alertOf(cluster.id);
    await t.db.ds.query(`UPDATE deliveries SET status = 'delivered', delivered_at = now() WHERE id = ANY($1::bigint[])`, [alert.deliveries.map((d: any) => d.id)]);
    const outboxBefore = await lastOutboxId();
    await detector.processRecords([{ kind: 'consultation', id: res.body.id }]);
    const [g] = await clustersOf(housing);
    expect(g.member_count).toBe(14);
    // The alert reads 14, but it was already sent out again today: at most one follow-up per cluster and day.
    const after = await alertOf(cluster.id);
    for (const n of after.rows) expect(n.title).toContain('增至14件');
    expect(after.deliveries.every((d: any) => d.status === 'delivered')).toBe(true);
    expect(await deliverJobsSince(outboxBefore)).toEqual([]);
  });

  it('lists and shows clusters to liaison and district staff; township clerks and mediators are refused', async () => {
    const list = await t.http().get('/group-disputes').set('authorization', `Bearer ${liaison}`);
    expect(list.status).toBe(200);
    expect(list.body.items.some((c: any) => c.id === cluster.id)).toBe(true);
    const one = await t.http().get(`/group-disputes/${cluster.id}`).set('authorization', `Bearer ${clerk}`);
    expect(one.status).toBe(200);
    expect(one.body.members).toHaveLength(14);
    expect(one.body.members.every((x: any) => x.reason.startsWith('同一被申请人'))).toBe(true);
    expect(one.body.members.some((x: any) => x.recordKind === 'consultation' && x.label.startsWith('咨询（宋庄镇'))).toBe(true);
    expect(one.body.suggestedNotice.text).toContain('14件');
    for (const who of ['zhongcang', 'mediator']) {
      const token = await t.login(who);
      expect((await t.http().get('/group-disputes').set('authorization', `Bearer ${token}`)).status).toBe(403);
      expect((await t.http().get(`/group-disputes/${cluster.id}`).set('authorization', `Bearer ${token}`)).status).toBe(403);
    }
    expect((await t.http().get('/group-disputes/00000000-0000-4000-8000-000000000000').set('authorization', `Bearer ${liaison}`)).status).toBe(404);
  });

  it('two jobs racing over the same new group found one cluster', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await register(other, 15 + i, townships[i % 3]!, { project: '漷县镇东定安村路网拆迁工程' }));
    const refs = ids.map((id) => ({ kind: 'case' as const, id }));
    await Promise.all([detector.processRecords(refs), detector.processRecords(refs)]);
    const found = await clustersOf(other, '%东定安%');
    expect(found).toHaveLength(1);
    expect(found[0].member_count).toBe(5);
  });

  describe('the place of the act stops at the village, street or parcel: a house number is refused (personal data)', () => {
    const counts = async () => (await t.db.ds.query(`SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM consultations) AS consultations`))[0];
    const expectRefused = (res: any, field: string) => {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const issue = res.body.fields.find((f: any) => f.field === field);
      expect(issue.message).toContain('不得填写门牌号');
      // the address is not echoed back (the random requestId left out: a uuid may contain '301')
      expect(JSON.stringify({ ...res.body, requestId: undefined })).not.toMatch(/12号|5号院|301/);
    };

    it.each(['宋庄镇小堡村12号', '玉桥中路5号院', '小堡村3号楼2单元301室', '小堡村东区门牌'])('registration act.place %s → 400, nothing written', async (place) => {
      const before = await counts();
      const res = await t.http().post('/applications').set('authorization', `Bearer ${clerk}`).send(applicationBody(housing, {
        category: 'demolition', act: { type: '房屋征收补偿决定', knownDate: '2026-11-01', project: '小堡村棚改', place },
      }));
      expectRefused(res, 'act.place');
      expect(await counts()).toEqual(before);
    });

    it.each(['宋庄镇小堡村12号', '5-2-301'])('consultation actPlace %s → 400, nothing written', async (place) => {
      const before = await counts();
      const res = await t.http().post('/consultations').set('authorization', `Bearer ${await t.login('songzhuang')}`).send({
        visitorName: '赵六', topic: '对房屋征收补偿不服', category: 'demolition', respondentDepartmentId: housing, advice: '告知复议期限', actPlace: place,
      });
      expectRefused(res, 'actPlace');
      expect(await counts()).toEqual(before);
    });

    it('a parcel number is a place, not a home: accepted', async () => {
      const res = await t.http().post('/applications').set('authorization', `Bearer ${clerk}`).send(applicationBody(housing, {
        category: 'demolition', act: { type: '房屋征收补偿决定', knownDate: '2026-11-01', place: '宋庄镇小堡村东区3号地块' },
      }));
      expect(res.status).toBe(201);
    });
  });

  describe('dismissal (liaison officer only, with reason and version)', () => {
    const dismiss = (token: string, id: string, body: object) => t.http().post(`/group-disputes/${id}/dismiss`).set('authorization', `Bearer ${token}`).send(body);
    const snapshot = async () => t.db.ds.query(`SELECT id, state, version FROM group_disputes ORDER BY id`);

    it.each([
      ['no reason', { version: 1 }, 400, 'VALIDATION_FAILED', 'reason'],
      ['empty reason', { version: 1, reason: '' }, 400, 'VALIDATION_FAILED', 'reason'],
      ['no version', { reason: '不同争议' }, 400, 'VALIDATION_FAILED', 'version'],
      ['unknown field', { version: 1, reason: '不同争议', state: 'closed' }, 400, 'VALIDATION_FAILED', undefined],
      ['stale version', { version: 1, reason: '不同争议' }, 409, 'CLUSTER_VERSION_CONFLICT', undefined],
      ['blank reason (spaces, U+3000, zero-width, newline)', { version: 1, reason: ' \u3000\u200b\n' }, 400, 'VALIDATION_FAILED', 'reason'],
      ['a phone number in the reason', { version: 1, reason: '联系人138 0013 8000' }, 400, 'PERSONAL_DATA_NOT_ALLOWED', 'reason'],
      ['version beyond int4', { version: 1e20, reason: '不同争议' }, 400, 'VALIDATION_FAILED', 'version'],
    ])('%s → %s %s, nothing changed', async (_name, body, status, code, field) => {
      const [g] = await clustersOf(other, '%东定安%');
      const before = await snapshot();
      const res = await dismiss(liaison, g.id, body);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      if (field) expect(res.body.fields.map((f: any) => f.field)).toContain(field);
      const reasonIssue = res.body.fields?.find((f: any) => f.field === 'reason');
      // Missing, empty or blank: 必填, not the length rule (tester #5, #13)
      if (field === 'reason') expect(reasonIssue.message).toBe(code === 'VALIDATION_FAILED' ? '必填' : '不得填写身份证号、电话号码等个人信息');
      expect(JSON.stringify({ ...res.body, requestId: undefined })).not.toMatch(/138|0013|8000/);
      expect(await snapshot()).toEqual(before);
    });

    it('a clerk may not dismiss; the liaison officer may, once', async () => {
      const [g] = await clustersOf(other, '%东定安%');
      expect((await dismiss(clerk, g.id, { version: g.version, reason: '不同争议' })).status).toBe(403);
      const ok = await dismiss(liaison, g.id, { version: g.version, reason: '经核实为个别争议' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ state: 'dismissed', version: g.version + 1 });
      const again = await dismiss(liaison, g.id, { version: g.version + 1, reason: '经核实为个别争议' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CLUSTER_NOT_OPEN');
      const list = await t.http().get('/group-disputes').set('authorization', `Bearer ${liaison}`);
      expect(list.body.items.some((c: any) => c.id === g.id)).toBe(false);
    });
  });

  describe('after review (tester #11, #15, #18)', () => {
    const A = '西集镇沙古堆村棚户区改造项目';
    const B = '西集镇协各庄村棚户区改造项目';
    const get = (path: string) => t.http().get(path).set('authorization', `Bearer ${liaison}`);
    const clusterOfCase = async (caseId: string) =>
      (await t.db.ds.query(`SELECT g.* FROM group_disputes g JOIN group_dispute_members m ON m.cluster_id = g.id WHERE m.record_id = $1 ORDER BY g.created_at`, [caseId]))[0];
    let a: any;
    let b: any;

    it('#11: the label is the spelling most members use, not the variant of the record that completed the group', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await register(other, 10 + i, townships[i % 3]!, { project: A }));
      ids.push(await register(other, 14, townships[0]!, { project: '沙古堆村棚改' })); // the fifth, founding, spelled its own way
      await detector.scanNew({ lagMs: 0 });
      a = await clusterOfCase(ids[0]!);
      expect(a).toMatchObject({ member_count: 5, key_kind: 'project', key_label: A });
    });

    it('#18: a cluster merged into an older one shows mergedInto, in its detail and in the list of closed clusters', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await register(other, 16 + i, townships[i % 3]!, { project: B }));
      await detector.scanNew({ lagMs: 0 });
      b = await clusterOfCase(ids[0]!);
      expect(b).toMatchObject({ state: 'open', member_count: 5 });
      const [{ doc: bDoc }] = await t.db.ds.query('SELECT act_document_number AS doc FROM cases WHERE id = $1', [ids[0]]);
      await register(other, 21, townships[1]!, { project: A, documentNumber: bDoc }); // same act as a member of B, same project as A
      await detector.scanNew({ lagMs: 0 });
      const merged = (await get(`/group-disputes/${b.id}`)).body;
      expect(merged).toMatchObject({ state: 'closed', mergedInto: a.id });
      const closed = (await get('/group-disputes?state=closed')).body.items;
      expect(closed).toEqual(expect.arrayContaining([expect.objectContaining({ id: b.id, mergedInto: a.id })]));
      const open = (await get('/group-disputes')).body.items;
      expect(open.find((c: any) => c.id === a.id)).toMatchObject({ state: 'open', mergedInto: null, memberCount: 11, keyLabel: A }); // 5 × A + bridge vs 5 × B: A is used first
    });

    it('pages with a cursor in the same order (most recently active first), each cluster once', async () => {
      const all = (await get('/group-disputes?limit=200')).body.items.map((c: any) => c.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/group-disputes?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((c: any) => c.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
      expect(all.length).toBeGreaterThan(1);
    });

    it('#15: an unknown ?state= is refused, naming state and the allowed states', async () => {
      const res = await get('/group-disputes?state=bogus');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'state', message: expect.stringContaining('open（待处理）') })] });
      expect(res.body.fields[0].message).toContain('dismissed');
    });
  });
});

