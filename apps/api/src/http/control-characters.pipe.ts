import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { validationFailed } from './validation';

/** C0 control characters other than tab, line feed and carriage return (NUL has its own pipe: PostgreSQL refuses it). */
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * Request bodies carry text people read and documents print: a bell, escape or vertical tab in it is never meant and
 * may corrupt a .docx or a terminal. Refused with a 400 naming the first field that has one (and which character,
 * never the text around it). Query strings and path parameters go through their own validation.
 */
@Injectable()
export class RejectControlCharactersPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type !== 'body') return value;
    const hit = findControl(value, '');
    if (hit) {
      const code = hit.char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw validationFailed([{ field: hit.path || 'body', message: `含有不允许的控制字符（U+${code}）` }]);
    }
    return value;
  }
}

function findControl(value: unknown, path: string): { path: string; char: string } | null {
  if (typeof value === 'string') {
    const m = CONTROL.exec(value);
    return m ? { path, char: m[0] } : null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const hit = findControl(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}
