import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

// \s covers tabs, newlines, U+3000 and U+FEFF; the zero-width characters are not whitespace to JavaScript.
const BLANK = /^[\s\u200B-\u200D\u2060]*$/;

/**
 * A text of only spaces (incl. full-width and zero-width ones), tabs or newlines says nothing: in a body it counts
 * as absent, so a required field answers 「必填」 and an optional one is left alone. Runs before validation.
 * Object keys are dropped (absent), list items become undefined (the list keeps its positions and fails its item rules).
 */
@Injectable()
export class BlankTextPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    return meta.type === 'body' ? withoutBlanks(value) : value;
  }
}

function withoutBlanks(value: unknown): unknown {
  if (typeof value === 'string') return BLANK.test(value) ? undefined : value;
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).map(([k, v]) => [k, withoutBlanks(v)] as const).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries);
  }
  return value;
}
