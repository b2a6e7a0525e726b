import type { FormInstance } from 'antd';
import { ApiError } from '../api/errors';
import { namePath } from '../api/form-errors';

export type FieldPath = (string | number)[];

/**
 * applyFieldErrors (api/form-errors.ts) for forms whose names differ from the body's: puts the API's field errors under the fields they name (the API's Chinese message, unchanged). `rename` maps a body
 * path onto the form's when they differ (a list the body filters, a field the form names otherwise); returns whether any
 * field error was shown, so the caller can still show the whole message when none was.
 */
export function showFieldErrors(form: FormInstance, e: unknown, rename: (p: FieldPath) => FieldPath | null = (p) => p): boolean {
  if (!(e instanceof ApiError) || !e.fields?.length) return false;
  // Only fields the form has: anything else stays in the alert above the form.
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields = e.fields
    .map((f) => ({ name: rename(namePath(f.field)), errors: [f.message] }))
    .filter((f): f is { name: FieldPath; errors: string[] } => f.name !== null && known.has(f.name.join('.')));
  form.setFields(fields);
  return fields.length > 0;
}
