import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * A small vocabulary for response schemas (OpenAPI 3.0), so that each operation's answer reads in a few lines.
 * obj(required, optional) is a closed list of documented properties; a client generated from the document sees exactly these.
 */
export type S = SchemaObject;

export const str: S = { type: 'string' };
export const int: S = { type: 'integer' };
export const num: S = { type: 'number' };
export const bool: S = { type: 'boolean' };
export const uuid: S = { type: 'string', format: 'uuid' };
/** A calendar date in Asia/Shanghai, YYYY-MM-DD. */
export const date: S = { type: 'string', format: 'date', example: '2026-03-02' };
/** An instant, ISO 8601 with offset. */
export const instant: S = { type: 'string', format: 'date-time', example: '2026-03-02T08:30:00.000Z' };
/** Any JSON value (free-form data such as a document's data or an audit summary). */
export const any: S = {};

// OpenAPI 3.0 `nullable` needs a type beside it; a free-form value ({}) admits null already.
export const nul = (s: S): S => (s.type ? { ...s, nullable: true } : s);
export const arr = (items: S): S => ({ type: 'array', items });
export const oneOfStr = (...values: string[]): S => ({ type: 'string', enum: values });
export const ref = (name: string): S => ({ $ref: `#/components/schemas/${name}` }) as S;
export const map = (values: S): S => ({ type: 'object', additionalProperties: values });

export function obj(required: Record<string, S>, optional: Record<string, S> = {}): S {
  const properties = { ...required, ...optional };
  return { type: 'object', properties, ...(Object.keys(required).length ? { required: Object.keys(required) } : {}) };
}

/** The one list shape: a page of items and the cursor of the next page (null on the last). */
export const page = (items: S): S => obj({ items: arr(items), nextCursor: nul(str) });

/** A Word document (.docx) download. */
export const docx: S = {
  type: 'string',
  format: 'binary',
  'x-media': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as S;

/**
 * The success answers of every operation, by operationId (controller_method, see http/openapi.ts) and status;
 * null for an answer without a body (204).
 */
export type ResponseRegistry = Record<string, Record<string, S | null>>;
