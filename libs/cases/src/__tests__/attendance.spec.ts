import { checkAttendance } from '../domain/attendance';

const parties = [
  { id: 'a1', role: 'applicant', name: '王小明' },
  { id: 'a2', role: 'applicant', name: '刘芳' },
  { id: 'g1', role: 'agent', name: '赵律师' },
  { id: 't1', role: 'third_party', name: '李四' },
];

describe('attendance at hearings (ARL 49-51)', () => {
  it('a listening session may hear one side only; the stored rows follow the parties order', () => {
    const r = checkAttendance('listening', { parties: [{ partyId: 'a2', status: 'absent' }, { partyId: 'a1', status: 'attended' }] }, parties);
    expect(r.parties.map((p) => [p.party.name, p.status])).toEqual([['王小明', 'attended'], ['刘芳', 'absent']]);
    expect(r.respondent).toBeNull();
  });

  it('a listening session with nobody accounted for is refused', () => {
    expect(() => checkAttendance('listening', { parties: [] }, parties)).toThrow(expect.objectContaining({ code: 'HEARING_ATTENDANCE_INVALID' }));
  });

  it('a formal hearing needs every applicant, third party and the respondent; an agent is not a party of its own', () => {
    expect(() => checkAttendance('formal', { parties: [{ partyId: 'a1', status: 'attended' }], respondent: { status: 'attended', headAttended: false } }, parties))
      .toThrow(expect.objectContaining({ code: 'HEARING_ATTENDANCE_INCOMPLETE', message: '听证应登记全部当事人的出席情况，尚缺：刘芳、李四' }));
    expect(() => checkAttendance('formal', { parties: [{ partyId: 'g1', status: 'attended' }] }, parties))
      .toThrow(expect.objectContaining({ code: 'HEARING_ATTENDANCE_INVALID', details: { fields: [{ field: 'parties[0].partyId', message: '该当事人不是本案申请人或第三人' }] } }));
  });

  it("the respondent's head in person means the respondent attended", () => {
    const all = [{ partyId: 'a1', status: 'attended' as const }, { partyId: 'a2', status: 'attended' as const }, { partyId: 't1', status: 'absent' as const }];
    expect(checkAttendance('formal', { parties: all, respondent: { status: 'attended', headAttended: true, headName: '局长 王刚' } }, parties).respondent)
      .toMatchObject({ headAttended: true });
    expect(() => checkAttendance('formal', { parties: all, respondent: { status: 'represented', representedBy: '王律师', headAttended: true } }, parties))
      .toThrow(expect.objectContaining({ code: 'HEARING_ATTENDANCE_INVALID' }));
  });
});
