import { Role, type Actor } from '@fuyi/kernel';
import { CaseState, hearingRefusal, ownershipRefusal, sameApproverRefusal, type HearingStatus } from '@fuyi/cases';

const actor = (role: Role, userId = 'me'): Actor => ({ userId, username: userId, role, townshipId: null });

describe('ownership (issue #12 item 6)', () => {
  it('a clerk acts only on the cases assigned to them once accepted; intake review is open to every reviewer', () => {
    expect(ownershipRefusal(actor(Role.ReconsiderationClerk), { state: CaseState.Registered, handlerId: null })).toBeNull();
    expect(ownershipRefusal(actor(Role.ReconsiderationClerk), { state: CaseState.CorrectionRequested, handlerId: null })).toBeNull();
    expect(ownershipRefusal(actor(Role.ReconsiderationClerk), { state: CaseState.Refused, handlerId: null })).toBeNull(); // its refusal decision
    expect(ownershipRefusal(actor(Role.ReconsiderationClerk), { state: CaseState.Accepted, handlerId: 'me' })).toBeNull();
    expect(ownershipRefusal(actor(Role.ReconsiderationClerk), { state: CaseState.Accepted, handlerId: 'other' })).toMatchObject({ code: 'CASE_NOT_HANDLER', kind: 'forbidden' });
    expect(ownershipRefusal(actor(Role.ReconsiderationClerk), { state: CaseState.Accepted, handlerId: null })?.message).toContain('尚未分配承办人');
  });

  it('a section chief, the office head and the system act on any case', () => {
    for (const role of [Role.SectionChief, Role.OfficeHead]) expect(ownershipRefusal(actor(role), { state: CaseState.Decided, handlerId: 'other' })).toBeNull();
    expect(ownershipRefusal(null, { state: CaseState.Registered, handlerId: null })).toBeNull();
  });

  it('four eyes: the approver is not the submitter', () => {
    expect(sameApproverRefusal(actor(Role.OfficeHead, 'head'), 'head', '行政复议决定')).toMatchObject({ code: 'CASE_SAME_APPROVER', message: expect.stringContaining('不能审批本人提交的行政复议决定') });
    expect(sameApproverRefusal(actor(Role.OfficeHead, 'head'), 'clerk', '行政复议决定')).toBeNull();
  });

  it('four eyes: an approval of what names no submitter is refused (it cannot show the approver is someone else)', () => {
    for (const unknown of [null, undefined, '']) {
      expect(sameApproverRefusal(actor(Role.OfficeHead, 'head'), unknown, '行政复议决定')).toMatchObject({
        code: 'CASE_SAME_APPROVER', kind: 'forbidden', message: expect.stringContaining('记录中没有行政复议决定的提交人'),
      });
    }
    expect(sameApproverRefusal(null, null, '终止行政复议申请')).toBeNull(); // the system's legal effects
  });
});

describe('hearing the parties before deciding (issue #12 item 4)', () => {
  const base: HearingStatus = {
    listeningRequired: true, listeningDone: false, listeningWaiver: null, formalHearingMandatory: false, formalHearingHeld: false, formalHearingWaiver: null, reasons: [],
  };
  it('ARL 49: an ordinary-procedure case is decided after hearing the parties, or with the reason written review was used', () => {
    expect(hearingRefusal(base)?.code).toBe('CASE_PARTIES_NOT_HEARD');
    expect(hearingRefusal({ ...base, listeningDone: true })).toBeNull();
    expect(hearingRefusal({ ...base, listeningWaiver: { reason: '申请人拒绝陈述意见', on: '2026-11-20' } })).toBeNull();
    expect(hearingRefusal({ ...base, listeningRequired: false })).toBeNull();
  });

  it('ARL 50: a case flagged for a mandatory formal hearing needs one (which also hears the parties) or a recorded reason', () => {
    const flagged = { ...base, listeningRequired: false, formalHearingMandatory: true, reasons: ['本案申请人5人，属群体性纠纷'] };
    expect(hearingRefusal(flagged)).toMatchObject({ code: 'CASE_FORMAL_HEARING_REQUIRED', details: { reasons: ['本案申请人5人，属群体性纠纷'] } });
    expect(hearingRefusal({ ...flagged, listeningDone: true })?.code).toBe('CASE_FORMAL_HEARING_REQUIRED');
    expect(hearingRefusal({ ...flagged, formalHearingHeld: true, listeningDone: true })).toBeNull();
    expect(hearingRefusal({ ...flagged, formalHearingWaiver: { reason: '申请人无正当理由拒不参加听证', on: '2026-11-20' } })).toBeNull();
  });
});
