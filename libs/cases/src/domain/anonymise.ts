import { findPersonalData } from '@fuyi/kernel';

/**
 * ARL 79 publication: a decision text without personal information (PIPL; domain.md §9). Plain functions, no framework.
 * What the record knows is replaced exactly (every natural person's name → surname + 某, their addresses); what it
 * may not know is found by pattern: resident ID numbers (GB 11643, 18 or 15 characters), mobile and landline phone
 * numbers, vehicle plates, addresses (after 住/住址/地址…, or a road/village/estate with a house number), and names
 * introduced by a party title. Organisations (respondents, companies) are kept: the decision is about their acts.
 * When in doubt the text loses a little more than needed, never less.
 */
export interface AnonymiseContext {
  /** Natural persons named in the record: applicants, third parties, agents, legal representatives, heads. */
  persons: string[];
  /** Addresses from the record (decrypted), replaced wherever they appear. */
  addresses: string[];
}

export const REDACTED = { id: '［身份证号码］', phone: '［电话号码］', address: '［住址］', plate: '［车牌号码］' } as const;

const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '申屠', '西门', '南宫', '独孤'];

/** 王小明 → 王某; 欧阳娜娜 → 欧阳某. */
export function surnameOnly(name: string): string {
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length);
  return `${compound ?? [...name][0]}某`;
}

const PATTERNS: Array<[RegExp, string]> = [
  // Resident ID numbers: 18 characters (17 digits + digit or X) or the old 15 digits, not inside a longer number.
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, REDACTED.id],
  [/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g, REDACTED.id],
  // Mobile numbers (optionally +86, spaces or dashes between groups), landlines with an area code, 400/800 numbers.
  [/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g, REDACTED.phone],
  [/(?:[(（]0\d{2,3}[)）]\s?|(?<!\d)0\d{2,3}[-－\s])\d{7,8}(?:[-－转]\d{1,5})?(?!\d)/g, REDACTED.phone],
  // Vehicle plates: province + letter + 5 (6 for new-energy) characters, optionally with a separator dot.
  [/[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-HJ-NP-Z][·•・.\s-]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]/g, REDACTED.plate],
  // An address introduced as one: up to the next punctuation.
  [/(住址|住所地|住所|家庭住址|现住|家住|居住地|通讯地址|送达地址|地址|住)([：:]?\s*)[^，,。；;\n（(]{4,60}?(?:号|室|层|组|村|楼|院|单元|栋|幢|\d)(?=[，,。；;\n（(]|$)/g, `$1$2${REDACTED.address}`],
  // An estate's building-unit-room in digits (杨庄北里小区7-3-201).
  [/[\u4e00-\u9fa5]{0,8}(?:小区|家园|花园|公寓|社区|里|苑|村)\d+(?:[-－]\d+){1,3}(?:室|号)?/g, REDACTED.address],
  // A road, lane, village or estate followed by a house number, wherever it appears.
  [/[\u4e00-\u9fa5]{0,8}(?:路|街|巷|胡同|里|村|小区|社区|家园|花园|公寓|苑|庄)[\u4e00-\u9fa5\d\-－]{0,10}?\d+(?:号院|号楼|号|栋|幢)(?:[\d\-－]+(?:号楼|号|栋|幢|单元|层|室))*(?:[\d\-－]+室)?/g, REDACTED.address],
];

/**
 * A person's name the record does not hold, where a decision introduces one: a title then the name then the sex
 * (申请人：张三，男，…), or after 姓名. Not after 被 (the respondent is an organisation).
 */
const TITLED_NAME = /(?<!被)(申请人|第三人|委托代理人|代理人|法定代理人|法定代表人|负责人|证人|姓名)([：:]?)([\u4e00-\u9fa5]{2,4})(?=[，,（(]\s*[男女])/g;
const NAMED = /(姓名[：:]\s*)([\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])/g;
const ORGANISATION_END = /(局|委|队|所|府|院|司|厂|会|处|办|中心|站|社|部|厅|行|校|馆|组|室)$/;

export function anonymise(text: string, ctx: AnonymiseContext): string {
  let out = text;
  for (const a of [...new Set(ctx.addresses.filter((x) => x && x.length >= 4))].sort((x, y) => y.length - x.length)) {
    out = out.split(a).join(REDACTED.address);
  }
  for (const [re, by] of PATTERNS) out = out.replace(re, by);
  for (const n of [...new Set(ctx.persons.filter((x) => x && x.length >= 2))].sort((x, y) => y.length - x.length)) {
    out = out.split(n).join(surnameOnly(n));
  }
  out = out.replace(TITLED_NAME, (all, title: string, colon: string, name: string) =>
    name.endsWith('某') || ORGANISATION_END.test(name) ? all : `${title}${colon}${surnameOnly(name)}`);
  out = out.replace(NAMED, (all, lead: string, name: string) => (name.endsWith('某') ? all : `${lead}${surnameOnly(name)}`));
  // Last net: the kernel's detector (full-width digits, odd separators) on every remaining run of digits.
  return out.replace(/[0-9０-９+＋][0-9０-９\s\-－.·()（）]{5,}[0-9０-９Xx]/g, (m) => (findPersonalData(m) ? REDACTED.id.replace('身份证号码', '已隐去') : m));
}
