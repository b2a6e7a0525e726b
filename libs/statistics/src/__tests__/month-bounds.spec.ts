import { monthBounds } from '../queries/case-statistics.service';

describe('roll-up month bounds', () => {
  it('a whole year is twelve whole months and no day; pending from the months up to it', () => {
    expect(monthBounds('2019-01-01', '2019-12-31')).toEqual({ firstWholeMonth: '2019-01-01', afterWholeMonths: '2020-01-01', pendingDailyFrom: '2020-01-01' });
  });
  it('partial months at both ends are read by day', () => {
    expect(monthBounds('2019-01-10', '2019-03-20')).toEqual({ firstWholeMonth: '2019-02-01', afterWholeMonths: '2019-03-01', pendingDailyFrom: '2019-03-01' });
    expect(monthBounds('2019-01-15', '2019-01-20')).toEqual({ firstWholeMonth: '2019-02-01', afterWholeMonths: '2019-02-01', pendingDailyFrom: '2019-01-01' });
    expect(monthBounds('2019-12-02', '2020-02-29')).toEqual({ firstWholeMonth: '2020-01-01', afterWholeMonths: '2020-03-01', pendingDailyFrom: '2020-03-01' });
  });
});
