import { chineseNumeral } from '@fuyi/kernel';

// How users read the statutory citations of the rules (RuleDefinition.article: 'ARL 30', 'ALL 45', '政策（ARL 39、73）').
const LAWS = { ARL: '《行政复议法》', ALL: '《行政诉讼法》', CPL: '《民事诉讼法》' } as const;

/** 'ARL 88(2)' and its neighbours: law, article, optional (paragraph)(item), then more articles of the same law (、73). */
const CITATION = /\b(ARL|ALL|CPL) (\d+)((?:\(\d+\)){0,2})((?:、\d+)*)/g;

const articleOf = (n: string, parts = ''): string => {
  const [paragraph, item] = [...parts.matchAll(/\((\d+)\)/g)].map((x) => chineseNumeral(Number(x[1])));
  return `第${chineseNumeral(Number(n))}条${paragraph ? `第${paragraph}款` : ''}${item ? `第${item}项` : ''}`;
};

/**
 * Citations as users read them: 'ARL 88(2)' → 《行政复议法》第八十八条第二款, 'ARL 39(1)(6)' → …第三十九条第一款第六项,
 * '政策（ARL 39、73）' → 政策（《行政复议法》第三十九条、第七十三条）. Text without a citation is returned as is.
 */
export function citeArticle(article: string): string {
  return article.replace(CITATION, (_all, law: keyof typeof LAWS, n: string, parts: string, more: string) =>
    `${LAWS[law]}${articleOf(n, parts)}${more.split('、').filter(Boolean).map((x) => `、${articleOf(x)}`).join('')}`);
}
