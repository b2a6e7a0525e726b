import { CalendarService } from '@fuyi/clocks';
import { addDays, shanghaiDate } from '@fuyi/kernel';
import { noticeResponseDue, opinionFeedbackDue } from '@fuyi/liaison';
import { createTestApp, type TestApp } from '../support/test-app';

type Who = 'liaison' | 'head' | 'admin';

/**
 * Review 3: liaison due dates carry their provisional flag and explanation, a risk-notice response counts from the day
 * the department received the notice, and a calendar change recomputes them in its own transaction.
 * Its own file: the calendar changes here would move every other test's dates.
 */
describe('liaison due dates: provisional, from receipt, recomputed on calendar changes', () => {
  let t: TestApp;
  let tok: Record<Who, string>;
  let depts: number[];
  const today = shanghaiDate(new Date());
  const calendar = () => t.app.get(CalendarService).current();

  beforeAll(async () => {
    t = await createTestApp();
    tok = Object.fromEntries(await Promise.all((['liaison', 'head', 'admin'] as Who[]).map(async (n) => [n, await t.login(n)]))) as Record<Who, string>;
    depts = (await t.db.ds.query('SELECT id FROM departments ORDER BY id LIMIT 2')).map((r: any) => r.id);
  });
  afterAll(() => t.close());

  const post = (who: Who, path: string, body: object) => t.http().post(path).set('authorization', `Bearer ${tok[who]}`).send(body);
  const put = (who: Who, path: string, body: object) => t.http().put(path).set('authorization', `Bearer ${tok[who]}`).send(body);
  const get = (who: Who, path: string) => t.http().get(path).set('authorization', `Bearer ${tok[who]}`);
  const letterRow = async (id: string) =>
    (await t.db.ds.query('SELECT feedback_due AS due, feedback_due_provisional AS provisional FROM liaison_letters WHERE id = $1', [id]))[0];
  const recipients = async (id: string) => t.db.ds.query(
    'SELECT department_id AS dep, due_from AS "from", due_on AS due, due_provisional AS provisional FROM liaison_notice_recipients WHERE notice_id = $1 ORDER BY department_id', [id]);

  let letterId: string;
  let noticeId: string;

  it('an opinion letter received today: its 60-day due date lands in the unpublished next year, stored and shown provisional', async () => {
    const created = await post('liaison', '/liaison/letters', { kind: 'opinion', recipientDepartmentId: depts[0], problems: ['未履行告知义务'], recommendations: ['依法重新作出'] });
    letterId = created.body.id;
    await post('head', `/liaison/letters/${letterId}/issue`, { version: 1 });
    const received = await post('liaison', `/liaison/letters/${letterId}/receive`, { version: 2, receivedOn: today });
    const expected = opinionFeedbackDue(await calendar(), today);
    expect(expected.provisional).toBe(true); // 2027's arrangement is not published (domain.md §5)
    expect(received.body).toMatchObject({ feedbackDue: expected.due, feedbackDueProvisional: true });
    const detail = (await get('liaison', `/liaison/letters/${letterId}`)).body;
    expect(detail).toMatchObject({ feedbackDue: expected.due, feedbackDueProvisional: true, feedbackDueExplanation: expected.explanation });
    const view = (await get('liaison', '/liaison/view')).body;
    expect(view.letters).toEqual(expect.arrayContaining([expect.objectContaining({ id: letterId, feedbackDueProvisional: true })]));
  });

  it('a risk-notice response counts from the day each department received the notice (its 签收 date)', async () => {
    const created = await post('liaison', '/liaison/risk-notices', { title: '关于拆违风险的提示', summary: '多户申请复议。', reasons: ['涉及多户'], suggestions: ['入户解释'], departmentIds: depts });
    noticeId = created.body.id;
    await post('liaison', `/liaison/risk-notices/${noticeId}/submit`, { version: 1 });
    await post('head', `/liaison/risk-notices/${noticeId}/approve`, { version: 2 });
    const sent = await post('liaison', `/liaison/risk-notices/${noticeId}/send`, { version: 3 });
    const cal = await calendar();
    expect(sent.body).toMatchObject({ dueOn: noticeResponseDue(cal, today, 15).due, dueProvisional: false });
    // As if sent by post a week ago: until 签收 the sending day is day zero.
    const sentOn = addDays(today, -7);
    await t.db.ds.query('UPDATE liaison_risk_notices SET sent_on = $2 WHERE id = $1', [noticeId, sentOn]);
    await t.db.ds.query('UPDATE liaison_notice_recipients SET sent_on = $2, due_from = $2, due_on = $3 WHERE notice_id = $1', [noticeId, sentOn, noticeResponseDue(cal, sentOn, 15).due]);
    const receivedOn = addDays(today, -3); // acknowledged four days after sending
    expect((await post('liaison', `/liaison/risk-notices/${noticeId}/acknowledge`, { version: 4, departmentId: depts[0], on: receivedOn })).status).toBe(200);
    expect(await recipients(noticeId)).toEqual([
      { dep: depts[0], from: receivedOn, due: noticeResponseDue(cal, receivedOn, 15).due, provisional: false },
      { dep: depts[1], from: sentOn, due: noticeResponseDue(cal, sentOn, 15).due, provisional: false },
    ]);
    const detail = (await get('liaison', `/liaison/risk-notices/${noticeId}`)).body;
    expect(detail.recipients[0]).toMatchObject({ dueFrom: receivedOn, dueProvisional: false, dueExplanation: expect.any(Array) });
  });

  it('a calendar change recomputes the open liaison due dates in its own transaction', async () => {
    const [acknowledged, other] = await recipients(noticeId);
    const letterBefore = await letterRow(letterId);
    // An unplanned closure on the acknowledged department's due day: its response is due one working day later.
    const closure = await put('admin', `/calendar/days/${acknowledged.due}`, { date: acknowledged.due, kind: 'closure', name: '临时停止办公', reason: '区政府通知' });
    expect(closure.status).toBe(200);
    const [moved, untouched] = await recipients(noticeId);
    expect(moved.due).toBe(noticeResponseDue(await calendar(), acknowledged.from, 15).due);
    expect(moved.due > acknowledged.due).toBe(true);
    expect(untouched).toEqual(other); // its period ends before the closure

    // The next year's arrangement is published, with the letter's due day a holiday: the date moves and is no longer provisional.
    const year = Number(letterBefore.due.slice(0, 4));
    const load = await post('admin', `/calendar/years/${year}/load`, {
      reason: '国务院办公厅关于部分节假日安排的通知（测试数据）', days: [{ date: letterBefore.due, kind: 'holiday', name: '测试假日' }],
    });
    expect(load.status).toBe(201);
    const letterAfter = await letterRow(letterId);
    const expected = opinionFeedbackDue(await calendar(), today);
    expect(letterAfter).toEqual({ due: expected.due, provisional: false });
    expect(letterAfter.due > letterBefore.due).toBe(true);
    const audit = await t.db.ds.query(`SELECT summary FROM audit_log WHERE action = 'liaison.due.recompute' ORDER BY seq`);
    expect(audit).toHaveLength(2);
    expect(audit[1].summary.letters).toEqual([letterId]);
  });
});
