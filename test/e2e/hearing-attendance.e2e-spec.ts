import { randomUUID } from 'node:crypto';
import { CalendarService } from '@fuyi/clocks';
import { AttendanceService } from '@fuyi/cases';
import { computeDeadline } from '@fuyi/deadlines';
import { shanghaiDate } from '@fuyi/kernel';
import { applicationBody, validIdNumber } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 12 item 12: hearings of the parties (ARL 49) and formal hearings (ARL 50-51) record who attended — each party
 * in person, through an agent, or absent — and whether the respondent's head took part; the case's participation read
 * model shows it and the counts per period feed the statistics.
 */
describe('attendance at hearings (ARL 49-51)', () => {
  let t: TestApp;
  let clerk: string;
  let caseId: string;
  let applicantId: string;
  let thirdPartyId: string;
  let formalId: string;
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.login('clerk');
    const township = await t.login('zhongcang');
    const [{ id: respondentId }] = await t.db.ds.query(`SELECT id FROM departments WHERE name = '区城市管理综合行政执法局'`);
    caseId = (await t.http().post('/applications').set('authorization', `Bearer ${township}`).send(applicationBody(respondentId))).body.caseId;
    await post('acceptance-review', { outcome: 'accept', version: 1, procedure: 'ordinary' });
    [{ id: applicantId }] = await t.db.ds.query(`SELECT id FROM case_parties WHERE case_id = $1 AND role = 'applicant'`, [caseId]);
    thirdPartyId = (await post('parties', { version: 2, role: 'third_party', party: { kind: 'person', name: '李四', idNumber: validIdNumber('19700101') } })).body.partyId;
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) => t.http().post(`/cases/${caseId}/${path}`).set('authorization', `Bearer ${clerk}`).send(body);
  const put = (hearingId: string, body: object) => t.http().put(`/cases/${caseId}/hearings/${hearingId}/attendance`).set('authorization', `Bearer ${clerk}`).send(body);
  const participation = async () => (await t.http().get(`/cases/${caseId}/participation`).set('authorization', `Bearer ${clerk}`)).body;

  it('records a listening session with its minutes: the applicant through an agent, the respondent with its head in person', async () => {
    const scheduled = await post('hearings', { version: 3, kind: 'listening', heldOn: today, place: '区司法局调解室' });
    expect(scheduled.status).toBe(200);
    const held = await post(`hearings/${scheduled.body.hearingId}/minutes`, {
      version: 4, minutes: '听取了申请人代理人和被申请人的意见。',
      attendance: { parties: [{ partyId: applicantId, status: 'represented', representedBy: '赵律师' }], respondent: { status: 'attended', headAttended: true, headName: '副局长 李强' } },
    });
    expect(held.status).toBe(200);
    const view = await participation();
    expect(view.respondentHeadAttended).toBe(true);
    expect(view.hearings[0]).toMatchObject({
      kind: 'listening', kindLabel: '听取意见', heldOn: today, status: 'held', hasMinutes: true, attendanceRecorded: true,
      attendance: {
        parties: [{ partyId: applicantId, name: '王小明', role: 'applicant', status: 'represented', statusLabel: '委托代理人出席', representedBy: '赵律师' }],
        respondent: { name: '区城市管理综合行政执法局', status: 'attended', headAttended: true, headName: '副局长 李强' },
      },
    });
  });

  it('a formal hearing accounts for every party: refused before it is held, incomplete or inconsistent; then recorded and corrected', async () => {
    const noticeBy = computeDeadline({ rule: 'hearing-notice', start: today }, await t.app.get(CalendarService).current()).due;
    const panel = { presiding: '陈静', officers: ['刘洋', '张伟'], clerk: '李敏' };
    formalId = (await post('hearings', { version: 5, kind: 'formal', heldOn: today, place: '听证室', panel, noticeSentOn: noticeBy })).body.hearingId;
    const all = { parties: [{ partyId: applicantId, status: 'attended' }, { partyId: thirdPartyId, status: 'absent' }], respondent: { status: 'represented', representedBy: '王律师', headAttended: false } };

    const early = await put(formalId, { version: 6, ...all });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'HEARING_NOT_HELD' });
    expect(early.body.message).toContain('尚未举行');
    expect((await post(`hearings/${formalId}/minutes`, { version: 6, minutes: '听证笔录。' })).status).toBe(200);
    expect((await participation()).hearings[1]).toMatchObject({ attendanceRecorded: false, attendance: null });

    const refusals: Array<[object, number, string, string?, string?]> = [
      [{ parties: [{ partyId: applicantId, status: 'attended' }] }, 400, 'HEARING_ATTENDANCE_INCOMPLETE', 'parties', '听证应登记全部当事人的出席情况，尚缺：李四、被申请人'],
      [{ ...all, parties: [{ partyId: applicantId, status: 'represented' }, all.parties[1]] }, 400, 'HEARING_ATTENDANCE_INVALID', 'parties[0].representedBy', '委托代理人出席的，请填写代理人姓名'],
      [{ ...all, parties: [{ partyId: applicantId, status: 'attended', representedBy: '赵律师' }, all.parties[1]] }, 400, 'HEARING_ATTENDANCE_INVALID', 'parties[0].representedBy'],
      [{ ...all, parties: [...all.parties, { partyId: applicantId, status: 'absent' }] }, 400, 'HEARING_ATTENDANCE_INVALID', 'parties[2].partyId', '同一当事人重复登记'],
      [{ ...all, parties: [{ partyId: randomUUID(), status: 'attended' }] }, 400, 'HEARING_ATTENDANCE_INVALID', 'parties[0].partyId', '该当事人不是本案申请人或第三人'],
      [{ ...all, respondent: { status: 'absent', headAttended: true } }, 400, 'HEARING_ATTENDANCE_INVALID', 'respondent.headAttended'],
      [{ ...all, respondent: { status: 'attended', headAttended: false, headName: '局长 张三' } }, 400, 'HEARING_ATTENDANCE_INVALID', 'respondent.headName'],
      [{ ...all, parties: [{ partyId: applicantId, status: 'late' }] }, 400, 'VALIDATION_FAILED', 'parties.0.status'],
      [{ ...all, respondent: { status: 'represented', representedBy: '王律师13800138000', headAttended: false } }, 400, 'PERSONAL_DATA_NOT_ALLOWED', 'respondent.representedBy'],
      [{ parties: all.parties, respondent: { status: 'attended' } }, 400, 'VALIDATION_FAILED', 'respondent.headAttended'],
    ];
    for (const [body, status, code, field, message] of refusals) {
      const res = await put(formalId, { version: 7, ...body });
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      if (field) expect(res.body.fields.map((f: any) => f.field)).toContain(field);
      if (message) expect(res.body.message).toBe(message);
    }
    expect((await put(formalId, { version: 6, ...all })).body.code).toBe('CASE_VERSION_CONFLICT');
    expect((await put(randomUUID(), { version: 7, ...all })).body.code).toBe('HEARING_NOT_FOUND');

    const ok = await put(formalId, { version: 7, ...all });
    expect(ok.status).toBe(200);
    // The case as it now is, with what was recorded under `attendance` (issue 11 item 5).
    expect(ok.body).toMatchObject({ id: caseId, version: 8, attendance: { hearingId: formalId, parties: 2, respondent: 'represented', respondentHeadAttended: false } });
    // A correction replaces the record: the head did come after all.
    const fixed = await put(formalId, { version: 8, ...all, respondent: { status: 'attended', headAttended: true, headName: '局长 王刚' } });
    expect(fixed.status).toBe(200);
    const formal = (await participation()).hearings[1];
    expect(formal.attendance.parties.map((p: any) => [p.name, p.role, p.status])).toEqual([['王小明', 'applicant', 'attended'], ['李四', 'third_party', 'absent']]);
    expect(formal.attendance.respondent).toMatchObject({ status: 'attended', headAttended: true, headName: '局长 王刚' });
    const events = await t.db.ds.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'hearing_attendance_recorded'`, [caseId]);
    expect(events[0].n).toBe(2);
  });

  it('counts held hearings and the heads taking part per period, for the statistics', async () => {
    await put(formalId, { version: 9, parties: [{ partyId: applicantId, status: 'attended' }, { partyId: thirdPartyId, status: 'absent' }], respondent: { status: 'represented', representedBy: '王律师', headAttended: false } });
    const counts = await t.app.get(AttendanceService).counts(today, today, 'month');
    expect(counts.periods).toEqual([{
      period: today.slice(0, 7), held: 2, formalHearings: 1, listeningSessions: 1, withoutAttendance: 0,
      respondentRecorded: 2, respondentAttended: 1, respondentRepresented: 1, respondentAbsent: 0, headAttended: 1,
      partiesAttended: 1, partiesRepresented: 1, partiesAbsent: 1, headParticipationRate: 0.5,
    }]);
    expect(counts.total).toMatchObject({ held: 2, headAttended: 1, headParticipationRate: 0.5 });
    expect((await t.app.get(AttendanceService).counts(today, today, 'year')).periods[0].period).toBe(today.slice(0, 4));
    await expect(t.app.get(AttendanceService).counts(today, '2020-01-01')).rejects.toMatchObject({ code: 'CASE_INVALID_INPUT' });
  });
});
