// How users read the statutory citations of the rules (RuleDefinition.article: 'ARL 30', 'ALL 45', '政策（ARL 39、73）').
const LAWS = { ARL: '《行政复议法》', ALL: '《行政诉讼法》', CPL: '《民事诉讼法》' } as const;
const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (1..999: article, paragraph and item numbers). */
export function chineseArticleNumber(n: number): string {
  if (n >= 100) {
    const rest = n % 100;
    return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : `${DIGITS[Math.floor(rest / 10)]}十${rest % 10 ? DIGITS[rest % 10] : ''}`}`;
  }
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** 'ARL 88(2)' and its neighbours: law, article, optional (paragraph)(item), then more articles of the same law (、73). */
const CITATION = /\b(ARL|ALL|CPL) (\d+)((?:\(\d+\)){0,2})((?:、\d+)*)/g;

const articleOf = (n: string, parts = ''): string => {
  const [paragraph, item] = [...parts.matchAll(/\((\d+)\)/g)].map((x) => chineseArticleNumber(Number(x[1])));
  return `第${chineseArticleNumber(Number(n))}条${paragraph ? `第${paragraph}款` : ''}${item ? `第${item}项` : ''}`;
};

/**
 * Citations as users read them: 'ARL 88(2)' → 《行政复议法》第八十八条第二款, 'ARL 39(1)(6)' → …第三十九条第一款第六项,
 * '政策（ARL 39、73）' → 政策（《行政复议法》第三十九条、第七十三条）. Text without a citation is returned as is.
 */
export function citeArticle(article: string): string {
  return article.replace(CITATION, (_all, law: keyof typeof LAWS, n: string, parts: string, more: string) =>
    `${LAWS[law]}${articleOf(n, parts)}${more.split('、').filter(Boolean).map((x) => `、${articleOf(x)}`).join('')}`);
}
