import { ClusterAction } from '@fuyi/liaison';
import { seedDemoClusters } from '../../db/seed/demo-clusters';
import { createTestApp, type TestApp } from '../support/test-app';

type User = 'liaison' | 'head' | 'clerk' | 'chief';
const USERS: User[] = ['liaison', 'head', 'clerk', 'chief'];

/**
 * Issue 16 review for group-dispute clusters: a cluster's `allowedActions` say what the server does. On the demo's open
 * cluster and then on it dismissed, for each user: what is listed succeeds, what is not is refused (403/409), and the
 * dismissal answers the cluster as it now is. Drafting the suggested notice is POST /liaison/risk-notices with the
 * cluster's records linked and its clusterId (the console's NoticeDraftDialog): refused once the cluster is not open.
 */
describe('allowedActions agree with what the server enforces (group-dispute clusters)', () => {
  let t: TestApp;
  const tokens = {} as Record<User, string>;
  let clusterId: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of USERS) tokens[u] = await t.login(u);
    await seedDemoClusters(t.app);
    [{ id: clusterId }] = await t.db.ds.query(`SELECT id FROM group_disputes WHERE state = 'open' ORDER BY id LIMIT 1`);
  }, 120_000);
  afterAll(() => t.close());

  const as = (u: User) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${tokens[u]}`),
    post: (path: string, body: object) => t.http().post(path).set('authorization', `Bearer ${tokens[u]}`).send(body),
  });
  const request = (a: ClusterAction, c: any): [string, object] => {
    const ids = (kind: string) => c.members.filter((m: any) => m.recordKind === kind).map((m: any) => m.recordId);
    return {
      [ClusterAction.DraftNotice]: ['/liaison/risk-notices', {
        title: c.suggestedNotice.title, summary: c.suggestedNotice.text, reasons: ['同一事项集中出现'], suggestions: ['做好政策解释'],
        departmentIds: [c.respondentDepartmentId], caseIds: ids('case'), consultationIds: ids('consultation'), clusterId: c.id,
      }],
      [ClusterAction.Dismiss]: [`/group-disputes/${c.id}/dismiss`, { version: c.version, reason: '经核实为个别争议' }],
    }[a] as [string, object];
  };
  const listed = async (u: User) => ((await as(u).get(`/group-disputes/${clusterId}`)).body.allowedActions as Array<{ action: ClusterAction }>).map((a) => a.action);
  const refusedAll = async (u: User, except: ClusterAction[]) => {
    const c = (await as('head').get(`/group-disputes/${clusterId}`)).body;
    for (const a of Object.values(ClusterAction).filter((x) => !except.includes(x))) {
      const [path, body] = request(a, c);
      const res = await as(u).post(path, body);
      expect([u, c.state, a, [403, 409].includes(res.status) ? 'refused' : `${res.status} ${res.body.code}`]).toEqual([u, c.state, a, 'refused']);
    }
  };

  it('an open cluster: the liaison officer may draft the suggested notice and dismiss it; the others only read', async () => {
    for (const u of USERS.filter((x) => x !== 'liaison')) {
      expect([u, await listed(u)]).toEqual([u, []]);
      await refusedAll(u, []);
    }
    expect(await listed('liaison')).toEqual([ClusterAction.DraftNotice, ClusterAction.Dismiss]);
    const c = (await as('liaison').get(`/group-disputes/${clusterId}`)).body;
    const [draftPath, draftBody] = request(ClusterAction.DraftNotice, c);
    const drafted = await as('liaison').post(draftPath, draftBody);
    expect(drafted.status).toBe(201);
    expect(drafted.body.clusterId).toBe(clusterId);
    const [dismissPath, dismissBody] = request(ClusterAction.Dismiss, c);
    const dismissed = await as('liaison').post(dismissPath, dismissBody);
    expect(dismissed.status).toBe(200);
    // The answer is the cluster as it now is, with nothing more to do.
    expect(dismissed.body).toMatchObject({ id: clusterId, state: 'dismissed', version: c.version + 1, dismissedReason: '经核实为个别争议', allowedActions: [] });
  });

  it('a dismissed cluster: nothing is offered to anyone, and dismissing again is refused', async () => {
    for (const u of USERS) {
      expect([u, await listed(u)]).toEqual([u, []]);
      await refusedAll(u, []);
    }
  });

  it('drafting from a dismissed cluster is refused with CLUSTER_NOT_OPEN and its Chinese reason; nothing is written', async () => {
    const c = (await as('liaison').get(`/group-disputes/${clusterId}`)).body;
    expect(c.state).toBe('dismissed');
    const [{ n: before }] = await t.db.ds.query('SELECT count(*)::int AS n FROM liaison_risk_notices');
    const [path, body] = request(ClusterAction.DraftNotice, c);
    const res = await as('liaison').post(path, body);
    expect([res.status, res.body.code, res.body.message]).toEqual([409, 'CLUSTER_NOT_OPEN', '该线索已排除，不能再据此起草风险提示函']);
    const [{ n: after }] = await t.db.ds.query('SELECT count(*)::int AS n FROM liaison_risk_notices');
    expect(after).toBe(before);
    // Without the cluster the same text is an ordinary notice (the link is what the refusal rests on).
    const { clusterId: _c, ...plain } = body as { clusterId: string };
    const ordinary = await as('liaison').post(path, plain);
    expect([ordinary.status, ordinary.body.clusterId]).toEqual([201, null]);
    // An unknown cluster is an input error naming the field.
    const unknown = await as('liaison').post(path, { ...plain, clusterId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'LIAISON_UNKNOWN_SUBJECT']);
  });
});
