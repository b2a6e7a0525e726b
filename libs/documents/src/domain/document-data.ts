import { findPersonalData } from '@fuyi/kernel';
import { DocumentErrors } from './document-errors';
import type { DocumentData } from './document-types';

const KEY = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const LIMITS = { keys: 40, text: 5000, items: 50, item: 1000 } as const;

/** Checks shape and size of caller-supplied placeholder values and refuses anything that looks like personal data. */
export function checkDocumentData(data: unknown): DocumentData {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw DocumentErrors.dataInvalid('', '文书数据应为对象');
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length > LIMITS.keys) throw DocumentErrors.dataInvalid('', `文书数据最多 ${LIMITS.keys} 项`);
  for (const [key, value] of entries) {
    if (!KEY.test(key)) throw DocumentErrors.dataInvalid(key, '字段名应为英文字母和数字');
    const texts = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && value.length > LIMITS.items) throw DocumentErrors.dataInvalid(key, `最多 ${LIMITS.items} 项`);
    for (const text of texts) {
      if (typeof text !== 'string') throw DocumentErrors.dataInvalid(key, '应为文本或文本列表');
      if (text.length > (Array.isArray(value) ? LIMITS.item : LIMITS.text)) throw DocumentErrors.dataInvalid(key, '内容过长');
      // Stored document data must not carry personal data beyond names (PIPL): resident ID numbers, mobile and landline numbers.
      if (findPersonalData(text)) throw DocumentErrors.personalData(key);
    }
  }
  return data as DocumentData;
}
