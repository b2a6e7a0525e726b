import { citeArticle, computeDeadline, packagedCalendar } from '@fuyi/deadlines';

const calendar = packagedCalendar();

describe('explanation (Chinese, for the clerk)', () => {
  it('acceptance review from 2026-09-29: counted days, holiday run, make-up Saturday, Sunday', () => {
    const r = computeDeadline({ rule: 'acceptance-review', start: '2026-09-29' }, calendar);
    expect(r.explanation).toEqual([
      '起算：2026-09-29（周二）为第0日（收到行政复议申请之日，以任一接待窗口签收时间为准），当日不计入。',
      '规则：受理审查期限，5个工作日，依据《行政复议法》第三十条；按《行政复议法》第八十八条第二款，“5日”指工作日，不含法定休假日，调休上班日按日历设置处理。',
      '计入的工作日（共5个）：2026-09-30、2026-10-08、2026-10-09、2026-10-10、2026-10-12。',
      '2026-10-01至2026-10-07 国庆节放假，不计入。',
      '2026-10-10（周六）为调休上班日（国庆节），计为工作日。',
      '2026-10-11 周日，不计入。',
      '届满日：2026-10-12（周一）。',
      '工作日历：chinese-days软件包内置节假日数据，版本0（调休上班日计为工作日）。',
    ]);
  });

  it('decision from 2026-08-04: day 60 on National Day, roll-forward named', () => {
    const r = computeDeadline({ rule: 'decision', start: '2026-08-04' }, calendar);
    expect(r.explanation).toContain('第60日为2026-10-03（周六），国庆节，非工作日。');
    expect(r.explanation).toContain('2026-10-03至2026-10-07 国庆节放假，不是工作日。');
    expect(r.explanation).toContain('期间最后一日不是工作日，依《民事诉讼法》第八十五条顺延至其后第一个工作日2026-10-08（工作日）。');
    expect(r.explanation.join('\n')).toMatch(/按《行政复议法》第八十八条第一款适用《民事诉讼法》第八十五条：期间开始的日不计算，期间内的节假日不予扣除/);
  });

  it('names suspensions, open pauses and extensions', () => {
    const r = computeDeadline(
      {
        rule: 'decision',
        start: '2026-08-04',
        extensionDays: 30,
        suspensions: [{ from: '2026-08-20', to: '2026-08-25' }, { from: '2026-09-10' }],
        asOf: '2026-09-15',
      },
      calendar,
    );
    const text = r.explanation.join('\n');
    expect(text).toContain('延长：经批准延长30日（上限30日），期间合计90日。');
    expect(text).toContain('中止：2026-08-20起中止，2026-08-25恢复；2026-08-20至2026-08-24共5日不计入期间。');
    expect(text).toContain('中止：2026-09-10起中止，至计算基准日2026-09-15尚未恢复，期限暂停计算；暂按2026-09-15恢复计算');
    expect(text).toContain('中止10日不计入期间，期间最后一日由第90日2026-11-02后移10日至2026-11-12（周四），为工作日。');
    // day 90 = Mon 11-02, + 5 + 5 suspended days = Thu 11-12
    expect(r).toMatchObject({ due: '2026-11-12', paused: true, suspendedDays: 10 });
  });

  it('moves the last day of the period by the suspended days and rolls forward once (domain.md §4)', () => {
    const plain = computeDeadline(
      { rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-03-10', to: '2026-03-17' }] },
      calendar,
    );
    expect(plain.explanation).toContain('第60日为2026-05-01（周五），劳动节，非工作日。');
    expect(plain.explanation).toContain('（不计中止时，第60日不是工作日，应顺延至2026-05-06；节假日顺延不属于期间本身，中止日数不在其后累加。）');
    expect(plain.explanation).toContain('中止7日不计入期间，期间最后一日由第60日2026-05-01后移7日至2026-05-08（周五），为工作日。');
    expect(plain.explanation).toContain('届满日：2026-05-08（周五）。'); // day N moved onto a working day: nothing rolled

    const makeUp = computeDeadline(
      { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-09-01', to: '2026-09-08' }] },
      calendar,
    );
    // 10-03 + 7 = Sat 10-10, a make-up workday
    expect(makeUp.explanation).toContain('中止7日不计入期间，期间最后一日由第60日2026-10-03后移7日至2026-10-10（周六），调休上班日（国庆节），为工作日。');

    const weekend = computeDeadline(
      { rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-03-10', to: '2026-03-17' }, { from: '2026-04-01', to: '2026-04-03' }] },
      calendar,
    );
    expect(weekend.explanation).toContain(
      '中止9日不计入期间，期间最后一日由第60日2026-05-01后移9日至2026-05-10（周日）；2026-05-10 周日，不是工作日，依《民事诉讼法》第八十五条顺延至其后第一个工作日2026-05-11（周一）。',
    );
    expect(weekend.explanation).toContain('届满日：2026-05-11（周一）（已顺延）。');
    const text = weekend.explanation.join('\n');
    expect(text.indexOf('中止：2026-03-10起中止')).toBeLessThan(text.indexOf('中止9日不计入期间'));
  });

  it('marks the due date "（已顺延）" only when the last day (day N moved by the suspensions) was rolled forward', () => {
    // Day 60 = Fri 05-01 (Labour Day); 7 suspended days move it to Fri 05-08, a working day: nothing rolled.
    const moved = computeDeadline({ rule: 'decision', start: '2026-03-02', suspensions: [{ from: '2026-03-10', to: '2026-03-17' }] }, calendar);
    expect(moved.due).toBe('2026-05-08');
    expect(moved.explanation).toContain('届满日：2026-05-08（周五）。');
    // Day 60 = Sat 12-12 without suspension: rolled to Mon 12-14.
    const rolled = computeDeadline({ rule: 'decision', start: '2026-10-13' }, calendar);
    expect(rolled.explanation).toContain('届满日：2026-12-14（周一）（已顺延）。');
  });

  it('says which dates are provisional', () => {
    const r = computeDeadline({ rule: 'correction-notice', start: '2026-12-28' }, calendar);
    const last = r.explanation[r.explanation.length - 1];
    expect(last).toMatch(/^暂定：2027年放假安排尚未载入工作日历，2027-01-01至2027-01-05暂按周末及固定日期法定节假日/);
    expect(r.explanation).toContain('2027-01-01至2027-01-03 元旦放假、周六、周日（暂定），不计入。');
  });

  it('explains the hearing notice backwards and a suspension that came too late', () => {
    const h = computeDeadline({ rule: 'hearing-notice', start: '2026-10-12' }, calendar);
    expect(h.explanation[0]).toBe('基准日：2026-10-12（周一）为举行听证之日，当日不计入，向前倒数。');
    expect(h.explanation).toContain('最迟通知日：2026-09-29（周二）。');
    const late = computeDeadline(
      { rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-10-09', to: '2026-10-20' }] },
      calendar,
    );
    expect(late.explanation).toContain('中止：2026-10-09起的中止开始于期限届满之后，不影响本期限。');
    expect(late.explanation.join('\n')).not.toContain('不计入期间');
    expect(late.due).toBe('2026-10-08');
    // Open and as of its first day (a suspension recorded on an overdue case): the same, not "the due date moves".
    const open = computeDeadline({ rule: 'decision', start: '2026-08-04', suspensions: [{ from: '2026-10-09' }], asOf: '2026-10-09' }, calendar);
    expect(open.explanation).toContain('中止：2026-10-09起的中止开始于期限届满之后，不影响本期限。');
    expect(open.explanation.join('\n')).not.toContain('届满日相应后移');
    expect(open.due).toBe('2026-10-08');
  });

  it('names the 2025 National Day run that includes Mid-Autumn once', () => {
    const r = computeDeadline({ rule: 'respondent-reply', start: '2025-09-30' }, calendar);
    expect(r.explanation).toContain('2025-10-01至2025-10-08 国庆节、中秋节放假，不计入。');
  });

  it('cites articles in Chinese: law, article, paragraph and item, never the English shorthand', () => {
    expect(citeArticle('ARL 88(2)')).toBe('《行政复议法》第八十八条第二款');
    expect(citeArticle('ARL 39(1)(6)')).toBe('《行政复议法》第三十九条第一款第六项');
    expect(citeArticle('ALL 45')).toBe('《行政诉讼法》第四十五条');
    expect(citeArticle('政策（ARL 39、73）')).toBe('政策（《行政复议法》第三十九条、第七十三条）');
    expect(citeArticle('ALL 101')).toBe('《行政诉讼法》第一百零一条');
    const working = computeDeadline({ rule: 'acceptance-review', start: '2026-09-29' }, calendar).explanation.join('\n');
    const days = computeDeadline({ rule: 'decision', start: '2026-08-04' }, calendar).explanation.join('\n');
    expect(working).toContain('按《行政复议法》第八十八条第二款，“5日”指工作日');
    expect(`${working}\n${days}`).not.toMatch(/\b(ARL|ALL|CPL)\b/);
  });
});
