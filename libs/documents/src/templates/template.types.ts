import type { HeadingLevel } from '../domain/document-format';
import type { DocumentType } from '../domain/document-types';

/**
 * One block of a template body (templates/documents/<type>.json), text with {{placeholders}}:
 * - "…": a body paragraph, first line indented two characters;
 * - { "heading": 1-4, "text": "…" }: a heading numbered 一、/（一）/1./（1） by the renderer;
 * - { "text": "…", "indent": false, "align": "right" }: a paragraph laid out differently (e.g. the addressee, flush left);
 * - { "list": "{{items}}", "level": 3 }: one paragraph per value of a list placeholder, numbered like a heading level;
 * - { "paragraphs": "{{text}}" }: one body paragraph per value (or per line of a text), unnumbered (a decision's text).
 */
export type TemplateBlock =
  | string
  | { heading: HeadingLevel; text: string }
  | { text: string; indent?: boolean; align?: 'left' | 'center' | 'right' }
  | { list: string; level?: HeadingLevel }
  | { paragraphs: string };

export interface DocumentTemplate {
  type: DocumentType;
  title: string;
  /** Numbering prefix, e.g. 通复受字 → 通复受字〔2026〕第12号. */
  prefix: string;
  body: TemplateBlock[];
  /** Values used when the data has none (from _common.json and the template's own "defaults"), e.g. the office name. */
  defaults: Record<string, string>;
  /**
   * What the request may supply when the document is issued from a case, each with why the record cannot know it (e.g. a
   * hearing's time of day); everything else comes from the case record (issue #12 item 5). GET /cases/:id/document-types
   * lists these (request-fields.ts derives type and required from the body).
   */
  request: Record<string, RequestField>;
}

/** One value a request may supply for a document issued from a case. */
export interface RequestField {
  /** What a form shows beside the field, in Chinese. */
  label: string;
  /** Why the record cannot know it. */
  why: string;
  /** The placeholder this value fills when it is not one itself (hearingTime fills hearingAt with the recorded date). */
  fills?: string;
  /** A format the value must follow, e.g. HH:mm. */
  format?: string;
}
