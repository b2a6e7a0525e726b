import { applicationPeriodWarning, latestApplicationWarning } from '../domain/warnings';

describe('ARL 20 application period warnings before filing', () => {
  const today = '2026-11-27';
  it('nothing when mediation ends within the period', () => {
    expect(applicationPeriodWarning('2026-12-31', '2026-12-20', today)).toBeNull();
  });
  it('at risk when mediation would outlast it', () => {
    expect(applicationPeriodWarning('2026-12-10', '2026-12-20', today)).toMatchObject({ code: 'APPLICATION_PERIOD_AT_RISK' });
  });
  it('expired (not "apply in time") when the period ended before today, naming ARL 20(2) and 20(3)', () => {
    const w = applicationPeriodWarning('2026-03-06', '2026-12-20', today);
    expect(w).toMatchObject({ code: 'APPLICATION_PERIOD_EXPIRED', on: today });
    expect(w!.message).toContain('已于2026-03-06届满');
    expect(w!.message).toMatch(/第二十条第二款.*第二十条第三款/);
    expect(w!.message).not.toContain('请提示申请人在期限内申请');
    expect(latestApplicationWarning([w!])).toEqual(w);
  });
  it('the due day itself is still within the period', () => {
    expect(applicationPeriodWarning(today, today, today)).toBeNull();
  });
});
