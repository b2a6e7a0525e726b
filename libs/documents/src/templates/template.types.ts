import type { HeadingLevel } from '../domain/document-format';
import type { DocumentType } from '../domain/document-types';

/**
 * One block of a template body (templates/documents/<type>.json), text with {{placeholders}}:
 * - "…": a body paragraph, first line indented two characters;
 * - { "heading": 1-4, "text": "…" }: a heading numbered 一、/（一）/1./（1） by the renderer;
 * - { "text": "…", "indent": false, "align": "right" }: a paragraph laid out differently (e.g. the addressee, flush left);
 * - { "list": "{{items}}", "level": 3 }: one paragraph per value of a list placeholder, numbered like a heading level.
 */
export type TemplateBlock =
  | string
  | { heading: HeadingLevel; text: string }
  | { text: string; indent?: boolean; align?: 'left' | 'center' | 'right' }
  | { list: string; level?: HeadingLevel };

export interface DocumentTemplate {
  type: DocumentType;
  title: string;
  /** Numbering prefix, e.g. 通复受字 → 通复受字〔2026〕第12号. */
  prefix: string;
  body: TemplateBlock[];
  /** Values used when the data has none (from _common.json and the template's own "defaults"), e.g. the office name. */
  defaults: Record<string, string>;
}
