import { documentRefusal } from '../domain/document-rules';
import { MediationState } from '../domain/mediation-state';

const S = MediationState;
const ALL = Object.values(S);
const allowed = (type: string, state: MediationState, outcome: string | null = null, hasCase = true) => documentRefusal(type, { state, outcome, hasCase }) === null;

describe('mediation documents by file state', () => {
  it.each(ALL)('调解书 in %s', (state) => {
    expect(allowed('mediation-document', state, 'agreement')).toBe(state === S.InProgress || state === S.Agreed);
  });

  it.each(ALL)('调解协议书 in %s (with a case)', (state) => {
    expect(allowed('mediation-agreement', state, 'agreement')).toBe(state === S.InProgress || state === S.Agreed);
  });

  it('调解协议书 of an agreement outside a case, effective on signature: also once closed, not after another outcome', () => {
    expect(allowed('mediation-agreement', S.Closed, 'agreement', false)).toBe(true);
    expect(allowed('mediation-agreement', S.Closed, 'reconciliation', false)).toBe(false);
    expect(allowed('mediation-agreement', S.Failed, 'failure', false)).toBe(false);
  });

  it.each(ALL)('终止调解通知书 in %s', (state) => {
    expect(allowed('mediation-termination-notice', state, state === S.Failed ? 'failure' : 'agreement')).toBe(state === S.Failed);
  });

  it('终止调解通知书 when the applicant gave up, pending or approved', () => {
    expect(allowed('mediation-termination-notice', S.WithdrawalPending, 'given_up')).toBe(true);
    expect(allowed('mediation-termination-notice', S.Closed, 'given_up')).toBe(true);
    expect(allowed('mediation-termination-notice', S.Closed, 'self_correction')).toBe(false);
  });

  it.each(ALL)('移送函 and 调解笔录 in %s', (state) => {
    expect(allowed('mediation-referral', state)).toBe(true);
    expect(allowed('mediation-record', state)).toBe(true);
  });
});
