import { CASE_HAND_BACK_PERFORMERS, isFilesSuspension, mayHandBackSuspendedCase, outcomeRefusalFor } from '../domain/case-link';

describe('hand-back of a suspended case (review item 1, 2)', () => {
  it('only the mediator on the file or the office head resumes the case; a coordinator alone does not', () => {
    expect(CASE_HAND_BACK_PERFORMERS).toEqual(['file_mediator', 'office_head']);
    expect(mayHandBackSuspendedCase(['coordinator'])).toBe(false);
    expect(mayHandBackSuspendedCase(['district'])).toBe(false);
    expect(mayHandBackSuspendedCase(['coordinator', 'file_mediator'])).toBe(true);
    expect(mayHandBackSuspendedCase(['office_head'])).toBe(true);
  });

  it('only the consented suspension the file recorded is the mediation\'s', () => {
    expect(isFilesSuspension({ ground: 6, from: '2026-11-20' }, '2026-11-20', 6)).toBe(true);
    expect(isFilesSuspension({ ground: 1, from: '2026-11-20' }, '2026-11-20', 6)).toBe(false); // the handler's own suspension
    expect(isFilesSuspension({ ground: 6, from: '2026-11-25' }, '2026-11-20', 6)).toBe(false); // a later one, not the file's
    expect(isFilesSuspension(null, '2026-11-20', 6)).toBe(false);
    expect(isFilesSuspension({ ground: 6, from: '2026-11-20' }, null, 6)).toBe(false);
  });
});

describe('refusal message by case state (review item 14)', () => {
  it('does not call a case under review "closed"', () => {
    expect(outcomeRefusalFor('correction_requested', '待补正')).toContain('受理审查');
    expect(outcomeRefusalFor('correction_requested', '待补正')).not.toContain('已结案');
    expect(outcomeRefusalFor('decision_pending', '决定待审批')).toContain('决定待审批');
    expect(outcomeRefusalFor('decision_pending', '决定待审批')).not.toContain('已结案');
    expect(outcomeRefusalFor('terminated', '已终止')).toContain('已结案');
    expect(outcomeRefusalFor('archived', '已归档')).toContain('已结案');
  });
});
