import { placeholdersOf } from '../render/placeholders';
import type { DocumentTemplate, TemplateBlock } from './template.types';

/** A value the caller supplies when issuing a document from a case, as GET /cases/:id/document-types lists it. */
export interface DocumentField {
  key: string;
  label: string;
  /** text: one text; list: a list of texts, one numbered paragraph each. */
  type: 'text' | 'list';
  required: boolean;
  format: string | null;
  /** Why the record cannot know it. */
  note: string;
}

const single = (placeholder: string) => placeholder.slice(2, -2);

/** Placeholders printed one paragraph per value (list and paragraphs blocks). */
export function listPlaceholders(t: Pick<DocumentTemplate, 'body'>): Set<string> {
  return new Set(
    t.body.flatMap((b: TemplateBlock) => (typeof b === 'string' ? [] : 'list' in b ? [single(b.list)] : 'paragraphs' in b ? [single(b.paragraphs)] : [])),
  );
}

/**
 * What the request supplies for a template, derived from the template itself: its `request` declarations give key, label,
 * format and why; the body gives the type (a list block takes a list) and whether it is required (every placeholder the
 * body prints must have a value unless the template has a default for it; resolveData refuses a blank).
 */
export function requestFields(t: DocumentTemplate): DocumentField[] {
  const read = new Set(placeholdersOf(t));
  const lists = listPlaceholders(t);
  return Object.entries(t.request).map(([key, f]) => {
    const target = f.fills ?? key;
    return {
      key,
      label: f.label,
      type: !f.fills && lists.has(key) ? 'list' : 'text',
      required: read.has(target) && !Object.hasOwn(t.defaults, target),
      format: f.format ?? null,
      note: f.why,
    };
  });
}
