import { diffDays } from '@fuyi/kernel';

export type RecordKind = 'case' | 'consultation';
export type ClusterKeyKind = 'document' | 'project' | 'place';

/** What detection knows of an application or a consultation: no personal data (the place is the land's, not a home). */
export interface ClusterRecord {
  kind: RecordKind;
  id: string;
  /** Receipt date of an application, date of a consultation (YYYY-MM-DD, Asia/Shanghai). */
  on: string;
  townshipId: number | null;
  documentNumber: string | null;
  project: string | null;
  place: string | null;
  /** How a liaison officer recognises it: a case number, or 「咨询（宋庄镇，2026-11-02）」. */
  label: string;
}

export interface MatchSettings {
  /** N: records that make a group dispute (default 5). */
  minRecords: number;
  /** M: the days they must fall within (default 30). */
  windowDays: number;
  /** Similarity (character bigrams, 0..1) from which two project names or places are the same. */
  similarity: number;
}

export interface MatchEvidence {
  kind: ClusterKeyKind;
  /** 1 for an identical document number or normalised name. */
  score: number;
  mine: string;
  theirs: string;
}

const FULL_WIDTH_OPEN = /[[［【(（〔]/g;
const FULL_WIDTH_CLOSE = /[\]］】)）〕]/g;

/** 通征〔2026〕第7号, 通征[2026]7号, 通征（2026）7 号 and 通征〔2026〕第007号 are one document. */
export function normaliseDocumentNumber(raw: string | null): string {
  if (!raw) return '';
  return raw.normalize('NFKC').replace(/\s+/g, '').replace(FULL_WIDTH_OPEN, '〔').replace(FULL_WIDTH_CLOSE, '〕').replace(/[第号]/g, '')
    .replace(/(?<!\d)0+(?=\d)/g, '').toUpperCase();
}

// Words every demolition project name carries: two different projects must not look alike because of them.
// Longer words first: 拆违拆临 goes whole before 拆违 would leave 拆临 behind.
const GENERIC_WORDS = ['项目', '工程', '棚户区', '改造', '棚改', '片区', '拆迁', '征收', '征地', '腾退', '拆除', '违法建设', '拆违拆临', '拆违', '拆临', '违建',
  '整治', '地块', '区域', '有限公司'];

export function normaliseName(raw: string | null): string {
  if (!raw) return '';
  return raw.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toUpperCase();
}

// A leading town or street (宋庄镇, 中仓街道, 于家务回族乡) is shared by every project in it: 宋庄镇东西村 and
// 宋庄镇东南村 are different villages.
const LEADING_DIVISION = /^(北京市)?(通州区)?\p{Script=Han}{1,5}?(镇|街道|乡)/u;
const distinctive = (name: string): string => GENERIC_WORDS.reduce((s, w) => s.split(w).join(''), name.replace(LEADING_DIVISION, ''));
const division = (name: string): string | undefined => LEADING_DIVISION.exec(name)?.[0].replace(/^(北京市)?(通州区)?/, '') || undefined;

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/**
 * Character-bigram Dice coefficient. Chinese names are short and a two-character word carries the meaning: pg_trgm's
 * trigrams rate 小堡村 against 宋庄镇小堡村 at 0.22, bigrams at 0.57.
 */
export function ngramSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const ga = bigrams(a);
  const gb = new Map<string, number>();
  for (const g of bigrams(b)) gb.set(g, (gb.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of ga) {
    const left = gb.get(g) ?? 0;
    if (left > 0) {
      shared++;
      gb.set(g, left - 1);
    }
  }
  return (2 * shared) / (ga.length + bigrams(b).length);
}

// A village or community (小堡村, 北杨洼社区) is the place itself: 小堡村 and 大堡村 are two, though they share 堡村.
const VILLAGE = /\p{Script=Han}{1,6}?(村|社区)/u;
/** 宋庄小堡村 (town written without 镇) and 小堡村 are one village; 小堡村 and 大堡村 are not. */
const sameVillage = (a: string, b: string): boolean => a.endsWith(b) || b.endsWith(a);
/** One short name inside a longer one (小堡村 in 宋庄小堡村二期): the same project with more detail. */
const CONTAINED = 0.8;
/** Up to this many distinctive characters a name is a village or a street: one shared character is chance, not likeness. */
const SHORT = 4;

