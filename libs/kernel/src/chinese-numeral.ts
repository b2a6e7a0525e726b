const DIGITS = '零一二三四五六七八九';

/**
 * Numbers as laws and documents print them: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五, 110 → 一百一十
 * (1..999: article, paragraph and item numbers, heading numbers).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`numeral out of range: ${n}`);
  if (n >= 100) {
    const rest = n % 100;
    const hundreds = `${DIGITS[Math.floor(n / 100)]}百`;
    if (rest === 0) return hundreds;
    return rest < 10 ? `${hundreds}零${DIGITS[rest]}` : `${hundreds}${DIGITS[Math.floor(rest / 10)]}十${rest % 10 ? DIGITS[rest % 10] : ''}`;
  }
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}
