import { describe, expect, it } from 'vitest';
import { outcomeEffect } from './outcome-effect';

const linked = (state: string, stateLabel: string) => ({ caseId: 'c1', caseNumber: '通复〔2026〕12号', state, stateLabel, version: 3 });

describe('outcomeEffect: what an outcome does to the linked case, shown before confirming', () => {
  it('a failure resumes the case the file suspended, and says the new due date follows', () => {
    const text = outcomeEffect({ linkedCase: linked('suspended', '中止审理'), caseSuspendedFrom: '2026-12-01', applicationDue: null, source: 'case' }, 'failure');
    expect(text).toContain('将自今日恢复审理');
    expect(text).toContain('确认后显示新的期限');
  });

  it('a suspension that is not the file\'s own is left to the handler', () => {
    const text = outcomeEffect({ linkedCase: linked('suspended', '中止审理'), caseSuspendedFrom: null, applicationDue: null, source: 'case' }, 'backed_out');
    expect(text).toContain('由其决定是否恢复审理');
  });

  it('an agreement in a case waits for the head\'s seal (ARL 73); a withdrawal for the approval (ARL 41(1))', () => {
    const file = { linkedCase: linked('suspended', '中止审理'), caseSuspendedFrom: '2026-12-01', applicationDue: null, source: 'case' };
    expect(outcomeEffect(file, 'agreement')).toContain('第七十三条');
    expect(outcomeEffect(file, 'reconciliation')).toContain('第四十一条第一项');
  });

  it('before filing: an agreement takes effect on signature; a failure reminds of the application period (ARL 20)', () => {
    const file = { linkedCase: null, caseSuspendedFrom: null, applicationDue: '2026-12-21', source: 'intake' };
    expect(outcomeEffect(file, 'agreement')).toContain('经各方签字即生效');
    expect(outcomeEffect(file, 'failure')).toContain('2026-12-21 前申请行政复议');
  });

  it('a case under review cannot take a closing outcome: the page says the API will refuse', () => {
    const text = outcomeEffect({ linkedCase: linked('registered', '待受理审查'), caseSuspendedFrom: null, applicationDue: null, source: 'window' }, 'agreement');
    expect(text).toContain('当前不能记录调解结果');
  });
});
