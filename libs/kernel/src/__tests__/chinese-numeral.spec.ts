import { chineseNumeral } from '../chinese-numeral';

describe('chineseNumeral', () => {
  it('prints numbers as the law and documents do', () => {
    expect([1, 8, 10, 12, 20, 41, 88, 99, 100, 105, 110, 125, 999].map(chineseNumeral)).toEqual([
      '一', '八', '十', '十二', '二十', '四十一', '八十八', '九十九', '一百', '一百零五', '一百一十', '一百二十五', '九百九十九',
    ]);
  });

  it.each([0, -1, 1.5, 1000, Number.NaN])('refuses %p', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});
