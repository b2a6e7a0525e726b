import type { FormInstance } from 'antd';
import { ApiError } from './errors';

/** 'applicants.0.idNumber' (the API's field path) → ['applicants', 0, 'idNumber'] (an Ant Design form name path). */
export function namePath(field: string): Array<string | number> {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the API's field errors (ErrorBody.fields) on the form's fields, so the clerk sees each message where she typed;
 * returns true when at least one field took a message (otherwise show errorMessage(e) above the form).
 */
export function applyFieldErrors(form: FormInstance, e: unknown): boolean {
  if (!(e instanceof ApiError) || !e.fields?.length) return false;
  const byField = new Map<string, string[]>();
  for (const f of e.fields) byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
  form.setFields([...byField].map(([field, errors]) => ({ name: namePath(field), errors })));
  return true;
}

/**
 * One Idempotency-Key per filled-in form (issue 13 item 3): a double click or a resubmission after a network failure
 * sends the same key, so the API creates one case, not two. Take a new key only once the form was accepted.
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
