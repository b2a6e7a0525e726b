import { Role } from '@fuyi/kernel';
import { allowedLawsuitActions, hearingsAwaitingHead, LawsuitAction, type LawsuitFacts } from '../domain/lawsuit-actions';
import { allowedClusterActions, ClusterAction } from '../../clusters/domain/cluster-actions';

const names = (xs: Array<{ action: string }>) => xs.map((x) => x.action);
const base: LawsuitFacts = { hearings: [], complaintReceivedOn: null, defenceSubmittedOn: null, judgmentKind: null, today: '2026-12-06' };

describe('lawsuit allowedActions (issue 16 review)', () => {
  it('a fresh lawsuit: a hearing, the complaint copy, the judgment; only for liaison officers', () => {
    expect(names(allowedLawsuitActions(Role.LiaisonOfficer, base))).toEqual([
      LawsuitAction.RecordHearing, LawsuitAction.ComplaintReceived, LawsuitAction.RecordJudgment, LawsuitAction.CorrectCourt,
    ]);
    for (const role of Object.values(Role).filter((r) => r !== Role.LiaisonOfficer)) expect([role, allowedLawsuitActions(role, base)]).toEqual([role, []]);
  });

  it('the court and its case number may be corrected at any stage, judged or not (a clerical correction)', () => {
    const judged = { ...base, complaintReceivedOn: '2026-11-02', defenceSubmittedOn: '2026-11-10', judgmentKind: 'revoked' };
    for (const f of [base, judged]) expect(names(allowedLawsuitActions(Role.LiaisonOfficer, f))).toContain(LawsuitAction.CorrectCourt);
    expect(names(allowedLawsuitActions(Role.OfficeHead, judged))).not.toContain(LawsuitAction.CorrectCourt);
  });

  it('the defence after the complaint copy, once; then the complaint copy is no longer corrected (ALL 67)', () => {
    const received = { ...base, complaintReceivedOn: '2026-11-02' };
    expect(names(allowedLawsuitActions(Role.LiaisonOfficer, received))).toContain(LawsuitAction.DefenceSubmitted);
    const defended = { ...received, defenceSubmittedOn: '2026-11-10' };
    expect(names(allowedLawsuitActions(Role.LiaisonOfficer, defended))).not.toContain(LawsuitAction.DefenceSubmitted);
    expect(names(allowedLawsuitActions(Role.LiaisonOfficer, defended))).not.toContain(LawsuitAction.ComplaintReceived);
  });

  it("the head's appearance only on a court hearing already held without it (ALL 3(3)); the judgment once", () => {
    const hearings = [
      { heldOn: '2026-11-20', kind: 'mediation' as const, headAppeared: false, note: null },
      { heldOn: '2026-12-01', kind: 'hearing' as const, headAppeared: false, note: null },
      { heldOn: '2026-12-20', kind: 'hearing' as const, headAppeared: false, note: null },
    ];
    expect(hearingsAwaitingHead({ hearings, today: base.today })).toEqual([1]);
    expect(names(allowedLawsuitActions(Role.LiaisonOfficer, { ...base, hearings }))).toContain(LawsuitAction.RecordHeadAppearance);
    const done = hearings.map((h, i) => (i === 1 ? { ...h, headAppeared: true } : h));
    expect(names(allowedLawsuitActions(Role.LiaisonOfficer, { ...base, hearings: done, judgmentKind: 'revoked' }))).toEqual([
      LawsuitAction.RecordHearing, LawsuitAction.ComplaintReceived, LawsuitAction.CorrectCourt,
    ]);
  });
});

describe('cluster allowedActions (issue 16 review)', () => {
  it('an open cluster: drafting and dismissal for liaison officers; nothing once dismissed or merged, nothing for readers', () => {
    expect(names(allowedClusterActions(Role.LiaisonOfficer, 'open'))).toEqual([ClusterAction.DraftNotice, ClusterAction.Dismiss]);
    expect(allowedClusterActions(Role.LiaisonOfficer, 'dismissed')).toEqual([]);
    expect(allowedClusterActions(Role.LiaisonOfficer, 'closed')).toEqual([]);
    expect(allowedClusterActions(Role.OfficeHead, 'open')).toEqual([]);
  });
});
