import { DocumentErrors } from '../domain/document-errors';
import { printedDate } from '../domain/document-format';
import type { DocumentData } from '../domain/document-types';
import type { DocumentTemplate, TemplateBlock } from '../templates/template.types';

const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g;

/** Every document prints its number under the title and the office and date at the end. */
export const ALWAYS_REQUIRED = ['documentNumber', 'office', 'issuedOn'] as const;

function blockTexts(block: TemplateBlock): string[] {
  if (typeof block === 'string') return [block];
  if ('paragraphs' in block) return [block.paragraphs];
  return 'list' in block ? [block.list] : [block.text];
}

/** Placeholder names used by a template, in order of first use. */
export function placeholdersOf(t: Pick<DocumentTemplate, 'title' | 'body'>): string[] {
  const names = new Set<string>();
  for (const text of [t.title, ...t.body.flatMap(blockTexts)]) for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]);
  return [...names];
}

export function requiredPlaceholders(t: Pick<DocumentTemplate, 'title' | 'body'>): string[] {
  return [...new Set([...placeholdersOf(t), ...ALWAYS_REQUIRED])];
}

const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && (!v.length || v.some(blank)));

/**
 * The values a template needs, from the data or the template's defaults. Anything missing is an error listing
 * every missing name: a document is never issued with a silent blank.
 */
export function resolveData(template: DocumentTemplate, data: DocumentData): DocumentData {
  const used: DocumentData = {};
  const missing: string[] = [];
  for (const name of requiredPlaceholders(template)) {
    const value = Object.hasOwn(data, name) ? data[name] : template.defaults[name];
    if (blank(value)) {
      missing.push(name);
      continue;
    }
    if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      throw DocumentErrors.dataInvalid(name, '应为文本或文本列表');
    }
    used[name] = value;
  }
  if (missing.length) throw DocumentErrors.dataMissing(missing);
  return used;
}

const printed = (v: string | string[]) => (Array.isArray(v) ? v.map(printedDate).join('、') : printedDate(v));

/** Fills a text's placeholders (values already resolved): lists join with 、, ISO dates print as 2026年11月27日. */
export function fillText(text: string, values: DocumentData): string {
  return text.replace(PLACEHOLDER, (_, name: string) => printed(values[name]));
}

/** The values of a list block: a list placeholder, or a single text as a one-item list. */
export function listItems(list: string, values: DocumentData): string[] {
  const value = values[list.slice(2, -2)];
  return (Array.isArray(value) ? value : [value]).map(printedDate);
}

/** The paragraphs of a paragraphs block: each value of a list, or each non-empty line of a text, as written. */
export function paragraphTexts(placeholder: string, values: DocumentData): string[] {
  const value = values[placeholder.slice(2, -2)];
  return (Array.isArray(value) ? value : value.split(/\r?\n/)).map((p) => p.trim()).filter(Boolean);
}
