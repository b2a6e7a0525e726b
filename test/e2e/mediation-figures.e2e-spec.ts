import { addDays, shanghaiDate } from '@fuyi/kernel';
import { mediationRequests, setUpMediationCentre, type MediationCentre } from '../support/mediation-centre';

/**
 * GET /me/figures for a mediator (issue 16 item 5): my files in progress and those whose time limit ends within 3
 * days or has passed, each equal to the rows of 我的调解 (GET /mediation/work-list) with the same filter, and none of
 * another mediator's files counted.
 */
describe('home figures: a mediator', () => {
  let c: MediationCentre;
  const { as, assignAndTake } = mediationRequests(() => c);
  const today = shanghaiDate(new Date());
  const files: Record<string, string> = {};

  const figures = async (who: string) => {
    const res = await as(who).get('/me/figures');
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.figures.map((f: { key: string; count: number }) => [f.key, f.count]));
  };
  const rows = async (who: string, query = '') => {
    const res = await as(who).get(`/mediation/work-list${query}`);
    expect(res.status).toBe(200);
    return res.body.files.length as number;
  };
  async function file(key: string, mediator: string | null, due: string | null): Promise<void> {
    const ref = await as('clerk').post('/mediation/referrals', {
      source: 'court', category: 'demolition', courtReference: `（2026）京0112行初${900 + Object.keys(files).length}号`,
      respondentDepartmentId: c.respondentId, applicantWants: '撤销限期拆除决定', parties: [{ role: 'applicant', name: '孙志强' }],
    });
    expect(ref.status).toBe(201);
    files[key] = ref.body.id;
    if (mediator) await assignAndTake(files[key], mediator);
    if (due) await c.t.db.ds.query('UPDATE mediation_files SET mediation_due = $2 WHERE id = $1', [files[key], due]);
  }

  beforeAll(async () => {
    c = await setUpMediationCentre();
    await file('passed', 'mediator', addDays(today, -1)); // mine, its time limit passed
    await file('inThree', 'mediator', addDays(today, 3)); // mine, ends on the third day from today
    await file('inFour', 'mediator', addDays(today, 4)); // mine, not yet soon
    await file('theirs', 'mediator2', addDays(today, -2)); // another mediator's, past due: never counted for me
    await file('pool', null, null); // referred, unassigned
    await file('closed', 'mediator', addDays(today, -3)); // mine but no longer in mediation
    await c.t.db.ds.query(`UPDATE mediation_files SET state = 'failed' WHERE id = $1`, [files.closed]);
  });
  afterAll(() => c.t.close());

  it("counts my files in progress and those due within 3 days or past, as my work list's rows", async () => {
    const mine = await figures('mediator');
    expect(mine).toEqual({ mediationMine: 3, mediationDueSoon: 2 });
    expect(mine.mediationMine).toBe(await rows('mediator'));
    expect(mine.mediationDueSoon).toBe(await rows('mediator', '?due=soon'));
  });

  it("never counts another mediator's files", async () => {
    const theirs = await figures('mediator2');
    expect(theirs).toEqual({ mediationMine: 1, mediationDueSoon: 1 });
    expect(theirs.mediationDueSoon).toBe(await rows('mediator2', '?due=soon'));
  });

  it('refuses an unknown filter in Chinese', async () => {
    const bad = await as('mediator').get('/mediation/work-list?due=later');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});
