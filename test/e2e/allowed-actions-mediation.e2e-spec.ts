import { MEDIATION_UPLOAD_ACTION, MediationOp } from '@fuyi/mediation';
import { shanghaiDate } from '@fuyi/kernel';
import { applicationBody } from '../support/factories';
import { smallPdf } from '../support/upload-files';
import { mediationRequests, setUpMediationCentre, type MediationCentre } from '../support/mediation-centre';

type User = 'mediator' | 'mediator2' | 'head' | 'clerk';
const USERS: User[] = ['mediator', 'mediator2', 'head', 'clerk'];

/** One route, two operations told apart by the file's state (assign a first mediator, or add a second). */
const SAME_ROUTE: Partial<Record<MediationOp, MediationOp>> = { [MediationOp.Assign]: MediationOp.AddMediator, [MediationOp.AddMediator]: MediationOp.Assign };

/**
 * Issue 11 item 5 for the mediation centre: a file's `allowedActions` say what the server does. For sample files (with
 * and without a case, every stage) and the centre's users (`mediator` coordinates, `mediator2` works the file): each
 * action listed succeeds on a fresh file built the same way, each other one is refused (403/409).
 */
describe('allowedActions agree with what the server enforces (mediation files)', () => {
  let c: MediationCentre;
  const { as } = mediationRequests(() => c);
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    c = await setUpMediationCentre();
  });
  afterAll(() => c.t.close());
  afterAll(() => {
    // Every operation was offered (and done) somewhere in the sample.
    expect([...tried.listed].sort()).toEqual([...Object.values(MediationOp), MEDIATION_UPLOAD_ACTION].sort());
    expect(tried.workListRows).toBeGreaterThan(0);
    console.log(`mediation allowedActions: ${tried.listed.size} operations done where listed, ${tried.refused} unlisted attempts refused, ${tried.workListRows} work-list rows compared`);
  });

  const F = '/mediation/files';
  const ok = async (who: User, path: string, body: object) => {
    const res = await as(who).post(path, body);
    if (![200, 201].includes(res.status)) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const read = async (who: User, id: string) => (await as(who).get(`${F}/${id}`)).body;
  const court = { source: 'court', category: 'demolition', courtReference: '（2026）京0112行初1号', applicantWants: '补偿', parties: [{ role: 'applicant', name: '李四' }] };
  /** An accepted case, handled by `clerk`, received today so that its periods run. */
  const acceptedCase = async () => {
    const reg = await as('clerk').post('/applications', applicationBody(c.respondentId, { receivedAt: new Date().toISOString() }));
    await ok('clerk', `/cases/${reg.body.caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' });
    return reg.body.caseId as string;
  };

  const FILES: Record<string, () => Promise<string>> = {
    court_referred: async () => (await ok('clerk', '/mediation/referrals', { ...court, respondentDepartmentId: c.respondentId })).id,
    court_assigned: async () => {
      const id = await FILES.court_referred();
      await ok('head', `${F}/${id}/assign`, { version: 1, mediatorIds: [c.ids.mediator2] });
      return id;
    },
    court_in_progress: async () => {
      const id = await FILES.court_assigned();
      await ok('mediator2', `${F}/${id}/take`, { version: 2 });
      return id;
    },
    court_closed: async () => {
      const id = await FILES.court_in_progress();
      await ok('mediator2', `${F}/${id}/outcome`, { version: 3, kind: 'agreement', summary: '达成协议', signedByAll: true });
      return id;
    },
    court_failed: async () => {
      const id = await FILES.court_in_progress();
      await ok('mediator2', `${F}/${id}/outcome`, { version: 3, kind: 'failure', summary: '调解不成' });
      return id;
    },
    window_accepted: async () => {
      const reg = await as('clerk').post('/applications', applicationBody(c.respondentId, { receivedAt: new Date().toISOString() }));
      const file = await ok('clerk', '/mediation/referrals', { source: 'window', category: 'demolition', caseId: reg.body.caseId, applicantWants: '补偿' });
      await ok('clerk', `/cases/${reg.body.caseId}/acceptance-review`, { outcome: 'accept', version: 1, procedure: 'ordinary' });
      return file.id;
    },
    case_in_progress: async () => {
      const caseId = await acceptedCase();
      const file = await ok('clerk', '/mediation/referrals', { source: 'case', category: 'demolition', caseId, caseVersion: 2, applicantWants: '补偿', consent: { applicant: true, respondent: true } });
      await ok('head', `${F}/${file.id}/assign`, { version: file.version, mediatorIds: [c.ids.mediator2] });
      await ok('mediator2', `${F}/${file.id}/take`, { version: file.version + 1 });
      return file.id;
    },
    case_agreed: async () => {
      const id = await FILES.case_in_progress();
      await ok('mediator2', `${F}/${id}/outcome`, { version: (await read('head', id)).version, kind: 'agreement', summary: '达成协议', signedByAll: true });
      return id;
    },
    case_withdrawal_pending: async () => {
      const id = await FILES.case_in_progress();
      await ok('mediator2', `${F}/${id}/outcome`, { version: (await read('head', id)).version, kind: 'reconciliation', summary: '双方和解' });
      return id;
    },
  };

  const requestOf = (op: MediationOp, f: any): [string, object] => {
    const v = { version: f.version };
    const map: Record<MediationOp, [string, object]> = {
      [MediationOp.Assign]: ['/assign', { ...v, mediatorIds: [c.ids.mediator2] }],
      [MediationOp.AddMediator]: ['/assign', { ...v, mediatorIds: [c.ids.mediator] }],
      [MediationOp.Object]: ['/objection', { ...v, mediatorId: c.ids.mediator2, partyRole: 'applicant', reason: '调解员与被申请人负责人系亲属' }],
      [MediationOp.Take]: ['/take', v],
      [MediationOp.Extend]: ['/extension', { ...v, days: 5, consent: { applicant: true, respondent: true } }],
      [MediationOp.ScheduleSession]: ['/sessions', { kind: 'joint', mode: 'in_person', place: '调解室', scheduledAt: new Date().toISOString(), participants: [] }],
      [MediationOp.SuspendCase]: ['/suspend-case', { ...v, caseVersion: f.linkedCase?.version ?? 1, consent: { applicant: true, respondent: true } }],
      [MediationOp.RecordAgreement]: ['/outcome', { ...v, kind: 'agreement', summary: '达成协议', signedByAll: true }],
      [MediationOp.RecordWithdrawal]: ['/outcome', { ...v, kind: 'reconciliation', summary: '双方和解' }],
      [MediationOp.RecordFailure]: ['/outcome', { ...v, kind: 'failure', summary: '调解不成' }],
      [MediationOp.Seal]: ['/seal', v],
      [MediationOp.FollowUp]: ['/follow-up', { ...v, checkOn: today, performed: true, result: '已履行' }],
    };
    return map[op];
  };

  const tried = { listed: new Set<string>(), refused: 0, workListRows: 0 };
  it.each(Object.keys(FILES))('%s: every user', async (name) => {
    const sample = await FILES[name]();
    // Rows as the lists show them, read before the fresh files below: the sample is the newest file for now.
    const rows: Partial<Record<User, any>> = {};
    const workRows: Partial<Record<User, any[]>> = {};
    for (const u of USERS) {
      rows[u] = (await as(u).get(`${F}?limit=1`)).body.items[0];
      workRows[u] = (await as(u).get('/mediation/work-list')).body.files;
    }
    for (const u of USERS) {
      const seen = await read(u, sample);
      expect([name, u, seen.id]).toEqual([name, u, sample]);
      // The list's row carries the same allowedActions as the file, and they are what is tried below.
      expect([name, u, rows[u]?.id, rows[u]?.allowedActions]).toEqual([name, u, sample, seen.allowedActions]);
      const mine = workRows[u]?.find((f: { id: string }) => f.id === sample);
      if (mine) expect([name, u, 'work-list', mine.allowedActions]).toEqual([name, u, 'work-list', seen.allowedActions]);
      if (mine) tried.workListRows++;
      const all: string[] = rows[u].allowedActions.map((a: { action: string }) => a.action);
      // Issue 18: 上传材料 is not a move (the file's version stays): done on the sample itself, as its own route.
      if (all.includes(MEDIATION_UPLOAD_ACTION)) {
        const res = await c.t.http().post(`${F}/${sample}/materials`).set('authorization', `Bearer ${c.tok[u]}`)
          .field('kind', 'other').field('submittedBy', '当事人').field('receivedOn', today).attach('file', smallPdf(`${name}-${u}`), '材料.pdf');
        expect([name, u, MEDIATION_UPLOAD_ACTION, res.status === 201 ? 'done' : `${res.status} ${res.body.code}`]).toEqual([name, u, MEDIATION_UPLOAD_ACTION, 'done']);
        tried.listed.add(MEDIATION_UPLOAD_ACTION);
      }
      const listed = all.filter((a): a is MediationOp => a !== MEDIATION_UPLOAD_ACTION);
      for (const op of Object.values(MediationOp).filter((o) => !listed.includes(o) && !(SAME_ROUTE[o] && listed.includes(SAME_ROUTE[o])))) {
        const [path, body] = requestOf(op, await read('head', sample));
        const res = await as(u).post(`${F}/${sample}${path}`, body);
        expect([name, u, op, [403, 409].includes(res.status) ? 'refused' : `${res.status} ${res.body.code}`]).toEqual([name, u, op, 'refused']);
        tried.refused++;
      }
      for (const op of listed) {
        const fresh = await FILES[name]();
        const before = await read('head', fresh);
        const [path, body] = requestOf(op, before);
        const res = await as(u).post(`${F}/${fresh}${path}`, body);
        expect([name, u, op, [200, 201].includes(res.status) ? 'done' : `${res.status} ${res.body.code}`]).toEqual([name, u, op, 'done']);
        tried.listed.add(op);
        if (op !== MediationOp.ScheduleSession) {
          // The answer is the file as it now is.
          expect(res.body).toMatchObject({ id: fresh, version: before.version + 1, allowedActions: expect.any(Array) });
        }
      }
    }
  }, 120_000);
});
