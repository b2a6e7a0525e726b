import { CaseState } from '../domain/case-state';
import { explainStage, type PublicClock } from '../domain/public-stage';

const clock = (rule: string, dueDate: string, x: Partial<PublicClock> = {}): PublicClock => ({ rule, dueDate, status: 'running', provisional: false, extensionDays: 0, ...x });

describe('public lookup explained', () => {
  it('suspension for mediation: 中止审理：当事人正在调解，恢复后顺延, no due date while paused', () => {
    const s = explainStage({ state: CaseState.Suspended, procedure: 'ordinary', suspensionGround: 6, clocks: [clock('decision', '2026-12-01', { status: 'paused' })] });
    expect(s.explanation.startsWith('中止审理：当事人正在调解，恢复后顺延')).toBe(true);
    expect(s.nextStep).toMatchObject({ due: null, basis: '《行政复议法》第三十九条' });
  });

  it('a suspension that may end in termination shows the ARL 41 cap as the next step', () => {
    const s = explainStage({ state: CaseState.Suspended, procedure: 'ordinary', suspensionGround: 1, clocks: [clock('suspension-cap', '2027-01-30')] });
    expect(s.explanation).toContain('申请人死亡');
    expect(s.nextStep).toMatchObject({ due: '2027-01-30', basis: expect.stringContaining('第四十一条') });
  });

  it('accepted: the decision due date with its article, the extension and a provisional note', () => {
    const s = explainStage({ state: CaseState.Accepted, procedure: 'ordinary', suspensionGround: null, clocks: [clock('decision', '2027-02-20', { extensionDays: 30, provisional: true })] });
    expect(s.explanation).toContain('已延长30日');
    expect(s.nextStep).toMatchObject({ action: '作出行政复议决定', due: '2027-02-20', provisional: true, note: expect.stringContaining('尚未公布') });
    expect(explainStage({ state: CaseState.Accepted, procedure: 'simplified', suspensionGround: null, clocks: [] }).nextStep?.basis).toContain('30日');
  });

  it('served: the lawsuit window (ALL 45); correction: the applicant\'s 10 working days (ARL 31); every stage explained', () => {
    expect(explainStage({ state: CaseState.Served, procedure: 'ordinary', suspensionGround: null, clocks: [clock('lawsuit', '2026-12-20')] }).nextStep)
      .toMatchObject({ due: '2026-12-20', basis: '《行政诉讼法》第四十五条' });
    expect(explainStage({ state: CaseState.CorrectionRequested, procedure: null, suspensionGround: null, clocks: [clock('applicant-correction', '2026-12-10')] }).nextStep)
      .toMatchObject({ action: '申请人提交补正材料', due: '2026-12-10' });
    for (const state of Object.values(CaseState)) {
      const s = explainStage({ state, procedure: 'ordinary', suspensionGround: null, clocks: [] });
      expect(s.explanation.length).toBeGreaterThan(5);
      expect(s.explanation).not.toBe('案件正在办理中。');
    }
  });
});