/** Similarity of two names on what distinguishes them; the whole names when one is nothing but generic words. */
export function nameSimilarity(a: string | null, b: string | null): number {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  // Both name their town and the towns differ: two projects, however alike the rest (东西村 is in more than one town).
  const [ta, tb] = [division(na), division(nb)];
  if (ta && tb && ta !== tb) return 0;
  const da = distinctive(na);
  const db = distinctive(nb);
  if (!da || !db) return ngramSimilarity(na, nb);
  if (da === db) return 1;
  const [va, vb] = [VILLAGE.exec(da)?.[0], VILLAGE.exec(db)?.[0]];
  if (va && vb && !sameVillage(va, vb)) return 0;
  if (da.includes(db) || db.includes(da)) return Math.max(CONTAINED, ngramSimilarity(da, db));
  return Math.min([...da].length, [...db].length) <= SHORT ? 0 : ngramSimilarity(da, db);
}

/**
 * Whether two records of the same respondent concern the same act, project or place, and the strongest evidence:
 * the same document number (exact after normalisation, decisive whatever the projects say), else a similar project
 * name, else — only when one of them names no project — a similar place.
 * Dates are not looked at here (see withinWindow).
 */
export function matchRecords(a: ClusterRecord, b: ClusterRecord, s: MatchSettings): MatchEvidence | null {
  const doc = normaliseDocumentNumber(a.documentNumber);
  if (doc && doc === normaliseDocumentNumber(b.documentNumber)) return { kind: 'document', score: 1, mine: a.documentNumber!, theirs: b.documentNumber! };
  const project = nameSimilarity(a.project, b.project);
  if (project >= s.similarity) return { kind: 'project', score: project, mine: a.project!, theirs: b.project! };
  // Both name their project and the projects differ: two disputes, however close the places (one village may have a
  // redevelopment and a demolition project). The place decides only when a record names no project.
  if (normaliseName(a.project) && normaliseName(b.project)) return null;
  const place = nameSimilarity(a.place, b.place);
  if (place >= s.similarity) return { kind: 'place', score: place, mine: a.place!, theirs: b.place! };
  return null;
}

export const withinWindow = (a: ClusterRecord, b: ClusterRecord, s: MatchSettings): boolean => Math.abs(diffDays(a.on, b.on)) <= s.windowDays;

const KIND_LABEL: Record<ClusterKeyKind, string> = { document: '行政行为文号', project: '项目名称', place: '争议地点' };

/** The reason shown to liaison officers why a record is in a cluster, e.g. 「同一被申请人（区住建委），项目名称“…”与成员…相同」. */
export function explain(e: MatchEvidence, respondent: string, other: ClusterRecord): string {
  const head = `同一被申请人（${respondent}），${KIND_LABEL[e.kind]}“${e.mine}”`;
  if (e.score >= 1) return `${head}与成员${other.label}相同`;
  return `${head}与成员${other.label}的“${e.theirs}”相近（相似度${e.score.toFixed(2)}）`;
}

/**
 * The most records that fall within M days of each other and include the anchor: the cluster a new record founds
 * (N within M days, issue 6 item 4). Records sorted by date; ties keep the earliest window.
 */
export function densestWindow<T extends { on: string }>(records: T[], anchor: T, windowDays: number): T[] {
  const sorted = [...records].sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
  let best: T[] = [];
  for (const start of sorted) {
    if (diffDays(anchor.on, start.on) > windowDays || start.on > anchor.on) continue;
    const inside = sorted.filter((r) => r.on >= start.on && diffDays(r.on, start.on) <= windowDays);
    if (inside.length > best.length) best = inside;
  }
  return best;
}
